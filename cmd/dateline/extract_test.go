package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		{[]string{"extract", "--published", "2024-02-20", filepath.Join(dir, "nosuch.txt")}, exitData, "nosuch.txt: no such file"},
		{[]string{"extract", "--published", "2024-02-20", dir}, exitData, "is a folder"},
		{[]string{"extract", "--published", "2024-02-20", bin}, exitData, "bin.txt: not a UTF-8 text file"},
		{[]string{"extract", "--published", "2024-02-20", empty}, exitData, "empty.txt: empty file"},
		{[]string{"extract", "--published", "20 Feb 2024", ok}, exitUsage, `--published "20 Feb 2024" is not a date`},
		{[]string{"extract", "--published", "2024-02-30", ok}, exitUsage, "is not a date"},
		{[]string{"extract", ok}, exitUsage, "needs --published"},
		{[]string{"extract", "--published", "2024-02-20", "--format", "xml", ok}, exitUsage, "--format"},
		{[]string{"extract", "--published", "2024-02-20"}, exitUsage, "takes 1 argument"},
	} {
		r := runPlain(t, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.msg) {
			t.Errorf("dateline %s: exit %d, stderr %q; want exit %d and %q", strings.Join(c.args, " "), r.code, r.stderr, c.code, c.msg)
		}
	}
}
