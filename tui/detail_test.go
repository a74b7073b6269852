package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"dateline/timeline"
)

// eventIndex returns the chronological index of the event with id.
func eventIndex(tb testing.TB, tl *timeline.Timeline, id string) int {
	tb.Helper()
	for i := range tl.Len() {
		if tl.Event(i).ID == id {
			return i
		}
	}
	tb.Fatalf("no event %q", id)
	return -1
}

func detailFor(tb testing.TB, tl *timeline.Timeline, id string, w, h int) detailPane {
	tb.Helper()
	d := newDetailPane(tl, newStyles("dark"), keyTable())
	d.SetSize(w, h)
	d.SetEvent(eventIndex(tb, tl, id))
	return d
}

func TestDetailContent(t *testing.T) {
	tl := mustTimeline(t, sampleDataset())
	tests := []struct {
		id   string
		want []string
	}{
		{"car-gift", []string{
			"Putin gives Kim a Russian-made car 🚗🎁",
			"Status  occurred",
			"Actors  Vladimir Putin (giver)",
			"        Kim Jong-un (recipient)",
			"KCNA reported the gift.",
			"Citations (2)",
			"┃ “Kim Jong-un was gifted a Russian-made car by Vladimir Putin”",
			"┃ — Putin gifts Kim a car — 연합뉴스 报道 · ¶1",
			"┆ “a sentence that the article does not contain”",
			"┆ unresolved: the quote was not found in the source",
			"event id: car-gift",
		}},
		{"weapons", []string{"Status  ! alleged", "Kim Jong-un (accused)", "? uncertain",
			"North Korea denies it.", "· ¶4"}},
		{"tourists", []string{"Status  » expected"}},
		{"born", []string{"~ approximate", "        Official records disagree"}},
		{"yoon", []string{"윤석열 (대통령)", "┃ “윤석열 대통령은 제재 위반이라고 말했다.”", "· ¶3"}},
		{"model", []string{"Date    undated"}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			d := detailFor(t, tl, tt.id, 90, 200)
			view := d.View()
			ev := tl.Event(eventIndex(t, tl, tt.id))
			if !ev.Date.IsZero() && !strings.Contains(view, "Date    "+ev.Date.Human()) {
				t.Errorf("no date %q in\n%s", ev.Date.Human(), view)
			}
			for _, w := range tt.want {
				if !strings.Contains(view, w) {
					t.Errorf("no %q in\n%s", w, view)
				}
			}
		})
	}
}

func TestDetailWrapsToWidth(t *testing.T) {
	tl := mustTimeline(t, sampleDataset())
	st := newStyles("")
	for _, mk := range []marks{{}, {query: "kim 윤 car", actors: map[string]bool{"kim": true, "yoon": true}}} {
		for i := range tl.Len() {
			for w := 4; w <= 100; w += 3 { // a quote bar needs a few cells
				lines, hits := eventLines(tl, tl.Event(i), st, w, mk)
				if len(hits) != len(lines) {
					t.Fatalf("event %d: %d lines, %d hit flags", i, len(lines), len(hits))
				}
				for n, l := range lines {
					if lw := lipgloss.Width(l); lw > w {
						t.Fatalf("event %d width %d %+v: line %d is %d wide: %q", i, w, mk, n, lw, l)
					}
				}
			}
		}
	}
}

func TestDetailScrolls(t *testing.T) {
	tl := mustTimeline(t, sampleDataset())
	tests := []struct {
		name  string
		keys  []tea.KeyMsg
		check func(d detailPane) bool
	}{
		{"j scrolls a line", []tea.KeyMsg{runes("j")}, func(d detailPane) bool { return d.vp.YOffset == 1 }},
		{"jjk", []tea.KeyMsg{runes("j"), runes("j"), runes("k")}, func(d detailPane) bool { return d.vp.YOffset == 1 }},
		{"G to end", []tea.KeyMsg{runes("G")}, func(d detailPane) bool { return d.vp.AtBottom() && d.footer() == "end" }},
		{"G then g", []tea.KeyMsg{runes("G"), runes("g")}, func(d detailPane) bool { return d.vp.AtTop() && d.footer() == "top ↓" }},
		{"pgdown", []tea.KeyMsg{keyOf(tea.KeyPgDown)}, func(d detailPane) bool { return d.vp.YOffset == 6 }},
		{"ctrl+d", []tea.KeyMsg{keyOf(tea.KeyCtrlD)}, func(d detailPane) bool { return d.vp.YOffset == 3 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := detailFor(t, tl, "car-gift", 40, 6)
			if d.vp.TotalLineCount() < 20 {
				t.Fatalf("fixture too short to scroll: %d lines", d.vp.TotalLineCount())
			}
			d.Focus()
			for _, k := range tt.keys {
				d, _ = d.Update(k)
			}
			if !tt.check(d) {
				t.Fatalf("offset %d of %d lines, footer %q", d.vp.YOffset, d.vp.TotalLineCount(), d.footer())
			}
		})
	}
}

func TestDetailBlurredAndNewEvent(t *testing.T) {
	tl := mustTimeline(t, sampleDataset())
	d := detailFor(t, tl, "car-gift", 40, 6)
	d, _ = d.Update(runes("j"))
	if d.vp.YOffset != 0 {
		t.Fatal("blurred detail pane scrolled")
	}
	d.Focus()
	d, _ = d.Update(runes("G"))
	d.SetEvent(eventIndex(t, tl, "born"))
	if d.vp.YOffset != 0 || !strings.Contains(d.View(), "Kim Jong-un is born") {
		t.Fatalf("new event not shown from its top:\n%s", d.View())
	}
	d.Clear()
	if strings.TrimSpace(d.View()) != "" {
		t.Fatalf("cleared pane shows %q", d.View())
	}
}
