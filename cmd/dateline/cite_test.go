package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"dateline/data"
	"dateline/data/article"
)

const citeSource = "testdata/cite/source.txt"

// citedSpan pastes a block cite printed under an event of a dataset whose
// source is the cited file, loads it, and returns the start of the span the
// citation resolved to; it fails the test when the citation has a problem.
func citedSpan(t *testing.T, block string) int {
	t.Helper()
	var items []map[string]any
	if err := yaml.Unmarshal([]byte(block), &items); err != nil || len(items) != 1 {
		t.Fatalf("not one YAML citation (%v):\n%s", err, block)
	}
	if items[0]["source"] != "source" {
		t.Errorf("source placeholder %v, want the file's base name", items[0]["source"])
	}
	ds := "dateline: 1\nsources:\n  - id: source\n    title: The source\n    text_file: source.txt\n" +
		"events:\n  - id: e\n    title: An event\n    citations:\n"
	for _, line := range strings.Split(strings.TrimRight(block, "\n"), "\n") {
		ds += "      " + line + "\n"
	}
	l := data.LoadBytes("snippet.yaml", []byte(ds), filepath.Dir(citeSource))
	if l.Timeline == nil || len(l.Problems) > 0 {
		t.Fatalf("the printed citation has problems: %v\n%s", l.Problems, ds)
	}
	span := l.Timeline.Event(0).Citations[0].Span
	if !span.Resolved || span.Start != items[0]["start"] || span.End != items[0]["end"] {
		t.Errorf("resolved to %+v, block says %v–%v", span, items[0]["start"], items[0]["end"])
	}
	return span.Start
}

// blocks splits cite's output into its citations.
func blocks(out string) []string {
	var bs []string
	for _, b := range strings.Split(out, "\n\n") {
		if strings.TrimSpace(b) != "" {
			bs = append(bs, b)
		}
	}
	return bs
}

func TestCite(t *testing.T) {
	tests := []struct {
		name    string
		quote   string
		starts  []int    // the starts of the places, one block each
		context []string // per block, "prefix" and/or "suffix" lines it must have
		stderr  string
	}{
		{"unique", "The mayor said", []int{61}, []string{""}, ""},
		{"repeated twice", "The council met on Monday.", []int{0, 126},
			[]string{`suffix: ' The'`, `suffix: "\n"`}, ""},
		{"repeated three times", "The council met", []int{0, 27, 126},
			[]string{"suffix: ' on Monday. The'", "suffix: ' again'", `prefix: "see\".\n\n"`}, ""},
		{"tolerant only", "Critics said “we will see”", []int{97}, []string{""},
			`only after normalising quotation marks, dashes, spaces or accented letters;` + "\n" + `the citation below uses the source's own characters: "Critics said \"we will see\""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runPlain(t, "cite", citeSource, tt.quote)
			if r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.stderr) || (tt.stderr == "" && r.stderr != "") {
				t.Errorf("stderr %q, want %q", r.stderr, tt.stderr)
			}
			bs := blocks(r.stdout)
			if len(bs) != len(tt.starts) {
				t.Fatalf("%d blocks, want %d:\n%s", len(bs), len(tt.starts), r.stdout)
			}
			for i, b := range bs {
				if got := citedSpan(t, b); got != tt.starts[i] {
					t.Errorf("block %d resolves at %d, want %d:\n%s", i, got, tt.starts[i], b)
				}
				if !strings.Contains(b, tt.context[i]) {
					t.Errorf("block %d lacks %q:\n%s", i, tt.context[i], b)
				}
				if len(bs) == 1 && (strings.Contains(b, "prefix:") || strings.Contains(b, "suffix:")) {
					t.Errorf("a unique quote needs no prefix or suffix:\n%s", b)
				}
			}
			if len(bs) > 1 && !strings.Contains(bs[1], "# place 2 of") {
				t.Errorf("no comment saying which place:\n%s", bs[1])
			}
		})
	}
}

func TestCiteFailures(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"absent", []string{"cite", citeSource, "The council met on Tuesday"}, exitData,
			[]string{`quote "The council met on Tuesday" not found. Its first 4 words, "The council met on", occur 2 times;`,
				`there the source goes on with "Monday. The council met again on Friday…" (paragraph 1), "Monday." (paragraph 3) where the quote has "Tuesday"`}},
		{"absent, one place", []string{"cite", citeSource, "The mayor said: “We shall"}, exitData,
			[]string{`Its first 4 words, "The mayor said: “We", occur in paragraph 2; there the source goes on with "will build it.” Critics said \"we will s…" where the quote has "shall"`}},
		{"not even a word", []string{"cite", citeSource, "Zebras"}, exitData, []string{"not even its first word occurs"}},
		{"missing file", []string{"cite", filepath.Join(dir, "nope.txt"), "x"}, exitData, []string{"nope.txt not found"}},
		{"not UTF-8", []string{"cite", "testdata/cite/latin1.txt", "bad"}, exitData, []string{"not valid UTF-8"}},
		{"empty quote", []string{"cite", citeSource, "  "}, exitUsage, []string{"the quote is empty"}},
		{"one argument", []string{"cite", citeSource}, exitUsage, []string{"takes SOURCE-FILE and QUOTE, got 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runPlain(t, tt.args...)
			if r.code != tt.code || r.stdout != "" {
				t.Errorf("exit %d, stdout %q; want exit %d and no output", r.code, r.stdout, tt.code)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr %q lacks %q", r.stderr, s)
				}
			}
		})
	}
}

// TestCiteManyPlaces checks that a quote found everywhere gets a bounded
// number of blocks and advice.
func TestCiteManyPlaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "many.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat("the cat and the dog. ", 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runPlain(t, "cite", path, "the")
	if r.code != exitOK || len(blocks(r.stdout)) != maxPlaces || !strings.Contains(r.stderr, "occurs 40 times; only the first 10") {
		t.Errorf("exit %d, %d blocks, stderr %q", r.code, len(blocks(r.stdout)), r.stderr)
	}
}

func TestPlaceholderID(t *testing.T) {
	for in, want := range map[string]string{
		"dir/Kim Car Gift.txt": "kim-car-gift",
		"article.md":           "article",
		"한국.txt":               "source",
		"2024_report.v2.txt":   "2024-report-v2",
	} {
		if got := placeholderID(in); got != want {
			t.Errorf("placeholderID(%q) = %q, want %q", in, got, want)
		}
	}
}

// citeDataset writes a dataset beside a copy of the cite source, with the
// source as its text_file, and returns the dataset's path.
func citeDataset(t *testing.T) (dir, dataset string) {
	t.Helper()
	dir = t.TempDir()
	text, err := os.ReadFile(citeSource)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "texts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "texts", "minutes.txt"), text, 0o600); err != nil {
		t.Fatal(err)
	}
	ds := "dateline: 1\nsources:\n  - id: other\n    title: Another\n    text: Nothing here.\n" +
		"  - id: council-minutes\n    title: The minutes\n    text_file: texts/./minutes.txt\n" +
		"events:\n  - id: e\n    title: An event\n    citations:\n"
	dataset = filepath.Join(dir, "timeline.yaml")
	if err := os.WriteFile(dataset, []byte(ds), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, dataset
}

// TestCiteDataset: with --dataset the citation names the source whose
// text_file is SOURCE-FILE, however the paths are written, and is indented
// to paste under the dataset's last event's citations, where it loads
// without a problem and resolves where cite said.
func TestCiteDataset(t *testing.T) {
	dir, dataset := citeDataset(t)
	// Written otherwise than the dataset writes it: "..", and no "./".
	other := dir + "/texts/../texts/minutes.txt"
	r := runPlain(t, "cite", other, "The council met on Monday.", "--dataset", dataset)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	bs := blocks(r.stdout)
	if len(bs) != 2 {
		t.Fatalf("want a block for each of the 2 places:\n%s", r.stdout)
	}
	for _, b := range bs {
		if !strings.Contains(b, "\n      - source: council-minutes\n        quote: The council met on Monday.\n") {
			t.Errorf("block not indented for citations:, or with the wrong source:\n%s", b)
		}
		if strings.Contains(b, "placeholder") {
			t.Errorf("a block for a dataset has no placeholder:\n%s", b)
		}
	}
	orig, _ := os.ReadFile(dataset)
	for _, b := range bs {
		l := data.LoadBytes(dataset, append(orig, b+"\n"...), dir)
		if l.Timeline == nil || len(l.Problems) > 0 {
			t.Fatalf("the pasted citation has problems: %v\n%s%s", l.Problems, orig, b)
		}
		if sp := l.Timeline.Event(0).Citations[0].Span; !sp.Resolved || !strings.Contains(b, "start: "+strconv.Itoa(sp.Start)+"\n") {
			t.Errorf("pasted, the citation resolves to %+v:\n%s", sp, b)
		}
	}
}

// TestCiteSource: --source names the source and indents the same way.
func TestCiteSource(t *testing.T) {
	r := runPlain(t, "cite", citeSource, "We will build it.", "--source", "minutes")
	want := "      # paragraph 2 (line 3, column 18)\n      - source: minutes\n        quote: We will build it.\n        start: 78\n        end: 95\n"
	if r.code != exitOK || r.stdout != want {
		t.Errorf("exit %d, printed\n%s\nwant\n%s\n%s", r.code, r.stdout, want, r.stderr)
	}
}

// TestCiteDatasetNoSource: a dataset without a source for the file is a
// usage error that lists its sources and their text files.
func TestCiteDatasetNoSource(t *testing.T) {
	dir, dataset := citeDataset(t)
	// Not the text of any source: a source with the same text would be
	// found by it (TestCiteDatasetByText).
	elsewhere := filepath.Join(dir, "elsewhere.txt")
	if err := os.WriteFile(elsewhere, []byte("Another text. The council met on Monday.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runPlain(t, "cite", elsewhere, "The council met on Monday.", "--dataset", dataset)
	if r.code != exitUsage || r.stdout != "" {
		t.Errorf("exit %d, stdout %q; want %d and nothing", r.code, r.stdout, exitUsage)
	}
	for _, want := range []string{"no source of " + dataset + " has " + elsewhere + " as its text_file; pass --source ID",
		"  other: text inline, no text_file", "  council-minutes: text_file " + filepath.Join(filepath.Dir(dataset), "texts", "minutes.txt")} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if r := runPlain(t, "cite", citeSource, "x", "--dataset", dataset, "--source", "a"); r.code != exitUsage {
		t.Errorf("--dataset with --source: exit %d, want %d", r.code, exitUsage)
	}
}

// TestCiteRefusals: cite reads SOURCE-FILE as a dataset reads a
// text_file, so a FIFO or device is refused, never waited on, and a file
// over the size limit is refused before it is read. Before, a FIFO hung,
// /dev/zero never ended and a sparse 2 GB file took 4 GB of memory.
func TestCiteRefusals(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "art.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.txt")
	if err := os.WriteFile(huge, []byte("Some text."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 3<<20); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DATELINE_MAX_FILE_MB", "2")
	for _, c := range []struct{ path, want string }{
		{fifo, fifo + " is not a regular file"},
		{"/dev/zero", "/dev/zero is not a regular file"},
		{dir, dir + " is a folder, not a file"},
		{huge, "cannot read " + huge + ": more than 2 MB, the limit for a source's text"},
		{filepath.Join(dir, "nope.txt"), filepath.Join(dir, "nope.txt") + " not found"},
	} {
		done := make(chan result, 1)
		go func() { done <- runPlain(t, "cite", c.path, "Some") }()
		select {
		case r := <-done:
			if r.code != exitData || r.stdout != "" || !strings.Contains(r.stderr, c.want) {
				t.Errorf("cite %s: exit %d, stdout %q, stderr %q; want exit %d and %q", c.path, r.code, r.stdout, r.stderr, exitData, c.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("cite %s still running after 5 s", c.path)
		}
	}
}

// TestCiteDatasetByText: a file that is no source's text_file but holds a
// source's text (a copy; an article whose text extract wrote inline) is
// cited as that source.
func TestCiteDatasetByText(t *testing.T) {
	dir, dataset := citeDataset(t)
	text, err := os.ReadFile(citeSource)
	if err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(dir, "copy.txt")
	if err := os.WriteFile(copied, text, 0o600); err != nil {
		t.Fatal(err)
	}
	r := runPlain(t, "cite", copied, "We will build it.", "--dataset", dataset)
	if r.code != exitOK || !strings.Contains(r.stdout, "      - source: council-minutes\n") {
		t.Errorf("exit %d, printed\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

// TestCiteArticle: a Markdown or HTML article is cited in the text extract
// and the viewer read from it, not in its markup.
func TestCiteArticle(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "port.md")
	if err := os.WriteFile(md, []byte("# Port audit\n\nThe *previous audit* found nothing.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	html := filepath.Join(dir, "port.html")
	if err := os.WriteFile(html, []byte("<html><head><title>Port audit</title></head><body><p>The <em>previous audit</em> found nothing.</p></body></html>"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{md, html} {
		r := runPlain(t, "cite", f, "previous audit found", "--source", "port")
		if r.code != exitOK || !strings.Contains(r.stdout, "quote: previous audit found\n") {
			t.Errorf("%s: exit %d, printed\n%s\n%s", f, r.code, r.stdout, r.stderr)
			continue
		}
		art, err := article.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		start := utf8.RuneCountInString(art.Text[:strings.Index(art.Text, "previous audit")])
		if !strings.Contains(r.stdout, "start: "+strconv.Itoa(start)+"\n") {
			t.Errorf("%s: the position should index the article's text (start %d):\n%s", f, start, r.stdout)
		}
	}
}
