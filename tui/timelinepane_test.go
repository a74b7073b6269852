package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"dateline/timeline"
)

// paneFor is a focused w×h timeline pane over every event of tl.
func paneFor(tb testing.TB, tl *timeline.Timeline, w, h int) timelinePane {
	tb.Helper()
	p := newTimelinePane(tl, tl.Apply(timeline.Filter{}, nil), newStyles("dark"), keyTable())
	p.Focus()
	p.SetSize(w, h)
	return p
}

func TestTimelinePlanSeparatorsAndGaps(t *testing.T) {
	p := paneFor(t, mustTimeline(t, sampleDataset()), 70, 40)
	var got []string
	for _, l := range p.plan() {
		switch l.kind {
		case lineYear:
			if l.undated {
				got = append(got, "year:undated")
			} else {
				got = append(got, "year:"+yearLabel(l.year))
			}
		case lineGap:
			got = append(got, "gap:"+yearLabel(l.year)+"-"+yearLabel(l.to))
		default:
			got = append(got, p.tl.Event(p.idx[l.pos]).ID)
		}
	}
	want := []string{
		"year:1984", "born", "gap:1985-2016", "year:2017", "sanctions", "gap:2018-2022",
		"year:2023", "summit", "weapons", "year:2024", "car-gift", "yoon",
		"year:2025", "tourists", "year:undated", "model",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("plan:\n got %v\nwant %v", got, want)
	}
}

func TestTimelineKeys(t *testing.T) {
	const h = 12
	tests := []struct {
		name  string
		start int
		key   tea.KeyMsg
		want  func(p timelinePane) int
	}{
		{"j", 5, runes("j"), func(timelinePane) int { return 6 }},
		{"down", 5, keyOf(tea.KeyDown), func(timelinePane) int { return 6 }},
		{"k", 5, runes("k"), func(timelinePane) int { return 4 }},
		{"up", 5, keyOf(tea.KeyUp), func(timelinePane) int { return 4 }},
		{"k at top", 0, runes("k"), func(timelinePane) int { return 0 }},
		{"j at bottom", 399, runes("j"), func(timelinePane) int { return 399 }},
		{"G", 5, runes("G"), func(p timelinePane) int { return p.Len() - 1 }},
		{"end", 5, keyOf(tea.KeyEnd), func(p timelinePane) int { return p.Len() - 1 }},
		{"g", 50, runes("g"), func(timelinePane) int { return 0 }},
		{"home", 50, keyOf(tea.KeyHome), func(timelinePane) int { return 0 }},
		{"ctrl+d", 50, keyOf(tea.KeyCtrlD), func(p timelinePane) int { return 50 + p.visibleEvents()/2 }},
		{"ctrl+u", 50, keyOf(tea.KeyCtrlU), func(p timelinePane) int { return 50 - p.visibleEvents()/2 }},
		{"pgdown", 50, keyOf(tea.KeyPgDown), func(p timelinePane) int { return 50 + p.visibleEvents() }},
		{"pgup", 50, keyOf(tea.KeyPgUp), func(p timelinePane) int { return 50 - p.visibleEvents() }},
		{"pgup near top", 2, keyOf(tea.KeyPgUp), func(timelinePane) int { return 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := paneFor(t, mustTimeline(t, bigDataset(400)), 60, h)
			p.Select(tt.start)
			want := tt.want(p)
			p, _ = p.Update(tt.key)
			if p.Cursor() != want {
				t.Fatalf("cursor %d, want %d", p.Cursor(), want)
			}
			if p.visibleEvents() < 2 {
				t.Fatalf("page of %d events", p.visibleEvents())
			}
		})
	}
}

func TestTimelineBlurredIgnoresKeys(t *testing.T) {
	p := paneFor(t, mustTimeline(t, sampleDataset()), 60, 10)
	p.Blur()
	p, _ = p.Update(runes("j"))
	if p.Cursor() != 0 {
		t.Fatalf("blurred pane moved to %d", p.Cursor())
	}
}

// cursorLine returns the plan line of the cursor and the event rows above
// and below it.
func cursorLine(p timelinePane) (line, above, below int, ok bool) {
	for i, l := range p.plan() {
		if l.kind != lineEvent {
			continue
		}
		switch {
		case l.pos < p.Cursor():
			above++
		case l.pos > p.Cursor():
			below++
		default:
			line, ok = i, true
		}
	}
	return line, above, below, ok
}

func TestTimelineScrollKeepsMargin(t *testing.T) {
	moves := []tea.KeyMsg{runes("j"), runes("k"), keyOf(tea.KeyPgDown), keyOf(tea.KeyCtrlU), runes("G"), runes("g")}
	for _, h := range []int{3, 4, 7, 10, 21, 33} {
		p := paneFor(t, mustTimeline(t, bigDataset(300)), 60, h)
		mg := p.margin()
		check := func(step string) {
			t.Helper()
			_, above, below, ok := cursorLine(p)
			if !ok {
				t.Fatalf("h=%d %s: cursor %d not on screen (top %d)", h, step, p.Cursor(), p.top)
			}
			if len(p.plan()) > h {
				t.Fatalf("h=%d: plan has %d lines", h, len(p.plan()))
			}
			if above < min(mg, p.Cursor()) {
				t.Fatalf("h=%d %s: %d rows above cursor %d, margin %d", h, step, above, p.Cursor(), mg)
			}
			if below < min(mg, p.Len()-1-p.Cursor()) {
				t.Fatalf("h=%d %s: %d rows below cursor %d, margin %d", h, step, below, p.Cursor(), mg)
			}
		}
		for i := 0; i < 120; i++ {
			p, _ = p.Update(runes("j"))
			check("down")
		}
		for i := 0; i < 60; i++ {
			p, _ = p.Update(runes("k"))
			check("up")
		}
		for _, k := range moves {
			p, _ = p.Update(k)
			check(k.String())
		}
	}
}

func TestTimelineRowsGlyphsAndMarks(t *testing.T) {
	p := paneFor(t, mustTimeline(t, sampleDataset()), 76, 40)
	p.Select(3) // weapons: alleged, uncertain interval
	lines := strings.Split(p.View(), "\n")
	find := func(title string) string {
		t.Helper()
		for _, l := range lines {
			if strings.Contains(l, title) {
				return l
			}
		}
		t.Fatalf("no row for %q in\n%s", title, strings.Join(lines, "\n"))
		return ""
	}
	tests := []struct {
		title, want string
		selected    bool
	}{
		{"North Korea sends weapons", "?  ! ", true},
		{"Kim Jong-un is born", "~", false},
		{"A second group", "»", false},
		{"Kim and Putin meet", "", false},
	}
	for _, tt := range tests {
		row := find(tt.title)
		if got := strings.HasPrefix(row, "▸ "); got != tt.selected {
			t.Errorf("%q: selected glyph %v, want %v: %q", tt.title, got, tt.selected, row)
		}
		if tt.want != "" && !strings.Contains(row, tt.want) {
			t.Errorf("%q: row lacks mark %q: %q", tt.title, tt.want, row)
		}
	}
	if n := strings.Count(p.View(), "▸"); n != 1 {
		t.Errorf("%d selection glyphs, want 1", n)
	}
}

func TestTimelineViewFitsEveryWidth(t *testing.T) {
	tl := mustTimeline(t, sampleDataset())
	for w := 1; w <= 130; w += 3 {
		for _, h := range []int{1, 2, 5, 17} {
			p := paneFor(t, tl, w, h)
			p.Select(4)
			lines := strings.Split(p.View(), "\n")
			if len(lines) != h {
				t.Fatalf("%d×%d: %d lines", w, h, len(lines))
			}
			for i, l := range lines {
				if lw := lipgloss.Width(l); lw != w {
					t.Fatalf("%d×%d: line %d is %d wide: %q", w, h, i, lw, l)
				}
			}
		}
	}
}

func TestTimelineEmptyIndex(t *testing.T) {
	p := paneFor(t, mustTimeline(t, sampleDataset()), 40, 5)
	p.SetIndex(nil, 3)
	if _, ok := p.Selected(); ok || p.Cursor() != 0 {
		t.Fatalf("empty pane selects something")
	}
	if !strings.Contains(p.View(), "no events") {
		t.Fatalf("empty pane says nothing:\n%s", p.View())
	}
	p, _ = p.Update(runes("j")) // must not panic
	if p.Cursor() != 0 {
		t.Fatal("cursor moved in an empty pane")
	}
}

func TestTimelinePosAt(t *testing.T) {
	p := paneFor(t, mustTimeline(t, sampleDataset()), 60, 20)
	for y, l := range p.plan() {
		pos, ok := p.posAt(y)
		if ok != (l.kind == lineEvent) || (ok && pos != l.pos) {
			t.Fatalf("line %d: posAt = %d,%v for %+v", y, pos, ok, l)
		}
	}
	if _, ok := p.posAt(-1); ok {
		t.Fatal("posAt(-1) found a row")
	}
	if _, ok := p.posAt(100); ok {
		t.Fatal("posAt past the end found a row")
	}
}

// TestTimelineResizeBackShowsAll: scrolled to the end in a short pane,
// then made tall enough for every event, the pane shows them all from the
// first rather than keeping the scroll (first year hidden, rows empty).
func TestTimelineResizeBackShowsAll(t *testing.T) {
	p := paneFor(t, mustTimeline(t, sampleDataset()), 60, 6)
	p.Select(p.Len() - 1)
	if p.top == 0 {
		t.Fatal("the short pane did not scroll")
	}
	p.SetSize(60, 30)
	if p.top != 0 {
		t.Errorf("after growing to fit every event: top %d, want 0", p.top)
	}
	if p.Cursor() != p.Len()-1 {
		t.Errorf("cursor %d, want it kept on the last event", p.Cursor())
	}
	// Growing only part of the way keeps the last event at the bottom.
	p.SetSize(60, 6)
	p.Select(p.Len() - 1)
	p.SetSize(60, 10)
	if want := p.topFor(p.Len() - 1); p.top != want {
		t.Errorf("grown to 10 lines: top %d, want %d (the last event on the last line)", p.top, want)
	}
}

// TestTimelineDateColumnFitsScreen: the date column is as wide as the
// widest date on screen, at 120 and 200 columns, while the title keeps two
// fifths of the row; it narrows again when the long date scrolls away, and
// cuts dates only in a pane too narrow for them.
func TestTimelineDateColumnFitsScreen(t *testing.T) {
	const long = "Sep 2023 – 20 Feb 2024"
	ds := datedDataset("2017", "2023-09/2024-02-20", "2024-02-20")
	for i := range 30 {
		ds.Events = append(ds.Events, timeline.Event{ID: "late" + itoa(i), Title: "later", Date: timeline.MustParseDate("2030-01-0" + itoa(1+i%9))})
	}
	tl := mustTimeline(t, ds)
	for _, termW := range []int{120, 200} {
		m := readyModel(t, loadedFor(t, ds), termW, 40)
		view := m.timeline.View()
		if !strings.Contains(view, long) {
			t.Errorf("%d columns: the date is cut:\n%s", termW, view)
		}
		for _, line := range strings.Split(view, "\n") {
			if strings.Contains(line, "event 2023-09/2024-02-20") {
				goto ok
			}
		}
		t.Errorf("%d columns: the title is gone:\n%s", termW, view)
	ok:
	}
	p := paneFor(t, tl, 58, 6)
	if got := p.dateCol(); got != textWidth(long) {
		t.Errorf("date column %d, want %d for %q", got, textWidth(long), long)
	}
	p.Select(p.Len() - 1) // only 2030 dates on screen
	if got := p.dateCol(); got != textWidth("1 Jan 2030") {
		t.Errorf("with the long date scrolled away the column is %d, want %d", got, textWidth("1 Jan 2030"))
	}
	p = paneFor(t, tl, 40, 10)
	if got, max := p.dateCol(), 40-fixedW-minTitleW(40); got != max {
		t.Errorf("40 cells: date column %d, want it capped at %d", got, max)
	}
	for _, line := range strings.Split(p.View(), "\n") {
		if strings.Contains(line, "Sep 2023") && !strings.Contains(line, "…") {
			t.Errorf("40 cells: the long date should be cut: %q", line)
		}
	}
}
