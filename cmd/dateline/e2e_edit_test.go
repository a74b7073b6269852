package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// writeEditor writes a scripted editor named vi (so dateline passes it
// +LINE) that records its arguments and runs script on the file it is given.
func writeEditor(t *testing.T, dir, script string) string {
	t.Helper()
	bin := filepath.Join(dir, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	vi := filepath.Join(bin, "vi")
	body := "#!/bin/sh\necho \"$@\" > " + filepath.Join(dir, "editor-args") +
		"\nfor f; do :; done\n" + script + "\n"
	if err := os.WriteFile(vi, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return vi
}

// TestE2EEdit edits a title through E: the editor is opened at the
// selected event's line, and after it exits the change shows with the
// same event selected.
func TestE2EEdit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "wide.yaml"), []byte(wideDataset), 0o600); err != nil {
		t.Fatal(err)
	}
	vi := writeEditor(t, dir, `sed -i 's/title: 中国代表团/title: EDITED 中国代表团/' "$f"`)
	s := startE2E(t, e2eOptions{args: []string{"wide.yaml"}, dir: dir,
		env: []string{"VISUAL=", "EDITOR=" + vi}})
	s.waitFor("#1 · 3 of 3 events", e2eWait)
	s.keys("j")
	s.waitFor("event id: e2", e2eWait)
	s.keys("E")
	scr := s.waitFor("reloaded: 3 events", e2eWait)
	if !strings.Contains(scr, "EDITED") || !strings.Contains(scr, "event id: e2") || !strings.Contains(scr, "#2 · 3 of 3 events") {
		t.Errorf("after the edit the title should change with e2 still selected:\n%s", scr)
	}
	args, err := os.ReadFile(filepath.Join(dir, "editor-args"))
	if err != nil {
		t.Fatal(err)
	}
	line := 1 + strings.Count(wideDataset[:strings.Index(wideDataset, "  - id: e2")], "\n")
	if want := "+" + strconv.Itoa(line) + " wide.yaml"; strings.TrimSpace(string(args)) != want {
		t.Errorf("editor arguments %q, want %q", args, want)
	}
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
}

// TestE2EEditBroken has the editor leave a broken file: the old data stays
// on screen and the status bar names the problem's FILE:LINE:COL.
func TestE2EEditBroken(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "wide.yaml"), []byte(wideDataset), 0o600); err != nil {
		t.Fatal(err)
	}
	vi := writeEditor(t, dir, `printf 'dateline: 1\nevents: [\n' > "$f"`)
	s := startE2E(t, e2eOptions{args: []string{"wide.yaml"}, dir: dir,
		env: []string{"VISUAL=" + vi}})
	s.waitFor("#1 · 3 of 3 events", e2eWait)
	s.keys("E")
	scr := s.waitFor("reload failed", e2eWait)
	if !strings.Contains(scr, "#1 · 3 of 3 events") || !regexp.MustCompile(`wide\.yaml:\d+:\d+: error`).MatchString(scr) {
		t.Errorf("a broken edit should keep the data and show the problem:\n%s", scr)
	}
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
}
