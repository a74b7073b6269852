package fix

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// The drifted fixtures in testdata/fix were anchored (start/end, sha256)
// against an earlier minutes.txt; the current one has a paragraph inserted
// at the top (every position moves), "spring" changed to "summer" inside
// the "opening" quote (re-anchored), and the "critics" sentence rewritten
// beyond recognition (orphaned). The "vote" citation never recorded a
// position. drift-ok.yaml is drift.yaml without the orphan.

// fixDir copies testdata/fix into a temporary folder, so that tests can
// write beside the fixtures and prove that the inputs do not change.
func fixDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fixed loads in, fixes it into out and returns the report and what out
// loads as, checking that in did not change.
func fixed(t *testing.T, in, out string) (Report, *schema.Loaded) {
	t.Helper()
	before, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	l := loadFile(in)
	if l.Timeline == nil {
		t.Fatalf("%s does not load: %v", in, l.Problems)
	}
	rep, err := File(l, in, out, false)
	if err != nil {
		t.Fatalf("FixFile(%s): %v", in, err)
	}
	if after, _ := os.ReadFile(in); !bytes.Equal(before, after) {
		t.Errorf("FixFile changed its input %s", in)
	}
	return rep, loadFile(out)
}

// eventByID finds an event of a loaded timeline.
func eventByID(t *testing.T, l *schema.Loaded, id string) *timeline.Event {
	t.Helper()
	for i := range l.Timeline.Len() {
		if e := l.Timeline.Event(i); e.ID == id {
			return e
		}
	}
	t.Fatalf("%s has no event %q", l.File, id)
	return nil
}

// originalSum is the sha256 the drift fixtures record: that of the text
// their citations were anchored against.
const originalSum = "2bbb07a74443fddf995c9709c03b9262e395059300b84022fd8b1b72b58bdea4"

// checkFixedDrift checks the copy of a drift fixture: what the report
// says, and that the copy validates with only the orphan left, still
// orphaned, and the old checksum kept for it.
func checkFixedDrift(t *testing.T, rep Report, out *schema.Loaded, text string) {
	t.Helper()
	if out.Timeline == nil {
		t.Fatalf("%s does not load: %v", out.File, out.Problems)
	}
	if len(rep.Scores) != 1 || rep.Scores[0] < timeline.DriftThreshold || rep.Positions != 2 ||
		rep.Checksums != 0 || rep.StaleChecksums != 1 || rep.Orphaned != 1 || rep.Unresolved != 0 {
		t.Errorf("report = %+v", rep)
	}
	// Only the orphan is left, and the checksum kept for it: no drift or
	// position warnings.
	for _, p := range out.Problems {
		orphan := p.Severity == timeline.SeverityCitation && strings.Contains(p.Message, "orphaned citation: quote \"Critics argued")
		sum := p.Severity == timeline.SeverityWarning && strings.Contains(p.Message, "sha256")
		if !orphan && !sum {
			t.Errorf("%s: unexpected problem %s", out.File, p)
		}
	}
	if n, w := out.Count(timeline.SeverityCitation), out.Count(timeline.SeverityWarning); n != 1 || w != 1 {
		t.Errorf("%s has %d citation errors and %d warnings, want the orphan and the checksum", out.File, n, w)
	}
	if src, _ := out.Timeline.Source("minutes"); src.SHA256 != originalSum {
		t.Errorf("sha256 = %s, want the recorded one kept for the orphan", src.SHA256)
	}
	st := timeline.NewSourceText(text)
	for _, id := range []string{"meeting", "opening", "vote"} {
		c := eventByID(t, out, id).Citations[0]
		if !c.Span.Resolved || c.Span.Tolerant || c.Span.Reanchored || c.Start != c.Span.Start || c.End != c.Span.End {
			t.Errorf("%s: citation %+v: want exact, at its recorded position", id, c)
		}
		if got := st.Slice(c.Start, c.End); got != c.Quote {
			t.Errorf("%s: text at %d–%d is %q, quote %q", id, c.Start, c.End, got, c.Quote)
		}
	}
	open := eventByID(t, out, "opening").Citations[0]
	if !strings.Contains(open.Quote, "summer") || open.Prefix != st.Slice(open.Start-len("mayor said "), open.Start) ||
		open.Suffix != st.Slice(open.End, open.End+len(", and thanked")) {
		t.Errorf("re-anchored citation = %+v", open)
	}
	critics := eventByID(t, out, "critics").Citations[0]
	if critics.Quote != "Critics argued that the cost had doubled" || critics.Start != 176 || critics.End != 216 {
		t.Errorf("orphaned citation changed: %+v", critics)
	}
}

func TestFixYAMLDrift(t *testing.T) {
	dir := fixDir(t)
	rep, out := fixed(t, filepath.Join(dir, "drift.yaml"), filepath.Join(dir, "fixed.yaml"))
	text, _ := os.ReadFile(filepath.Join(dir, "minutes.txt"))
	checkFixedDrift(t, rep, out, string(text))
	b, _ := os.ReadFile(filepath.Join(dir, "fixed.yaml"))
	for _, want := range []string{"# A dataset anchored against", "# keep this comment", "text_file: minutes.txt", "actors: [council]"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("fixed.yaml lost %q:\n%s", want, b)
		}
	}
	if bytes.Contains(b, []byte("Update: this report")) {
		t.Errorf("fixed.yaml inlined the text_file:\n%s", b)
	}
}

func TestFixJSONDrift(t *testing.T) {
	dir := fixDir(t)
	rep, out := fixed(t, filepath.Join(dir, "drift.json"), filepath.Join(dir, "fixed.json"))
	text, _ := os.ReadFile(filepath.Join(dir, "minutes.txt"))
	checkFixedDrift(t, rep, out, string(text))
	b, _ := os.ReadFile(filepath.Join(dir, "fixed.json"))
	// Same shape: the file's four-space indentation, keys in their order.
	if !bytes.HasPrefix(b, []byte("{\n    \"dateline\": 1,\n    \"title\"")) || !bytes.HasSuffix(b, []byte("}\n")) {
		t.Errorf("fixed.json lost the file's layout:\n%s", b)
	}
}

func TestFixJSONLDrift(t *testing.T) {
	dir := fixDir(t)
	rep, out := fixed(t, filepath.Join(dir, "drift.jsonl"), filepath.Join(dir, "fixed.jsonl"))
	text, _ := os.ReadFile(filepath.Join(dir, "minutes.txt"))
	checkFixedDrift(t, rep, out, string(text))
	in, _ := os.ReadFile(filepath.Join(dir, "drift.jsonl"))
	b, _ := os.ReadFile(filepath.Join(dir, "fixed.jsonl"))
	inLines, outLines := strings.Split(string(in), "\n"), strings.Split(string(b), "\n")
	if len(inLines) != len(outLines) {
		t.Fatalf("fixed.jsonl has %d lines, the input %d", len(outLines), len(inLines))
	}
	// The header (whose checksum stays for the orphan), the blank line and
	// the orphan's line are copied as they were; the lines that changed are
	// rewritten.
	for i := range inLines {
		same := inLines[i] == outLines[i]
		if want := i == 0 || i == 3 || i == 4 || i == 6; same != want {
			t.Errorf("line %d: copied unchanged = %v, want %v:\n%s", i+1, same, want, outLines[i])
		}
	}
}

// TestFixNothingLeft: once the orphan is gone, the copy validates clean.
func TestFixYAMLDriftOK(t *testing.T) {
	dir := fixDir(t)
	rep, out := fixed(t, filepath.Join(dir, "drift-ok.yaml"), filepath.Join(dir, "fixed.yaml"))
	if out.Timeline == nil || len(out.Problems) != 0 {
		t.Errorf("fixed.yaml: problems %v", out.Problems)
	}
	if len(rep.Scores) != 1 || rep.Orphaned != 0 || rep.Checksums != 1 || rep.NewChecksums != 0 || rep.StaleChecksums != 0 {
		t.Errorf("report = %+v", rep)
	}
	text, _ := os.ReadFile(filepath.Join(dir, "minutes.txt"))
	sum := sha256.Sum256(text)
	if src, _ := out.Timeline.Source("minutes"); src.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("sha256 = %s, want that of the current text", src.SHA256)
	}
	// Fixing the fixed copy changes nothing more.
	rep2, out2 := fixed(t, filepath.Join(dir, "fixed.yaml"), filepath.Join(dir, "again.yaml"))
	if rep2.String() != "wrote "+filepath.Join(dir, "again.yaml")+": nothing to change" || len(out2.Problems) != 0 {
		t.Errorf("second fix: %s, %v", rep2, out2.Problems)
	}
}

// TestFixReanchoredSpan checks the rewriting of a re-anchored citation on
// a span set by hand, independent of the fuzzy matcher: quote, prefix and
// suffix come from the text, prefix and suffix of about their old length in
// code points, widened to whole words ("t " would cut "dit").
func TestFixReanchoredSpan(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	src := "dateline: 1\nsources:\n  - id: s\n    title: S\n    text: \"Il a dit «\u00a0oui\u00a0» hier.\"\n" +
		"actors: []\nevents:\n  - id: e\n    title: E\n    citations:\n" +
		"      - {source: s, quote: dit, prefix: \"a \", suffix: \" «\"}\n"
	if err := os.WriteFile(in, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := loadFile(in)
	if l.Timeline == nil {
		t.Fatalf("%v", l.Problems)
	}
	// Pretend the matcher re-anchored "dit" onto "«\u00a0oui\u00a0»" (code points 9–16).
	c := &l.Timeline.Event(0).Citations[0]
	c.Span = timeline.Span{Resolved: true, Reanchored: true, Score: 0.8, Start: 9, End: 16, Paragraph: 1}
	rep, err := File(l, in, filepath.Join(dir, "out.yaml"), false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.String() != "wrote "+filepath.Join(dir, "out.yaml")+": 1 citation re-anchored (score 0.80), 1 checksum recorded" {
		t.Errorf("report: %s", rep)
	}
	out := loadFile(filepath.Join(dir, "out.yaml"))
	if out.Timeline == nil {
		t.Fatalf("%v", out.Problems)
	}
	got := out.Timeline.Event(0).Citations[0]
	if got.Quote != "«\u00a0oui\u00a0»" || got.Prefix != "dit " || got.Suffix != " hier" || got.Start != 9 || got.End != 16 ||
		!got.Span.Resolved || got.Span.Tolerant {
		t.Errorf("citation = %+v", got)
	}
	if len(out.Problems) != 0 {
		t.Errorf("problems: %v", out.Problems)
	}
}

// TestFixTextFileFolders: a text_file stays a reference when OUT's folder
// can reach the file (inside it), and is written inline when not.
func TestFixTextFileFolders(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(root, "other"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"drift-ok.yaml", "minutes.txt"} {
		b, _ := os.ReadFile(filepath.Join("testdata", name))
		os.WriteFile(filepath.Join(data, name), b, 0o644)
	}
	in := filepath.Join(data, "drift-ok.yaml")

	rep, out := fixed(t, in, filepath.Join(root, "up.yaml"))
	b, _ := os.ReadFile(filepath.Join(root, "up.yaml"))
	if rep.Relocated != 1 || rep.Inlined != 0 || !bytes.Contains(b, []byte("text_file: data/minutes.txt")) || len(out.Problems) != 0 {
		t.Errorf("OUT in the parent folder: %s; problems %v\n%s", rep, out.Problems, b)
	}

	rep, out = fixed(t, in, filepath.Join(root, "other", "side.yaml"))
	b, _ = os.ReadFile(filepath.Join(root, "other", "side.yaml"))
	if rep.Inlined != 1 || bytes.Contains(b, []byte("text_file")) || !bytes.Contains(b, []byte("Update: this report")) || len(out.Problems) != 0 {
		t.Errorf("OUT in a sibling folder: %s; problems %v\n%s", rep, out.Problems, b)
	}
}

// TestFixEmbedded: the embedded dataset's text_file is inlined, since OUT's
// folder has no copy of it, and the copy loads equal to it.
func TestFixEmbedded(t *testing.T) {
	out := filepath.Join(t.TempDir(), "kim.yaml")
	l := loadEmbedded(t)
	rep, err := File(l, "", out, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Inlined != 1 || rep.Positions != 0 || rep.Checksums+rep.NewChecksums != 0 || len(rep.Scores) != 0 {
		t.Errorf("report: %s", rep)
	}
	got := loadFile(out)
	if got.Timeline == nil || len(got.Problems) != 0 {
		t.Fatalf("%s: %v", out, got.Problems)
	}
	want, _ := schema.MarshalYAML(loadEmbedded(t).Dataset)
	if have, _ := schema.MarshalYAML(got.Dataset); !bytes.Equal(have, want) {
		t.Errorf("the copy of the embedded dataset differs from it")
	}
}

func TestFixRefuses(t *testing.T) {
	dir := fixDir(t)
	in := filepath.Join(dir, "drift.yaml")
	l := loadFile(in)
	if _, err := File(l, in, in, true); err == nil || !strings.Contains(err.Error(), "input file") {
		t.Errorf("fixing onto the input: %v", err)
	}
	exists := filepath.Join(dir, "drift.json")
	before, _ := os.ReadFile(exists)
	if _, err := File(l, in, exists, false); !errors.Is(err, fs.ErrExist) {
		t.Errorf("OUT exists: %v, want fs.ErrExist", err)
	}
	if after, _ := os.ReadFile(exists); !bytes.Equal(before, after) {
		t.Error("an existing OUT was replaced without force")
	}
	for _, f := range []string{"timelinejs/testdata/dates.json", "timelinejs/testdata/template.csv"} {
		path := filepath.Join("..", f)
		if _, err := Format(path); !errors.Is(err, ErrNotFixable) || !strings.Contains(err.Error(), path) {
			t.Errorf("FixFormat(%s) = %v, want ErrNotFixable naming the file", path, err)
		}
		out := filepath.Join(dir, "out")
		if _, err := File(loadFile(path), path, out, false); !errors.Is(err, ErrNotFixable) {
			t.Errorf("FixFile(%s) = %v", path, err)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("FixFile(%s) wrote %s", path, out)
		}
	}
	// Nor onto a source's text, even with force.
	for _, f := range []string{"drift.yaml", "drift.jsonl"} {
		text := filepath.Join(dir, "minutes.txt")
		before, _ := os.ReadFile(text)
		_, err := File(loadFile(filepath.Join(dir, f)), filepath.Join(dir, f), text, true)
		if err == nil || !strings.Contains(err.Error(), "text_file of source \"minutes\"") {
			t.Errorf("%s: fixing onto the source's text: %v", f, err)
		}
		if after, _ := os.ReadFile(text); !bytes.Equal(before, after) {
			t.Errorf("%s: the source's text was replaced", f)
		}
	}
	broken := filepath.Join(dir, "broken.yaml")
	os.WriteFile(broken, []byte("dateline: 1\nevents: [{id: x}]\n"), 0o644)
	if _, err := File(loadFile(broken), broken, filepath.Join(dir, "b.yaml"), false); err == nil {
		t.Error("fixed a dataset with errors")
	}
}

func TestFixReportString(t *testing.T) {
	for _, c := range []struct {
		r    Report
		want string
	}{
		{Report{File: "f.yaml"}, "wrote f.yaml: nothing to change"},
		{Report{File: "f.yaml", Scores: []float64{0.912, 0.83}, Positions: 13, Checksums: 1, Orphaned: 1},
			"wrote f.yaml: 2 citations re-anchored (scores 0.83, 0.91), 13 positions recorded, 1 checksum updated; 1 orphaned citation left as it was"},
		// Thousands of scores: the five lowest, which need a look.
		{Report{File: "f.yaml", Scores: []float64{0.99, 0.8, 0.95, 0.77, 0.9, 0.85, 0.76, 0.98}},
			"wrote f.yaml: 8 citations re-anchored (scores 0.76, 0.77, 0.80, 0.85, 0.90, …)"},
		{Report{File: "f.yaml", Scores: []float64{0.9, 0.8, 0.95, 0.77, 0.85}},
			"wrote f.yaml: 5 citations re-anchored (scores 0.77, 0.80, 0.85, 0.90, 0.95)"},
		// A checksum a source did not have is recorded; a wrong one updated.
		{Report{File: "f.yaml", NewChecksums: 1}, "wrote f.yaml: 1 checksum recorded"},
		{Report{File: "f.yaml", NewChecksums: 2, Checksums: 1}, "wrote f.yaml: 2 checksums recorded, 1 checksum updated"},
		{Report{File: "f.json", Positions: 1, Orphaned: 1, Unresolved: 2},
			"wrote f.json: 1 position recorded; 1 orphaned citation, 2 unresolved citations left as they were"},
		{Report{File: "f.json", Orphaned: 1, StaleChecksums: 1},
			"wrote f.json: nothing to change; 1 orphaned citation, 1 old checksum (for the orphans) left as they were"},
	} {
		if got := c.r.String(); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// TestFixJSONLHeader: without the orphan the header is rewritten with the
// new checksum, compact, its text_file kept.
func TestFixJSONLHeader(t *testing.T) {
	dir := fixDir(t)
	in := filepath.Join(dir, "drift.jsonl")
	b, _ := os.ReadFile(in)
	lines := strings.Split(string(b), "\n")
	ok := append(lines[:4:4], lines[5:]...) // without the "critics" line
	if err := os.WriteFile(in, []byte(strings.Join(ok, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, out := fixed(t, in, filepath.Join(dir, "fixed.jsonl"))
	if rep.Checksums != 1 || len(out.Problems) != 0 {
		t.Errorf("report %s; problems %v", rep, out.Problems)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "fixed.jsonl"))
	header, _, _ := strings.Cut(string(got), "\n")
	if !strings.HasPrefix(header, `{"dateline":1,"title":"The library budget","sources":[{"id":"minutes",`) ||
		!strings.Contains(header, `"text_file":"minutes.txt","sha256":"bacb3644`) {
		t.Errorf("header: %s", header)
	}
}

// TestFixYAMLSplice: the edits are made in the file's own text, so that
// blank lines, folded text, flow records and a missing final newline stay;
// a re-anchored block-scalar quote cannot be, and the file is re-encoded.
func TestFixYAMLSplice(t *testing.T) {
	dir := t.TempDir()
	text := "Alpha beta gamma.\n\nDelta epsilon zeta eta."
	head := "dateline: 1\n\n# sources\nsources:\n  - id: s\n    title: S\n    text: |-\n      " +
		strings.ReplaceAll(text, "\n\n", "\n\n      ") + "\n\n" +
		"actors: []\n\nevents:\n  - id: a\n    title: A\n    summary: >\n      Folded text that yaml.v3\n      would re-flow.\n" +
		"    citations:\n      - {source: s, quote: beta gamma}   # flow\n\n"
	for _, c := range []struct {
		name, in, want string
	}{
		{"plain", head + "  - id: b\n    title: B\n    citations:\n      - source: s\n        quote: 'zeta eta'",
			head + "  - id: b\n    title: B\n    citations:\n      - source: s\n        quote: 'zeta eta'\n        start: 33\n        end: 41"},
	} {
		in := filepath.Join(dir, c.name+".yaml")
		if err := os.WriteFile(in, []byte(c.in), 0o644); err != nil {
			t.Fatal(err)
		}
		rep, out := fixed(t, in, filepath.Join(dir, c.name+"-fixed.yaml"))
		if out.Timeline == nil || len(out.Problems) != 0 || rep.Positions != 2 || rep.NewChecksums != 1 || rep.Checksums != 0 {
			t.Errorf("%s: %s; problems %v", c.name, rep, out.Problems)
		}
		got, _ := os.ReadFile(filepath.Join(dir, c.name+"-fixed.yaml"))
		sum := sha256.Sum256([]byte(text))
		want := strings.Replace(c.want, "      Delta epsilon zeta eta.\n", "      Delta epsilon zeta eta.\n    sha256: "+hex.EncodeToString(sum[:])+"\n", 1)
		want = strings.Replace(want, "quote: beta gamma}", "quote: beta gamma, start: 6, end: 16}", 1)
		if string(got) != want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, got, want)
		}
	}
}

// TestFixYAMLReencode: a re-anchored quote written as a block scalar
// cannot be replaced in place; the re-encoded file still says the same,
// with the new quote.
func TestFixYAMLReencode(t *testing.T) {
	src := "dateline: 1\n\nsources:\n  - id: s\n    title: S\n    text: \"Il a dit oui hier.\"\n" +
		"events:\n  - id: e\n    title: E  # kept\n    citations:\n      - source: s\n        quote: >-\n          a dit\n        suffix: \" oui\"\n"
	out := fixReanchored(t, src, 5, 12)
	got := loadFile(out)
	if got.Timeline == nil || len(got.Problems) != 0 {
		t.Fatalf("%v", got.Problems)
	}
	c := got.Timeline.Event(0).Citations[0]
	if c.Quote != "dit oui" || c.Suffix != " hier" || c.Start != 5 || c.End != 12 {
		t.Errorf("citation = %+v", c)
	}
	if b, _ := os.ReadFile(out); !bytes.Contains(b, []byte("# kept")) {
		t.Errorf("comment lost:\n%s", b)
	}
}

// fixReanchored writes the YAML dataset src to a temporary folder, loads
// it, re-anchors its first event's first citation on code points [start,
// end) as the drift search would, fixes it and returns the output's path.
func fixReanchored(t *testing.T, src string, start, end int) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.yaml")
	if err := os.WriteFile(in, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := loadFile(in)
	if l.Timeline == nil {
		t.Fatalf("%v", l.Problems)
	}
	l.Timeline.Event(0).Citations[0].Span = timeline.Span{Resolved: true, Reanchored: true, Score: 0.9, Start: start, End: end, Paragraph: 1}
	out := filepath.Join(dir, "out.yaml")
	if _, err := File(l, in, out, false); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFixJSONLCRLF: line endings, blank lines and the byte-order mark of
// a JSON Lines file are kept.
func TestFixJSONLCRLF(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join("..", "jsonl", "testdata", "crlf-blank.jsonl"))
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	rep, out := fixed(t, in, filepath.Join(dir, "out.jsonl"))
	if out.Timeline == nil || rep.Positions != 1 || rep.NewChecksums != 1 {
		t.Fatalf("%s; problems %v", rep, out.Problems)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "out.jsonl"))
	if !bytes.HasPrefix(got, schema.UTF8BOM) || bytes.Count(got, []byte("\r\n")) != bytes.Count(src, []byte("\r\n")) ||
		bytes.Count(got, []byte("\n")) != bytes.Count(src, []byte("\n")) {
		t.Errorf("layout changed:\n%q\nwas\n%q", got, src)
	}
}
