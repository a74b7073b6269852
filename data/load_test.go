package data

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// badDir holds the broken fixtures; their text files sit beside them.
var badDir = filepath.Join("testdata", "bad")

// fixtures pairs each broken file with every problem it must produce, in
// order, as "LINE:COL: SEVERITY: message substring". Fixtures marked partial
// must produce at least these (the rest are repetitions).
var fixtures = []struct {
	file    string
	want    []string
	partial bool
}{
	{file: "unknown-field.yaml", want: []string{
		`7:5: error: event is missing required field "title"`,
		`8:5: error: unknown field "titel" in event (did you mean title?)`,
		`12:9: error: unknown field "page" in citation (fields: source, quote,`,
	}},
	{file: "unknown-field.json", want: []string{
		`3:81: error: unknown field "pages" in source`,
		`5:5: error: event is missing required field "title"`,
		`5:23: error: unknown field "titel" in event`,
	}},
	{file: "wrong-type.yaml", want: []string{
		`2:8: error: title must be a string, got a list`,
		`5:12: error: title must be a string, got a mapping`,
		`11:14: error: aliases must be a list of strings, got a string`,
		`15:11: error: date must be a string, got a mapping`,
		`19:16: error: start must be an integer, got a string`,
		`20:14: error: end must be an integer, got "1.5"`,
		`21:5: error: event must be a mapping, got a string`,
	}},
	{file: "json-types.json", want: []string{
		`3:12: error: title must be a string, got an integer`,
		`6:61: error: date must be a string, got an integer`,
		`7:93: error: duplicate key "start" (first at line 7, column 70)`,
		`8:60: error: tags must be a list of strings, got a string`,
		`8:81: error: actors[0] must be an actor id or {actor: ID, role: ROLE}, got null`,
		`9:79: error: end must be 0 or more, got -1`,
	}},
	{file: "duplicate-key.yaml", want: []string{
		`9:5: error: duplicate key "id" (first at line 7, column 5)`,
	}},
	{file: "duplicate-id.yaml", want: []string{
		`8:10: error: duplicate actor id "mayor"`,
		`13:9: error: duplicate event id "meeting"`,
	}},
	{file: "unknown-ref.yaml", want: []string{
		`11:21: error: unknown actor "treasurer"`,
		`15:17: error: unknown source "agenda"`,
	}},
	{file: "refs.json", want: []string{
		`6:12: error: duplicate actor id "mayor"`,
		`9:83: error: unknown actor "clerk"`,
		`10:31: error: unknown source "agenda"`,
		`11:12: error: duplicate event id "meeting"`,
		`11:49: error: invalid EDTF date "2024-02-20/2023-01-01": the interval ends`,
	}},
	{file: "dates.yaml", want: []string{
		`5:16: error: invalid EDTF date "2024-02-30"`,
		`10:11: error: invalid EDTF date "2024-13"`,
		`14:11: error: invalid EDTF date "2024-02-20/2023-01-01"`,
	}},
	{file: "quotes.yaml", want: []string{
		`9:42: error: empty quote`,
		`12:42: citation error: quote "The council did not meet" not found`,
		`15:42: citation error: quote "The mayor spoke first." is ambiguous`,
		`16:5: warning: event "uncited" has no citation`,
	}},
	{file: "quotes.json", want: []string{
		`4:26: warning: source text changed since sha256 was recorded`,
		`6:84: error: empty quote`,
		// The recorded sha256 no longer matches, so an absent quote gets a
		// fuzzy rescue, which fails.
		`7:86: citation error: orphaned citation: quote "not in the text" no longer found in source "minutes" after it changed; best match scored 0.40 (threshold 0.75)`,
		`8:92: citation error: quote "The mayor spoke first." is ambiguous`,
		`9:5: warning: event "uncited" has no citation`,
	}},
	{file: "sha256.yaml", want: []string{
		`6:13: warning: source text changed since sha256 was recorded (its sha256 is now be9b942de18a`,
		`10:13: error: sha256 must be 64 hexadecimal digits, got "not-hex"`,
	}},
	{file: "syntax.yaml", want: []string{
		`4:1: error: YAML syntax error: found unexpected end of stream`,
	}},
	{file: "syntax.json", want: []string{
		`4:42: error: JSON syntax error: unexpected '"' in object, want ',' or '}'`,
	}},
	{file: "trailing.json", want: []string{
		`2:1: error: JSON syntax error: unexpected '{' after the top-level value`,
	}},
	{file: "textfile.yaml", want: []string{
		`5:16: error: text_file ` + filepath.Join(badDir, "nowhere.txt") + ` not found`,
		`8:16: error: text_file ` + filepath.Join(badDir, "afolder") + ` is a folder, not a file`,
		`11:16: error: text_file "../council.txt" is outside the dataset's folder`,
		`14:16: error: text_file "/etc/hostname" must be a path relative to the dataset's folder`,
		`18:5: error: source has both text and text_file; give one`,
		`19:5: error: source is missing its text: give text or text_file`,
	}},
	{file: "textfile.json", want: []string{
		`4:56: error: text_file ` + filepath.Join(badDir, "nowhere.txt") + ` not found`,
		`5:56: error: text_file ` + filepath.Join(badDir, "afolder") + ` is a folder`,
		`6:56: error: text_file "afolder/../../council.txt" is outside the dataset's folder`,
	}},
	{file: "version.yaml", want: []string{
		`1:11: error: unsupported format version dateline: 2 (this program reads version 1)`,
		`3:5: warning: event "meeting" has no citation`,
		`5:13: error: unknown status "happened"`,
		`7:45: error: unknown actor kind "mayor"`,
	}},
	{file: "no-version.json", want: []string{
		`1:1: error: missing "dateline: 1"`,
	}},
	{file: "two-docs.yaml", want: []string{
		`2:1: error: a second YAML document starts here`,
	}},
	{file: "empty.yaml", want: []string{`1:1: error: empty file`}},
	{file: "comments.yaml", want: []string{`1:1: error: empty file`}},
	{file: "alias-bomb.yaml", partial: true, want: []string{
		`2:8: error: title must be a string, got a list`,
		`3:1: error: unknown field "b" in dataset`,
		`3:8: error: YAML alias *a is not supported`,
		`5:32: error: YAML alias *c is not supported`,
	}},
	{file: "many.yaml", want: []string{
		`7:13: warning: source text changed since sha256 was recorded`,
		`9:53: error: unknown field "alias" in actor (did you mean aliases?)`,
		`13:11: error: invalid EDTF date "2024-02-31"`,
		`14:21: error: unknown actor "clerk"`,
		// The source's sha256 is stale, so the drifted quote is re-anchored.
		`17:16: warning: quote drifted: the source changed; re-anchored at 0–25 with score 0.84 (threshold 0.75); it now reads "Monday" where the quote had "Tuesday"`,
		`18:5: warning: event "budget" has no citation`,
		`20:5: error: duplicate key "title" (first at line 19, column 5)`,
		`23:13: error: unknown status "done"`,
		`24:17: error: start and end must be given together`,
	}},
}

func TestLoadFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			path := filepath.Join(badDir, fx.file)
			l := LoadFile(path)
			checkLoaded(t, l, path)
			checkProblems(t, l.Problems, fx.want, fx.partial)
		})
	}
}

// checkLoaded checks what holds for every load: problems name the file, are
// sorted and placed, and the Timeline exists exactly when there is no error.
func checkLoaded(t *testing.T, l *schema.Loaded, name string) {
	t.Helper()
	if l == nil {
		t.Fatal("Loaded is nil")
	}
	if l.File != name {
		t.Errorf("File = %q, want %q", l.File, name)
	}
	for i, p := range l.Problems {
		if p.File != name {
			t.Errorf("problem %d names file %q, want %q", i, p.File, name)
		}
		if p.Line < 1 || p.Col < 1 {
			t.Errorf("problem %v has no position", p)
		}
		if i > 0 {
			q := l.Problems[i-1]
			if q.Line > p.Line || (q.Line == p.Line && q.Col > p.Col) {
				t.Errorf("problems out of order: %v before %v", q, p)
			}
		}
	}
	errs := l.Count(timeline.SeverityError)
	if (l.Timeline == nil) != (errs > 0) {
		t.Errorf("Timeline nil = %v with %d errors", l.Timeline == nil, errs)
	}
	if (l.Err() == nil) != (l.Timeline != nil) {
		t.Errorf("Err() = %v with Timeline nil = %v", l.Err(), l.Timeline == nil)
	}
}

// checkProblems matches problems against "LINE:COL: SEVERITY: substring"
// patterns, in order.
func checkProblems(t *testing.T, got []schema.Problem, want []string, partial bool) {
	t.Helper()
	var lines []string
	for _, p := range got {
		lines = append(lines, strings.TrimPrefix(p.String(), p.File+":"))
	}
	if !partial && len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n  %s", len(got), len(want), strings.Join(lines, "\n  "))
	}
	from := 0
	for _, w := range want {
		pos, msg := splitWant(w)
		i := slices.IndexFunc(lines[from:], func(l string) bool {
			return strings.HasPrefix(l, pos) && strings.Contains(l[len(pos):], msg)
		})
		if i < 0 {
			t.Errorf("missing problem %q in:\n  %s", w, strings.Join(lines, "\n  "))
			continue
		}
		from += i + 1
	}
}

// splitWant splits "3:5: error: msg" into "3:5: error: " and "msg".
func splitWant(w string) (pos, msg string) {
	for _, sev := range []string{"citation error: ", "error: ", "warning: "} {
		if i := strings.Index(w, ": "+sev); i >= 0 {
			return w[:i+2+len(sev)], w[i+2+len(sev):]
		}
	}
	return w, ""
}

func TestLoadGood(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "council.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var first *timeline.Dataset
	for _, f := range []string{"good.yaml", "good.json"} {
		path := filepath.Join("testdata", f)
		l := LoadFile(path)
		checkLoaded(t, l, path)
		if len(l.Problems) > 0 || l.Timeline == nil {
			t.Fatalf("%s: problems %v", f, l.Problems)
		}
		ds := l.Dataset
		checks := []struct {
			name      string
			got, want any
		}{
			{"title", ds.Title, "The town council"},
			{"text_file text", ds.Sources[0].Text, string(text)},
			{"inline text", ds.Sources[1].Text, "The mayor said: \"we will build it\".\nIt was cold.\n"},
			{"publisher", ds.Sources[0].Publisher, "Town Hall"},
			{"published", ds.Sources[0].Published.String(), "2024-02-05"},
			{"archive_url", ds.Sources[0].ArchiveURL, "https://archive.example.org/minutes"},
			{"kind", ds.Actors[0].Kind, timeline.KindOrganisation},
			{"aliases", ds.Actors[1].Aliases, []string{"the mayor", "Ms. Lind"}},
			{"actor refs", ds.Events[0].Actors, []timeline.ActorRef{{Actor: "council"}, {Actor: "mayor", Role: "speaker"}}},
			{"status", ds.Events[1].Status, timeline.StatusReported},
			{"season date", ds.Events[2].Date.String(), "2025-21"},
			{"recorded offsets", [2]int{ds.Events[0].Citations[0].Start, ds.Events[0].Citations[0].End}, [2]int{0, 25}},
			{"absent offsets", [2]int{ds.Events[0].Citations[1].Start, ds.Events[0].Citations[1].End}, [2]int{-1, -1}},
			{"prefix", ds.Events[0].Citations[1].Prefix, "2024. "},
			{"suffix", ds.Events[1].Citations[1].Suffix, `".`},
			{"tags", ds.Events[0].Tags, []string{"council", "budget"}},
		}
		for _, c := range checks {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("%s: %s = %#v, want %#v", f, c.name, c.got, c.want)
			}
		}
		if first == nil {
			first = ds
		} else if !reflect.DeepEqual(first, ds) {
			t.Errorf("good.yaml and good.json decode differently:\n%+v\n%+v", first, ds)
		}
	}
}

// TestLoadBOMAndCRLF checks that a byte-order mark and CRLF line ends load
// as if absent, with the same positions.
func TestLoadBOMAndCRLF(t *testing.T) {
	crlf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }
	bom := func(b []byte) []byte { return append([]byte("\xef\xbb\xbf"), b...) }
	variants := map[string]func([]byte) []byte{
		"BOM":      bom,
		"CRLF":     crlf,
		"BOM+CRLF": func(b []byte) []byte { return bom(crlf(b)) },
	}
	for _, f := range []string{"good.yaml", "good.json", "bad/many.yaml", "bad/refs.json", "bad/syntax.json"} {
		path := filepath.Join("testdata", f)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		plain := LoadBytes(f, b, filepath.Dir(path))
		for name, change := range variants {
			t.Run(f+"/"+name, func(t *testing.T) {
				l := LoadBytes(f, change(b), filepath.Dir(path))
				checkLoaded(t, l, f)
				if !reflect.DeepEqual(l.Problems, plain.Problems) {
					t.Errorf("problems differ:\n got %v\nwant %v", l.Problems, plain.Problems)
				}
				if !reflect.DeepEqual(l.Dataset, plain.Dataset) {
					t.Errorf("datasets differ")
				}
			})
		}
	}
}

func TestLoadFileUnreadable(t *testing.T) {
	for _, path := range []string{filepath.Join(t.TempDir(), "missing.yaml"), t.TempDir()} {
		l := LoadFile(path)
		if l == nil || l.Dataset != nil || l.Timeline != nil || len(l.Problems) != 1 {
			t.Fatalf("LoadFile(%s) = %+v, want one problem and no dataset", path, l)
		}
		p := l.Problems[0]
		if p.File != path || p.Line != 0 || p.Severity != timeline.SeverityError || !strings.Contains(p.Message, "cannot read "+path) {
			t.Errorf("problem = %v", p)
		}
		if err := l.Err(); err == nil || !strings.Contains(err.Error(), "cannot read") {
			t.Errorf("Err() = %v", err)
		}
	}
}

// TestTextFileSymlinks checks that a symbolic link may point within the
// dataset's folder but not out of it.
func TestTextFileSymlinks(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "set")
	if err := os.MkdirAll(filepath.Join(dir, "texts"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "secret.txt"), "outside")
	write(filepath.Join(dir, "texts", "a.txt"), "inside")
	for link, target := range map[string]string{"out.txt": "../secret.txt", "in.txt": "texts/a.txt", "dirout": ".."} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("symbolic links unavailable: %v", err)
		}
	}
	yaml := `dateline: 1
sources:
  - {id: a, title: A, text_file: in.txt}
  - {id: b, title: B, text_file: out.txt}
  - {id: c, title: C, text_file: dirout/secret.txt}
  - {id: d, title: D, text_file: texts/../texts/a.txt}
`
	l := LoadBytes("set.yaml", []byte(yaml), dir)
	checkProblems(t, l.Problems, []string{
		`4:34: error: text_file ` + filepath.Join(dir, "out.txt") + ` is outside the dataset's folder`,
		`5:34: error: text_file ` + filepath.Join(dir, "dirout", "secret.txt") + ` is outside`,
	}, false)
	if l.Dataset.Sources[0].Text != "inside" || l.Dataset.Sources[3].Text != "inside" {
		t.Errorf("texts through links inside the folder = %q, %q", l.Dataset.Sources[0].Text, l.Dataset.Sources[3].Text)
	}
	if l.Dataset.Sources[1].Text != "" {
		t.Errorf("a text from outside the folder was read: %q", l.Dataset.Sources[1].Text)
	}
}

func TestTextFileEncoding(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("caf\xe9"), 0o644); err != nil {
		t.Fatal(err)
	}
	l := LoadBytes("x.yaml", []byte("dateline: 1\nsources: [{id: a, title: A, text_file: bad.txt}]\n"), dir)
	checkProblems(t, l.Problems, []string{`2:40: error: text_file ` + filepath.Join(dir, "bad.txt") + ` is not valid UTF-8`}, false)
}

func TestProblemString(t *testing.T) {
	p := schema.Problem{File: "a.yaml", Line: 3, Col: 7, Severity: timeline.SeverityCitation, Message: "quote not found"}
	if got, want := p.String(), "a.yaml:3:7: citation error: quote not found"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestLoadBytesName(t *testing.T) {
	l := LoadBytes("<stdin>", []byte("dateline: 1\nbogus: 1\n"), "")
	checkLoaded(t, l, "<stdin>")
	checkProblems(t, l.Problems, []string{`2:1: error: unknown field "bogus" in dataset`}, false)
}

// TestLoadValidEmptyDataset checks the smallest valid file in each format.
func TestLoadValidEmptyDataset(t *testing.T) {
	for _, src := range []string{"dateline: 1\n", `{"dateline": 1}`, "dateline: 1\nsources: null\nactors: []\nevents: ~\ntitle: null\n"} {
		l := LoadBytes("min", []byte(src), "")
		checkLoaded(t, l, "min")
		if len(l.Problems) != 0 || l.Timeline == nil || l.Timeline.Len() != 0 {
			t.Errorf("%q: problems %v, timeline %v", src, l.Problems, l.Timeline)
		}
	}
}

// TestYAMLScalarsAsText checks that YAML scalars are read as written,
// whatever type YAML would give them, and that JSON is stricter.
func TestYAMLScalarsAsText(t *testing.T) {
	src := `dateline: 1
sources:
  - {id: 2017, title: true, text: 3.50, published: 2017}
events:
  - {id: 0x1F, title: null-ish, date: 2024-02-20, citations: [{source: "2017", quote: "3.50", start: 0, end: 4}]}
`
	l := LoadBytes("x.yaml", []byte(src), "")
	checkLoaded(t, l, "x.yaml")
	if len(l.Problems) != 0 {
		t.Fatalf("problems: %v", l.Problems)
	}
	s, e := l.Dataset.Sources[0], l.Dataset.Events[0]
	if s.ID != "2017" || s.Title != "true" || s.Text != "3.50" || s.Published.String() != "2017" || e.ID != "0x1F" || e.Date.String() != "2024-02-20" {
		t.Errorf("scalars not read as written: %+v %+v", s, e)
	}
}

// TestTextFileFS checks text files read from an fs.FS, as the embedded
// dataset's are.
func TestTextFileFS(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":       {Data: []byte("inside")},
		"sub/b.txt":   {Data: []byte("below")},
		"sub/c/d.txt": {Data: []byte("deeper")},
	}
	src := `dateline: 1
sources:
  - {id: a, title: A, text_file: a.txt}
  - {id: b, title: B, text_file: ./sub/../sub/b.txt}
  - {id: c, title: C, text_file: nowhere.txt}
  - {id: d, title: D, text_file: sub/c}
  - {id: e, title: E, text_file: ../a.txt}
`
	l := load("embedded:set.yaml", []byte(src), schema.FsFiles{FS: fsys, Prefix: "embedded:"})
	checkLoaded(t, l, "embedded:set.yaml")
	checkProblems(t, l.Problems, []string{
		`5:34: error: text_file embedded:nowhere.txt not found`,
		`6:34: error: text_file embedded:sub/c is a folder, not a file`,
		`7:34: error: text_file "../a.txt" is outside the dataset's folder`,
	}, false)
	if got := []string{l.Dataset.Sources[0].Text, l.Dataset.Sources[1].Text}; got[0] != "inside" || got[1] != "below" {
		t.Errorf("texts = %q", got)
	}
}

// TestLoadFileRefusals: pipes, folders, oversized files and missing files
// are refused before reading, and named without a position that does not
// exist (issue 17, items 3 and 11).
func TestLoadFileRefusals(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	f, _ := os.Create(big)
	f.Truncate(3 << 20)
	f.Close()
	t.Setenv("DATELINE_MAX_FILE_MB", "2")
	for _, c := range []struct{ path, want string }{
		{fifo, "fifo.yaml: error: cannot read " + fifo + ": not a regular file"},
		{dir, ": error: cannot read " + dir + ": a folder"},
		{big, "big.yaml: error: cannot read " + big + ": more than 2 MB"},
		{filepath.Join(dir, "nosuch.yaml"), "nosuch.yaml: error: cannot read"},
	} {
		l := LoadFile(c.path)
		if l.Timeline != nil || len(l.Problems) != 1 || !strings.Contains(l.Problems[0].String(), c.want) {
			t.Errorf("%s: %v, want %q", c.path, l.Problems, c.want)
		}
	}
}

// sparse makes a file at p that starts with head and is size bytes long,
// the rest a hole, so that huge files cost nothing to make or to refuse.
func sparse(t *testing.T, p, head string, size int64) {
	t.Helper()
	if err := os.WriteFile(p, []byte(head), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, size); err != nil {
		t.Fatal(err)
	}
}

// TestTextFileLimit: a text_file over MaxFileSize is refused before it is
// read, at the text_file field, and the rest of the file is still checked
// (issue 17, item 11). Before the limit, the 2 GB one ran out of memory.
func TestTextFileLimit(t *testing.T) {
	dir := t.TempDir()
	sparse(t, filepath.Join(dir, "big.txt"), "Some text.", 3<<20)
	sparse(t, filepath.Join(dir, "huge.txt"), "Some text.", 2<<30)
	ds := filepath.Join(dir, "ds.yaml")
	os.WriteFile(ds, []byte("dateline: 1\nsources:\n  - id: a\n    title: A\n    text_file: big.txt\n"+
		"  - id: b\n    title: B\n    text_file: huge.txt\nevents:\n  - id: e\n    title: E\n    date: 2023-13\n"), 0o644)

	t.Run("DATELINE_MAX_FILE_MB", func(t *testing.T) {
		t.Setenv("DATELINE_MAX_FILE_MB", "2")
		checkProblems(t, LoadFile(ds).Problems, []string{
			`5:16: error: cannot read text_file ` + filepath.Join(dir, "big.txt") + `: more than 2 MB, the limit for a source's text (raise it with DATELINE_MAX_FILE_MB)`,
			`8:16: error: cannot read text_file ` + filepath.Join(dir, "huge.txt") + `: more than 2 MB`,
			`12:11: error: invalid EDTF date "2023-13"`,
		}, true)
	})
	t.Run("default", func(t *testing.T) {
		checkProblems(t, LoadFile(ds).Problems, []string{
			`8:16: error: cannot read text_file ` + filepath.Join(dir, "huge.txt") + `: more than 512 MB`,
		}, true)
	})
}

// TestImportedFormatsLimit: TimelineJS and Sheets CSV files are read whole,
// so they are refused over MaxFileSize before reading, as YAML and JSON
// are (issue 17, item 11).
func TestImportedFormatsLimit(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("DATELINE_MAX_FILE_MB", "2")
	for name, head := range map[string]string{
		"tl.json":  `{"events": [{"start_date": {"year": 2017}, "text": {"headline": "A"}}]}` + "\n",
		"tl.csv":   "Year,Month,Day,Headline\n2017,,,A\n",
		"ds.yaml":  "dateline: 1\n",
		"ds2.json": `{"dateline": 1}` + "\n",
	} {
		p := filepath.Join(dir, name)
		sparse(t, p, head, 3<<20)
		l := LoadFile(p)
		if l.Timeline != nil || len(l.Problems) != 1 || !strings.Contains(l.Problems[0].String(), name+": error: cannot read "+p+": more than 2 MB") {
			t.Errorf("%s: %v", name, l.Problems)
		}
		// Under the limit the same head loads: the refusal is the size's.
		os.Truncate(p, int64(len(head)))
		if l := LoadFile(p); l.Timeline == nil {
			t.Errorf("%s under the limit: %v", name, l.Problems)
		}
	}
}
