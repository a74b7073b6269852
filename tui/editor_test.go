package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEditorCmd(t *testing.T) {
	for _, tc := range []struct {
		editor string
		line   int
		want   string
	}{
		{"vi", 12, "vi +12 f.yaml"},
		{"/usr/bin/nvim", 3, "/usr/bin/nvim +3 f.yaml"},
		{"hx", 0, "hx f.yaml"},            // line unknown
		{"code -w", 12, "code -w f.yaml"}, // takes no +LINE
		{"  ", 5, "vi +5 f.yaml"},
	} {
		if got := strings.Join(editorCmd(tc.editor, "f.yaml", tc.line).Args, " "); got != tc.want {
			t.Errorf("editorCmd(%q, %d) = %q, want %q", tc.editor, tc.line, got, tc.want)
		}
	}
}

func TestEditorEnv(t *testing.T) {
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "")
	if got := editorEnv(); got != "vi" {
		t.Errorf("no editor set: %q, want vi", got)
	}
	t.Setenv("EDITOR", "nano")
	if got := editorEnv(); got != "nano" {
		t.Errorf("EDITOR: %q", got)
	}
	t.Setenv("VISUAL", "emacs")
	if got := editorEnv(); got != "emacs" {
		t.Errorf("VISUAL wins over EDITOR: %q", got)
	}
}

func TestIDLine(t *testing.T) {
	dir := t.TempDir()
	yml := filepath.Join(dir, "d.yaml")
	os.WriteFile(yml, []byte("events:\n  - id: e10\n    title: x\n  - id: e1\n    title: y\n  - id: 'q'\n"), 0o600)
	js := filepath.Join(dir, "d.json")
	os.WriteFile(js, []byte("{\"events\": [\n  {\"id\": \"e10\",\n   \"title\": \"x\"},\n  {\n    \"id\": \"e1\", \"title\": \"y\"}\n]}\n"), 0o600)
	for _, tc := range []struct {
		file, id string
		want     int
	}{
		{yml, "e1", 4}, {yml, "e10", 2}, {yml, "q", 6}, {yml, "gone", 0},
		{js, "e1", 5}, {js, "e10", 2}, {filepath.Join(dir, "none"), "e1", 0},
	} {
		if got := idLine(tc.file, tc.id); got != tc.want {
			t.Errorf("idLine(%s, %q) = %d, want %d", filepath.Base(tc.file), tc.id, got, tc.want)
		}
	}
}

func TestEditNotEditable(t *testing.T) {
	m := readyModel(t, loadedFor(t, sampleDataset()), 120, 30)
	m.cfg.File = ""
	if cmd := m.editDataset(); cmd != nil || !strings.Contains(m.flash, "embedded") {
		t.Errorf("embedded dataset: cmd %v, flash %q", cmd != nil, m.flash)
	}
	m.cfg.File = "d.jsonl"
	if cmd := m.editDataset(); cmd != nil || !strings.Contains(m.flash, "YAML and JSON") {
		t.Errorf("JSON Lines: cmd %v, flash %q", cmd != nil, m.flash)
	}
}
