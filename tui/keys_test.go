package tui

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
)

func TestKeymapTableCoversBindings(t *testing.T) {
	k := defaultKeyMap()
	inRows := map[string]bool{}
	for _, r := range k.rows() {
		inRows[r.binding.Help().Key] = true
		if r.action == "" || len(r.binding.Keys()) == 0 {
			t.Errorf("row %q has no action or keys", r.binding.Help().Key)
		}
	}
	var help []key.Binding
	help = append(help, k.ShortHelp()...)
	for _, col := range k.FullHelp() {
		help = append(help, col...)
	}
	for _, b := range help {
		if !inRows[b.Help().Key] {
			t.Errorf("binding %q is in the help but not in the keymap table", b.Help().Key)
		}
	}
	md := KeymapMarkdown()
	if !strings.HasPrefix(md, "| Keys | Action |\n|---|---|\n") {
		t.Fatalf("no table header:\n%s", md)
	}
	if got, want := strings.Count(md, "\n"), len(k.rows())+2; got != want {
		t.Fatalf("%d table lines, want %d", got, want)
	}
	for _, want := range []string{"| `j`, `↓` |", "| `G`, `End` |", "| `Shift+Tab` |", "| `Ctrl+C` |", "| `PgDn`, `Space` |",
		"| `]` |", "| `{` |", "| `Ctrl+T` |", "| `/` |", "| `a` |", "| `t` |", "| `n` |", "| `N` |"} {
		if !strings.Contains(md, want) {
			t.Errorf("keymap lacks %q:\n%s", want, md)
		}
	}
}

// TestReadmeKeymap keeps README.md's keymap section equal to the bindings.
func TestReadmeKeymap(t *testing.T) {
	const start, end = "<!-- keymap:start -->", "<!-- keymap:end -->"
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatalf("reading README: %v", err)
	}
	s := string(b)
	i, j := strings.Index(s, start), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %s … %s section", start, end)
	}
	got := strings.TrimSpace(s[i+len(start) : j])
	if want := strings.TrimSpace(KeymapMarkdown()); got != want {
		t.Fatalf("README keymap differs from the bindings; paste this between the markers:\n%s", want)
	}
}

func TestShortHelpFromBindings(t *testing.T) {
	m := readyModel(t, loadedFor(t, sampleDataset()), 200, 40)
	line := m.helpView()
	for _, b := range m.keys.ShortHelp() {
		if b.Enabled() != strings.Contains(line, b.Help().Key+" "+b.Help().Desc) {
			t.Errorf("short help shows %q (%s) = %v, want it when enabled: %q", b.Help().Key, b.Help().Desc, !b.Enabled(), line)
		}
	}
	if strings.Contains(line, "close help") {
		t.Error("esc is shown although no help is open")
	}
}

// TestHelpLegend: the full help explains the glyphs of the timeline rows,
// at any width, each item whole on one line.
func TestHelpLegend(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	for _, w := range []int{60, 80, 200} {
		m := readyModel(t, l, w, 50)
		m = update(t, m, runes("?"))
		view := m.View()
		checkFrame(t, view, w, 50)
		for _, want := range []string{"Marks: ~ approximate date", "? uncertain date", "! alleged", "» expected",
			"✗ a quote not found in its source", "≈ a quote re-anchored after its source changed", "• search match"} {
			if !strings.Contains(view, want) {
				t.Errorf("%d columns: the full help has no %q:\n%s", w, want, view)
			}
		}
	}
}
