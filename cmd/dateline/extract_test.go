package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dateline/data"
	"dateline/timeline"
	"dateline/timeline/draftscore"
)

func TestExtractTE3(t *testing.T) {
	r := runPlain(t, "extract", "--format", "te3-json", "--published", "2024-02-20", "testdata/extract/article.txt")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Timexes []struct {
			Start, End        int
			Value, Type, Text string
			EDTF, Note        string
			Warnings          []string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	text, _ := os.ReadFile("testdata/extract/article.txt")
	runes := []rune(string(text))
	got := map[string]string{}
	for _, x := range out.Timexes {
		if string(runes[x.Start:x.End]) != x.Text {
			t.Errorf("%q: offsets %d-%d hold %q", x.Text, x.Start, x.End, string(runes[x.Start:x.End]))
		}
		got[x.Text] = x.Value + " " + x.EDTF
	}
	for text, want := range map[string]string{
		"Tuesday":            "2024-02-20 2024-02-20",
		"Jan 20":             "2024-01-20 2024-01-20",
		"earlier this month": "2024-02 2024-02-01/2024-02-19",
	} {
		if got[text] != want {
			t.Errorf("%q = %q, want %q", text, got[text], want)
		}
	}
	// The weekday that does not fit goes to stderr with its position.
	if !strings.Contains(r.stderr, "testdata/extract/article.txt:3:") || !strings.Contains(r.stderr, ": warning: 'Tuesday (Jan 20)'") {
		t.Errorf("stderr %q lacks the FILE:LINE:COL warning", r.stderr)
	}
}

func TestExtractErrors(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin.txt")
	os.WriteFile(bin, []byte("abc\x00def"), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, []byte(" \n"), 0o644)
	ok := "testdata/extract/article.txt"
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"extract", "--format", "te3-json", "--published", "2024-02-20", filepath.Join(dir, "nosuch.txt")}, exitData, "nosuch.txt: no such file"},
		{[]string{"extract", "--format", "te3-json", "--published", "2024-02-20", dir}, exitData, "is a folder"},
		{[]string{"extract", "--format", "te3-json", "--published", "2024-02-20", bin}, exitData, "bin.txt: not a UTF-8 text file"},
		{[]string{"extract", "--format", "te3-json", "--published", "2024-02-20", empty}, exitData, "empty.txt: empty file"},
		{[]string{"extract", "--published", "2024-02-20", filepath.Join(dir, "nosuch.txt")}, exitData, "nosuch.txt"},
		{[]string{"extract", "--published", "2024-02-20", dir}, exitData, dir},
		{[]string{"extract", "--published", "2024-02-20", bin}, exitData, "bin.txt"},
		{[]string{"extract", "--published", "2024-02-20", empty}, exitData, "empty.txt"},
		{[]string{"extract", "--published", "20 Feb 2024", ok}, exitUsage, `--published "20 Feb 2024" is not a date`},
		{[]string{"extract", "--published", "2024-02-30", ok}, exitUsage, "is not a date"},
		{[]string{"extract", "--format", "te3-json", ok}, exitUsage, "needs --published"},
		{[]string{"extract", ok}, exitUsage, "cannot tell when testdata/extract/article.txt was published; pass --published DATE"},
		{[]string{"extract", "--published", "2024-02-20", "--format", "xml", ok}, exitUsage, "--format"},
		{[]string{"extract", "--published", "2024-02-20"}, exitUsage, "needs an ARTICLE"},
	} {
		r := runPlain(t, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.msg) {
			t.Errorf("dateline %s: exit %d, stderr %q; want exit %d and %q", strings.Join(c.args, " "), r.code, r.stderr, c.code, c.msg)
		}
	}
}

// TestExtractSeedDraft drafts the seed article (its date line included)
// with no --published, writes it with -o, and loads what it wrote.
func TestExtractSeedDraft(t *testing.T) {
	out := filepath.Join(t.TempDir(), "timeline.yaml")
	seed := "../../timeline/draft/testdata/seed_kim_car.txt"
	r := runPlain(t, "extract", seed, "-o", out)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "published 2024-02-20, from line 1") || !strings.Contains(r.stderr, ":3:137: warning: 'Tuesday (Jan 20)'") {
		t.Errorf("stderr: %s", r.stderr)
	}
	l := data.LoadFile(out)
	if err := l.Err(); err != nil || l.Count(timeline.SeverityError) != 0 {
		t.Fatalf("the draft does not load: %v", err)
	}
	dates := map[string]bool{}
	for _, e := range l.Dataset.Events {
		dates[e.Date.String()] = true
	}
	for _, d := range []string{"2017", "2021", "2023-09", "2024-02-01/2024-02-19", "../2024-02-20"} {
		if !dates[d] {
			t.Errorf("no event dated %s", d)
		}
	}
	// Without --force an existing OUT is refused; the same input gives the
	// same bytes.
	if r := runPlain(t, "extract", seed, "-o", out); r.code == exitOK {
		t.Error("overwrote OUT without --force")
	}
	first, _ := os.ReadFile(out)
	if r := runPlain(t, "extract", seed, "-o", out, "--force"); r.code != exitOK {
		t.Fatalf("--force: %s", r.stderr)
	}
	again, _ := os.ReadFile(out)
	if string(first) != string(again) {
		t.Error("the same input gave different bytes")
	}
}

// TestDraftAgainstGold measures the drafter on the three articles with
// hand-written gold chronologies; the README quotes what it logs.
func TestDraftAgainstGold(t *testing.T) {
	var total draftscore.Result
	for _, name := range []string{"lithium_pact", "port_bribery", "po_floods"} {
		gold := data.LoadFile("../../timeline/draft/testdata/" + name + ".gold.yaml")
		if err := gold.Err(); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), name+".yaml")
		if r := runPlain(t, "extract", "../../timeline/draft/testdata/"+name+".txt", "-o", out); r.code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
		}
		drafted := data.LoadFile(out)
		if err := drafted.Err(); err != nil {
			t.Fatal(err)
		}
		res := draftscore.Compare(gold.Timeline, drafted.Timeline)
		t.Logf("%s: %s", name, res)
		total.Add(res)
	}
	t.Logf("all: %s", total)
	if total.Recall() < 0.8 || total.Precision() < 0.6 || total.DateAccuracy() < 0.7 {
		t.Errorf("recall %.2f (want ≥ 0.80), precision %.2f (want ≥ 0.60), dates exact %.2f (want ≥ 0.70)", total.Recall(), total.Precision(), total.DateAccuracy())
	}
}

// TestExtractTextFile: a .txt article beside OUT is referenced, not copied,
// and the draft loads from it.
func TestExtractTextFile(t *testing.T) {
	dir := t.TempDir()
	raw, err := os.ReadFile("../../timeline/draft/testdata/seed_kim_car.txt")
	if err != nil {
		t.Fatal(err)
	}
	art := filepath.Join(dir, "article.txt")
	os.WriteFile(art, raw, 0o644)
	out := filepath.Join(dir, "timeline.yaml")
	if r := runPlain(t, "extract", art, "-o", out); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "text_file: article.txt") || strings.Contains(string(b), "\n    text:") {
		t.Errorf("the source is not referenced by text_file:\n%.400s", b)
	}
	if err := data.LoadFile(out).Err(); err != nil {
		t.Errorf("does not load: %v", err)
	}
	if after, _ := os.ReadFile(art); string(after) != string(raw) {
		t.Error("the article was modified")
	}
}

// TestRootArticlePiped: `dateline ARTICLE` piped prints the draft's list
// (the events the viewer would show), and --published is refused for a
// dataset.
func TestRootArticlePiped(t *testing.T) {
	r := runPlain(t, "../../timeline/draft/testdata/seed_kim_car.txt")
	if r.code != exitOK || !strings.Contains(r.stdout, ": 11 events") || !strings.Contains(r.stdout, "Putin invited him to ride") {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "seed_kim_car.txt:3:137: warning: 'Tuesday (Jan 20)'") {
		t.Errorf("the drafting warnings should be on stderr at FILE:LINE:COL:\n%s", r.stderr)
	}
	if r := runPlain(t, "--published", "2024-02-20", "testdata/small.yaml"); r.code != exitUsage {
		t.Errorf("--published with a dataset: exit %d, want %d", r.code, exitUsage)
	}
}

// TestArticleWarningNamesItsEvent: a drafting warning about a date is
// about the event drafted from its sentence, and says so in its Path, as
// a dataset's problems do, so that enter in the viewer's problems list
// goes there rather than saying it concerns no event.
func TestArticleWarningNamesItsEvent(t *testing.T) {
	v := &articleView{path: "../../timeline/draft/testdata/seed_kim_car.txt"}
	l := v.load()
	if l.Timeline == nil {
		t.Fatalf("the seed article does not draft: %v", l.Problems)
	}
	var found bool
	for _, p := range l.Problems {
		if !strings.Contains(p.Message, "'Tuesday (Jan 20)'") {
			continue
		}
		found = true
		var i int
		if _, err := fmt.Sscanf(string(p.Path), "events[%d]", &i); err != nil || i >= len(l.Dataset.Events) {
			t.Fatalf("the warning %s has path %q, no event", p, p.Path)
		}
		ev := l.Dataset.Events[i]
		if len(ev.Citations) == 0 || !strings.Contains(ev.Citations[0].Quote, "Tuesday (Jan 20)") {
			t.Errorf("the warning names event %s, which cites %v, not the sentence of 'Tuesday (Jan 20)'", ev.ID, ev.Citations)
		}
	}
	if !found {
		t.Fatalf("no warning about 'Tuesday (Jan 20)' among %v", l.Problems)
	}
}
