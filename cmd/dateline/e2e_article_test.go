package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// seedArticle copies the seed article into dir as name.
func seedArticle(t *testing.T, dir, name string) {
	t.Helper()
	b, err := os.ReadFile("../../timeline/draft/testdata/seed_kim_car.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestE2EArticleLoop is the loop from an article to an edited dataset:
// open the article (an unsaved draft), save it with e as YAML, and edit a
// title through E: the change shows after the reload with the same event
// selected, and the article is untouched.
func TestE2EArticleLoop(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seedArticle(t, dir, "kim.txt")
	before, _ := os.ReadFile(filepath.Join(dir, "kim.txt"))
	vi := writeEditor(t, dir, `sed -i 's/title: The gift is likely/title: EDITED The gift is likely/' "$f"`)
	s := startE2E(t, e2eOptions{args: []string{"kim.txt"}, dir: dir, env: []string{"VISUAL=", "EDITOR=" + vi}})
	scr := s.waitFor("draft of kim.txt · not saved", e2eWait)
	if !strings.Contains(scr, "#1 · 11 of 11 events") {
		t.Errorf("the draft should show its 11 events:\n%s", scr)
	}
	s.keys("E")
	s.waitFor("save the draft first", e2eWait)
	s.keys("e")
	s.waitFor("export to:", e2eWait)
	s.text("draft.yaml")
	s.keys("Enter")
	scr = s.waitFor("saved the draft: now on draft.yaml", e2eWait)
	if strings.Contains(scr, "not saved") {
		t.Errorf("after saving, the draft note should be gone:\n%s", scr)
	}
	s.waitFor("event id: the-gift-is-likely-to-violate", e2eWait)
	s.keys("E")
	scr = s.waitFor("reloaded: 11 events", e2eWait)
	if !strings.Contains(scr, "EDITED The gift") || !strings.Contains(scr, "event id: the-gift-is-likely-to-violate") ||
		!strings.Contains(scr, "#1 · 11 of 11 events") {
		t.Errorf("after the edit the title should change with the same event selected:\n%s", scr)
	}
	args, _ := os.ReadFile(filepath.Join(dir, "editor-args"))
	if !regexp.MustCompile(`^\+\d+ draft\.yaml$`).MatchString(strings.TrimSpace(string(args))) {
		t.Errorf("E should open the saved file at the event's line, got editor arguments %q", args)
	}
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
	saved, err := os.ReadFile(filepath.Join(dir, "draft.yaml"))
	if err != nil || !strings.Contains(string(saved), "text_file: kim.txt") {
		t.Errorf("the saved draft should name the article beside it as its text_file (err %v):\n%.400s", err, saved)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "kim.txt")); string(after) != string(before) {
		t.Error("the article was modified")
	}
}

// TestE2EArticleWarningJumps: p on a draft lists the drafting warnings,
// and enter on the one about 'Tuesday (Jan 20)' goes to the event drafted
// from its sentence, not "this problem concerns no event".
func TestE2EArticleWarningJumps(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seedArticle(t, dir, "kim.txt")
	s := startE2E(t, e2eOptions{args: []string{"kim.txt"}, dir: dir})
	s.waitFor("draft of kim.txt · not saved", e2eWait)
	if scr := s.screen(); strings.Contains(scr, "event id: russian-president-vladimir-putin-gave-north") {
		t.Fatalf("the warning's event is selected before the jump:\n%s", scr)
	}
	s.keys("p")
	s.waitFor("▸ kim.txt:3:137: warning: 'Tuesday (Jan 20)'", e2eWait)
	s.keys("Enter")
	scr := s.waitUntil("the warning's event", e2eWait, func(scr string) bool {
		return strings.Contains(scr, "event id: russian-president-vladimir-putin-gave-north") || strings.Contains(scr, "concerns no event")
	})
	if !strings.Contains(scr, "event id: russian-president-vladimir-putin-gave-north") {
		t.Errorf("enter on the warning did not go to the event citing its sentence:\n%s", scr)
	}
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// TestE2EArticleEditBroken saves the draft of a Markdown article (its text
// goes into draft.txt beside the dataset), refuses to replace it without
// !, then has the editor leave a broken file: the old data stays on
// screen and the status bar names the problem's FILE:LINE:COL.
func TestE2EArticleEditBroken(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	seedArticle(t, dir, "kim.md")
	vi := writeEditor(t, dir, `printf 'dateline: 1\nevents: [\n' > "$f"`)
	s := startE2E(t, e2eOptions{args: []string{"kim.md"}, dir: dir, env: []string{"VISUAL=" + vi}})
	s.waitFor("draft of kim.md · not saved", e2eWait)
	if err := os.WriteFile(filepath.Join(dir, "taken.yaml"), []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.keys("e")
	s.waitFor("export to:", e2eWait)
	s.text("taken.yaml")
	s.keys("Enter")
	s.waitFor("taken.yaml exists", e2eWait)
	s.keys("C-u")
	// Saved as "PATH yaml", with no .yaml in its name: E still edits it.
	s.text("draft yaml")
	s.keys("Enter")
	s.waitFor("saved the draft: now on draft (article text in draft.txt)", e2eWait)
	s.keys("E")
	scr := s.waitFor("reload failed", e2eWait)
	if !strings.Contains(scr, "#1 · 11 of 11 events") || !regexp.MustCompile(`draft:\d+:\d+: error`).MatchString(scr) {
		t.Errorf("a broken edit should keep the data and show the problem:\n%s", scr)
	}
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
	if b, _ := os.ReadFile(filepath.Join(dir, "taken.yaml")); string(b) != "keep" {
		t.Error("an existing file was replaced without !")
	}
	text, err := os.ReadFile(filepath.Join(dir, "draft.txt"))
	if err != nil || !strings.Contains(string(text), "Kim Jong-un") {
		t.Errorf("the article text should be in draft.txt: %v", err)
	}
}
