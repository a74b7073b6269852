package tui

import (
	"io/fs"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// TestDatesPromptAnswers checks the date prompt's answer to the root:
// enter on an invalid range keeps it open with the reason, enter on a
// valid one closes it with the range, and the answer lasts one Update.
func TestDatesPromptAnswers(t *testing.T) {
	p := newDatesPrompt(newStyles("dark"), keyTable())
	p.Focus()
	p, _ = p.Update(runes("2024-13"))
	p, _ = p.Update(keyOf(tea.KeyEnter))
	if _, ok := p.Applied(); ok || !p.Focused() || p.err == "" {
		t.Fatalf("enter on 2024-13: applied %v, focused %v, reason %q; want it open with a reason", ok, p.Focused(), p.err)
	}
	p, _ = p.Update(keyOf(tea.KeyBackspace))
	p, _ = p.Update(runes("2"))
	p, _ = p.Update(keyOf(tea.KeyEnter))
	d, ok := p.Applied()
	if !ok || p.Focused() || d.String() != "2024-12" {
		t.Fatalf("enter on 2024-12: applied %v (%v), focused %v", ok, d, p.Focused())
	}
	if p, _ = p.Update(runes("x")); p.in.Value() != "2024-12" {
		t.Errorf("a closed prompt took a key: %q", p.in.Value())
	}
	if _, ok := p.Applied(); ok {
		t.Error("the range was still applied an Update later")
	}
	p.Focus()
	if p, _ = p.Update(keyOf(tea.KeyEsc)); p.Focused() || p.in.Value() != "2024-12" {
		t.Errorf("esc: focused %v, text %q; want closed with its text", p.Focused(), p.in.Value())
	}
	if _, ok := p.Applied(); ok {
		t.Error("esc applied the range")
	}
}

// TestExportPromptAnswers checks the export prompt: an unusable line is
// explained in place, a usable one is submitted once, a second enter while
// it runs is ignored, and the end of the export closes the prompt or keeps
// it open with the reason.
func TestExportPromptAnswers(t *testing.T) {
	p := newExportPrompt(newStyles("dark"), keyTable())
	p.Focus()
	p, _ = p.Update(runes("notes"))
	p, _ = p.Update(keyOf(tea.KeyEnter))
	if _, ok := p.Submitted(); ok || p.err == "" || !p.Focused() {
		t.Fatalf("enter on a path without a format: submitted %v, reason %q", ok, p.err)
	}
	p, _ = p.Update(runes(".md"))
	p, _ = p.Update(keyOf(tea.KeyEnter))
	r, ok := p.Submitted()
	if !ok || r.path != "notes.md" || r.format != "markdown" || !p.running {
		t.Fatalf("enter on notes.md: submitted %v %+v, running %v", ok, r, p.running)
	}
	p, _ = p.Update(keyOf(tea.KeyEnter))
	if _, again := p.Submitted(); again {
		t.Error("a second enter while the export runs submitted it again")
	}
	p, _ = p.Update(exportedMsg{path: "notes.md", format: "markdown", err: fs.ErrExist})
	if !p.Focused() || p.running || p.err == "" {
		t.Fatalf("a failed export: focused %v, running %v, reason %q", p.Focused(), p.running, p.err)
	}
	p, _ = p.Update(runes("!"))
	p, _ = p.Update(keyOf(tea.KeyEnter))
	p, _ = p.Update(exportedMsg{path: "notes.md", format: "markdown", events: 2})
	if p.Focused() || p.running {
		t.Errorf("a done export: focused %v, running %v; want the prompt closed", p.Focused(), p.running)
	}
}

// TestSearchPromptAnswers checks the search prompt: typing asks for a
// search over the events it was given, a result counts only when it is the
// latest search's, and esc leaves the search standing.
func TestSearchPromptAnswers(t *testing.T) {
	tl := mustTimeline(t, sampleDataset())
	p := newSearchPrompt(newStyles("dark"), keyTable())
	p.SetEvents(tl, tl.Apply(timeline.Filter{}, nil))
	p.Focus(0)
	p, slow := p.Update(runes("p"))
	p, fast := p.Update(runes("u"))
	if slow == nil || fast == nil || !p.pending {
		t.Fatal("typing did not ask for searches")
	}
	stale, latest := slow().(searchResultMsg), fast().(searchResultMsg)
	p, _ = p.Update(latest)
	p, _ = p.Update(stale)
	if p.query != "pu" || p.pending || len(p.hits) == 0 {
		t.Fatalf("shows %q (pending %v) with %d hits; want the latest, \"pu\"", p.query, p.pending, len(p.hits))
	}
	if p, _ = p.Update(keyOf(tea.KeyEsc)); p.Focused() || !p.active() || p.in.Value() != "pu" {
		t.Errorf("esc: focused %v, active %v, text %q; want the search standing", p.Focused(), p.active(), p.in.Value())
	}
	p.Clear()
	if p.active() || p.in.Value() != "" || p.hits != nil {
		t.Errorf("Clear left %q, text %q, hits %v", p.typed, p.in.Value(), p.hits)
	}
}

// TestPromptsReopenWithTheirTextSelected: e and t reopen on their last
// text, selected, so that typing a new one replaces it (typing `ex1.md`
// twice once wrote ex1.mdex1.md) while ← or → keeps it for editing.
func TestPromptsReopenWithTheirTextSelected(t *testing.T) {
	m := readyModel(t, loadedFor(t, sampleDataset()), 120, 30)
	m = update(t, m, runes("t"), runes("2024-12"), keyOf(tea.KeyEnter))
	m = update(t, m, runes("t"))
	if !strings.Contains(m.promptView(), "typing replaces") {
		t.Errorf("the reopened dates prompt does not say its text is selected: %q", m.promptView())
	}
	m = update(t, m, runes("2023"), keyOf(tea.KeyEnter))
	if got := m.filter.Dates.String(); got != "2023" {
		t.Errorf("typing 2023 into the reopened dates prompt filters by %q, want 2023", got)
	}

	p := newExportPrompt(newStyles("dark"), keyTable())
	type step struct {
		keys []tea.KeyMsg
		want string
	}
	for _, s := range []step{
		{[]tea.KeyMsg{runes("ex1.md")}, "ex1.md"},
		{[]tea.KeyMsg{runes("ex1.md")}, "ex1.md"},
		{[]tea.KeyMsg{keyOf(tea.KeyLeft), runes("x")}, "xex1.md"},
		{[]tea.KeyMsg{keyOf(tea.KeyRight), runes("!")}, "xex1.md!"},
		{[]tea.KeyMsg{keyOf(tea.KeyBackspace), runes("a.csv")}, "a.csv"},
		{[]tea.KeyMsg{keyOf(tea.KeyEnd), keyOf(tea.KeyBackspace)}, "a.cs"},
	} {
		p.Focus()
		for _, k := range s.keys {
			p, _ = p.Update(k)
		}
		if got := p.in.Value(); got != s.want {
			t.Errorf("reopened, then %v: %q, want %q", s.keys, got, s.want)
		}
		p, _ = p.Update(keyOf(tea.KeyEsc))
	}
}

// TestLineInputSelectionShows: the selected text is drawn in reverse video
// even without colour, where lipgloss would drop every attribute.
func TestLineInputSelectionShows(t *testing.T) {
	in := newLineInput(newStyles("dark"), "export to: ")
	in.SetValue("ex1.md")
	in.Focus()
	in.SelectAll()
	if v := in.View(40); !strings.Contains(v, sgrReverse+"ex1.md"+sgrReverseOff) {
		t.Errorf("selected text is not reversed: %q", v)
	}
	in = in.Update(keyOf(tea.KeyRight))
	if v := in.View(40); strings.Contains(v, sgrReverse+"ex1.md") {
		t.Errorf("text still reversed after →: %q", v)
	}
}
