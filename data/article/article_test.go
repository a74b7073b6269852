package article

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDatelineForms(t *testing.T) {
	tests := []struct {
		file            string
		date, from      string
		line            int
		note, title     string
		titleFrom, text string // text: a prefix of Article.Text
	}{
		{file: "date_iso.txt", date: "2024-02-20", from: "line 1", line: 1,
			title: "The harbour board approved a new ferry timetable, its chair said.", titleFrom: "line 1",
			text: " date 2024-02-20 The harbour board"},
		{file: "published_dmy.txt", date: "2024-02-20", from: "line 2", line: 2,
			title: "Council sets its budget for next year", titleFrom: "line 1"},
		{file: "time_dotted.txt", date: "2023-05-19", from: "line 2", line: 2,
			title: "Flood warnings lifted along the river", titleFrom: "line 1"},
		{file: "month_day.txt", date: "2008-05-24", from: "line 2", line: 2,
			title: "Storm brings down power lines", titleFrom: "line 1"},
		// A line that is only the date line gives the title to the next one.
		{file: "weekday_first.txt", date: "2024-02-20", from: "line 1", line: 1,
			title: "Ministers meet to discuss the port strike", titleFrom: "line 3"},
		{file: "byline.txt", date: "2024-02-21", from: "line 2", line: 2,
			title: "Museum reopens after repairs", titleFrom: "line 1"},
		{file: "updated_then_published.txt", date: "2024-02-20", from: "line 2", line: 2,
			title: "Rail talks resume", titleFrom: "line 1"},
		{file: "wrong_weekday.txt", date: "2024-02-20", from: "line 2", line: 2,
			note:  "the dateline says Monday, but 2024-02-20 was a Tuesday",
			title: "Dock strike called off", titleFrom: "line 1"},
		// A date below the first five non-blank lines is about the story.
		{file: "too_far_down.txt", title: "Library to close for a month", titleFrom: "line 1"},
		// A date inside a sentence, with no cue, is an event's date.
		{file: "date_in_sentence.txt",
			title: "The ferry sank on May 24, 2008 near the island, killing nine people, officials…", titleFrom: "line 1"},
		// The text is what dateline reads from a text_file: no BOM, LF.
		{file: "crlf.txt", date: "2024-02-20", from: "line 2", line: 2,
			title: "Market report", titleFrom: "line 1", text: "Market report\ndate 2024-02-20\n\nPrices rose.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := Read(filepath.Join("testdata", "datelines", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			want := Published{Date: tt.date, From: tt.from, Line: tt.line, Note: tt.note}
			if a.Published != want {
				t.Errorf("Published = %+v, want %+v", a.Published, want)
			}
			if a.Published.Known() != (tt.date != "") {
				t.Errorf("Known() = %v", a.Published.Known())
			}
			if a.Title != tt.title || a.TitleFrom != tt.titleFrom {
				t.Errorf("Title = %q from %q, want %q from %q", a.Title, a.TitleFrom, tt.title, tt.titleFrom)
			}
			if a.Format != PlainText {
				t.Errorf("Format = %q", a.Format)
			}
			if !strings.HasPrefix(a.Text, tt.text) {
				t.Errorf("Text = %q, want it to start %q", a.Text, tt.text)
			}
		})
	}
}

func TestDatesIn(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"date 2024-02-20 and 2024-02-30", []string{"2024-02-20"}}, // no 30 February
		{"Published 20 February 2024", []string{"2024-02-20"}},
		{"20th of Feb. 2024", []string{"2024-02-20"}},
		{"Sept. 5, 2023 and Sep 6 2023", []string{"2023-09-05", "2023-09-06"}},
		{"10:00, 19.05.2023", []string{"2023-05-19"}},
		{"13/05/2023 but not 05/06/2023", []string{"2023-05-13"}},
		{"2024-02-20T07:45:00Z", []string{"2024-02-20"}},
		{"29 February 2023 is not a day; 29 February 2024 is", []string{"2024-02-29"}},
		{"Mark 20 2024, May 2024, 1.2.3", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range datesIn(tt.in) {
			got = append(got, c.date)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("datesIn(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTitleCutAtWord(t *testing.T) {
	long := strings.Repeat("word ", 30)
	got := cutAtWord(strings.TrimSpace(long), 80)
	if n := len([]rune(got)); n > 80 || !strings.HasSuffix(got, "word…") {
		t.Errorf("cutAtWord = %q (%d characters)", got, n)
	}
	if got := cutAtWord("short title", 80); got != "short title" {
		t.Errorf("cutAtWord(short) = %q", got)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: the limit is checked from its size, before reading.
	if err := f.Truncate(MaxSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()

	tests := []struct {
		path string
		is   error
		msg  string
	}{
		{filepath.Join(dir, "missing.txt"), fs.ErrNotExist, "missing.txt: no such file"},
		{dir, ErrFolder, ": is a folder, not an article"},
		{write("empty.txt", nil), ErrEmpty, "empty.txt: is empty"},
		{write("blank.md", []byte(" \n\t\n")), ErrEmpty, "blank.md: is empty"},
		{write("nul.txt", []byte("line one\nab\x00c")), ErrBinary, "nul.txt:2:3: is not text: it holds a NUL byte"},
		{write("latin1.txt", []byte("caf\xe9\n")), ErrBinary, "latin1.txt:1:4: is not UTF-8 text: byte 0xe9"},
		{write("scripts.html", []byte("<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>")),
			ErrNoText, "scripts.html: has no article text once its markup is removed"},
		{big, ErrTooLarge, "huge.txt: is 16.0 MB, more than the 16 MB an article may be"},
	}
	for _, tt := range tests {
		a, err := Read(tt.path)
		if err == nil {
			t.Errorf("Read(%s) = %+v, want an error", tt.path, a)
			continue
		}
		if !errors.Is(err, tt.is) {
			t.Errorf("Read(%s) = %v, want errors.Is %v", tt.path, err, tt.is)
		}
		if !strings.HasPrefix(err.Error(), tt.path) || !strings.HasSuffix(err.Error(), tt.msg) {
			t.Errorf("Read(%s) error %q, want it to name the file and end %q", tt.path, err, tt.msg)
		}
	}
}

func TestParseLimitWithoutStat(t *testing.T) {
	// A reader (a pipe, standard input) has no size to check first; the
	// limit still holds.
	_, err := Parse("stdin.txt", bytes.NewReader(bytes.Repeat([]byte("a"), MaxSize+1)))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Parse of MaxSize+1 bytes: %v, want ErrTooLarge", err)
	}
	a, err := Parse("stdin.txt", bytes.NewReader(bytes.Repeat([]byte("a"), 100)))
	if err != nil || len(a.Text) != 100 {
		t.Fatalf("Parse of 100 bytes: %v", err)
	}
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		name, head string
		want       Format
	}{
		{"a.txt", "<html>", PlainText},
		{"a.MD", "# x", Markdown},
		{"a.markdown", "x", Markdown},
		{"page.htm", "x", HTML},
		{"saved", "\n  <!DOCTYPE html><html>", HTML},
		{"saved", "Plain words", PlainText},
	}
	for _, tt := range tests {
		if got := formatOf(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("formatOf(%q, %q) = %q, want %q", tt.name, tt.head, got, tt.want)
		}
	}
}

func TestTitleFromFileName(t *testing.T) {
	// Only punctuation on its lines: nothing for a title but the name.
	a, err := Parse("notes/2024-briefing.txt", strings.NewReader("--\n\n| - |\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "2024-briefing" || a.TitleFrom != "file name" {
		t.Errorf("Title = %q from %q", a.Title, a.TitleFrom)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"date 2024-02-20 Text.", "<html><article><p>x</p></article>", "---\ntitle: x\n---\n**a**",
		"<p><pre>a\n b</pre>", "Tuesday, February 30, 2024\n", "<header><header></header>",
	} {
		f.Add("a.txt", s)
		f.Add("a.html", s)
		f.Add("a.md", s)
	}
	f.Fuzz(func(t *testing.T, name, s string) {
		a, err := Parse(name, strings.NewReader(s))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != name {
				t.Fatalf("error %v does not name the file", err)
			}
			return
		}
		if strings.TrimSpace(a.Text) == "" || a.Title == "" {
			t.Fatalf("article with no text or title: %+v", a)
		}
		if a.Published.Known() && len(a.Published.Date) != 10 {
			t.Fatalf("published %q is not a day", a.Published.Date)
		}
		if joinLines(a.lines) != a.Text {
			t.Fatalf("the lines do not make the text")
		}
		last := 0
		for off := range len([]rune(a.Text)) + 1 {
			line, col := a.Position(off)
			if line < last || col < 1 {
				t.Fatalf("Position(%d) = %d:%d after line %d", off, line, col, last)
			}
			last = line
		}
	})
}

func TestPosition(t *testing.T) {
	tests := []struct {
		file, at  string // at: text whose first character is looked up
		line, col int
	}{
		{"testdata/datelines/crlf.txt", "Prices", 4, 1},
		{"testdata/datelines/date_iso.txt", "ferry", 1, 51},
		{"testdata/news_page.html", "Rail workers", 53, 1},
		{"testdata/news_page.html", "Talks are due", 67, 1},
		{"testdata/news_page.html", "Operators said", 65, 1}, // after a <br>: its own line of the page
		{"testdata/article.md", "Construction starts", 20, 1},
		{"testdata/article.md", "Council minutes", 33, 1},
		{"testdata/article.md", "ending a decade-long", 12, 10},
	}
	for _, tt := range tests {
		a, err := Read(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(a.Text, tt.at)
		if i < 0 {
			t.Fatalf("%s: %q not in the text", tt.file, tt.at)
		}
		offset := len([]rune(a.Text[:i]))
		if line, col := a.Position(offset); line != tt.line || col != tt.col {
			t.Errorf("%s: Position of %q = %d:%d, want %d:%d", tt.file, tt.at, line, col, tt.line, tt.col)
		}
	}
}

// benchArticle is a 10,000-word article: the size the drafter's speed
// target is set for.
func benchArticle() string {
	para := "Officials said on Tuesday that the talks, which began in 2023, would resume next month in Geneva. "
	var b strings.Builder
	b.WriteString("Talks to resume\ndate 2024-02-20\n\n")
	for b.Len() < 62000 {
		b.WriteString(strings.Repeat(para, 5))
		b.WriteString("\n\n")
	}
	return b.String()
}

func BenchmarkParseText(b *testing.B) {
	s := benchArticle()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if _, err := Parse("a.txt", strings.NewReader(s)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseHTML(b *testing.B) {
	s := "<html><head><title>Talks</title></head><body><nav><a>Home</a></nav><article><p>" +
		strings.ReplaceAll(benchArticle(), "\n\n", "</p>\n<p>") + "</p></article></body></html>"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if _, err := Parse("a.html", strings.NewReader(s)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseMarkdown(b *testing.B) {
	s := strings.ReplaceAll(benchArticle(), "Geneva", "**Geneva** [link](https://x.example)")
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if _, err := Parse("a.md", strings.NewReader(s)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDatelineInLines(t *testing.T) {
	tests := []struct{ text, date string }{
		{"Headline\nPublished: 2:14 PM EST, Tue February 20, 2024\n", "2024-02-20"},
		{"Headline\nUpdated 3:05 PM EST, Wed February 21, 2024\nPublished 9:00 AM EST, Tue February 20, 2024\n", "2024-02-20"},
		{"Headline\nLast update: 21 Feb 2024\n", ""},
		{"Headline\nTue 20 Feb 2024 10.00 GMT\n", "2024-02-20"},
		{"Headline\nFebruary 20th, 2024 at 10:14 a.m.\n", "2024-02-20"},
		{"Headline\nBy Ana Lind | 20 February, 2024\n", "2024-02-20"},
		{"Headline\nPosted on 19.05.2023\n", "2023-05-19"},
		{"Mandate 2024-02-20 expires\n", ""},
	}
	for _, tt := range tests {
		a, err := Parse("a.txt", strings.NewReader(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		if a.Published.Date != tt.date {
			t.Errorf("%q: published %q, want %q", tt.text, a.Published.Date, tt.date)
		}
	}
}
