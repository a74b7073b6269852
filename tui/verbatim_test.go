package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// tolerantDataset cites a source with typographic quotes, a dash and a
// decomposed accent by a quote typed with straight quotes, a hyphen and a
// composed accent: it resolves only tolerantly.
func tolerantDataset() *timeline.Dataset {
	return &timeline.Dataset{
		Sources: []timeline.Source{{ID: "memo", Title: "Memo",
			Text: "The board met in “March” — le pre\u0301sident agreed."}},
		Events: []timeline.Event{{ID: "meeting", Title: "The board meets", Date: timeline.MustParseDate("2023-03"),
			Citations: []timeline.Citation{{Source: "memo", Quote: `met in "March" - le président`, Start: -1, End: -1}}}},
	}
}

const (
	tolerantTyped  = `met in "March" - le président`
	tolerantSource = "met in “March” — le pre\u0301sident"
)

func TestDetailShowsSourceCharacters(t *testing.T) {
	tl := mustTimeline(t, tolerantDataset())
	if !tl.Event(0).Citations[0].Span.Tolerant {
		t.Fatal("the fixture's quote should resolve tolerantly")
	}
	view := detailFor(t, tl, "meeting", 90, 40).View()
	if !strings.Contains(view, "“"+tolerantSource+"”") || strings.Contains(view, tolerantTyped) {
		t.Errorf("detail pane should quote the source's characters %q, not the typed %q:\n%s", tolerantSource, tolerantTyped, view)
	}
}

func TestCopyShowsSourceCharacters(t *testing.T) {
	clipboardWrite("")
	drive(t, readyDriven(t, loadedFor(t, tolerantDataset()), 120, 40), runes("y"))
	first, _, _ := strings.Cut(lastCopied(), "\n")
	if first != "“"+tolerantSource+"”" {
		t.Errorf("y copied %q, want the source's characters %q", first, "“"+tolerantSource+"”")
	}
	clipboardWrite("")
	m := drive(t, readyDriven(t, loadedFor(t, tolerantDataset()), 120, 40), keyOf(tea.KeyTab), runes("y"))
	if first, _, _ := strings.Cut(lastCopied(), "\n"); first != "“"+tolerantSource+"”" {
		t.Errorf("y in the detail pane copied %q (status %q)", first, statusOf(t, m))
	}
}
