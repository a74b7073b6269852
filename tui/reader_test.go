package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// longSource is sixty paragraphs with two cited sentences deep inside it.
func longSource() string {
	var b strings.Builder
	for i := 1; i <= 60; i++ {
		if i > 1 {
			b.WriteString("\n\n")
		}
		switch i {
		case 45:
			b.WriteString("The summit was held in Vladivostok. Both leaders spoke.")
		case 50:
			b.WriteString("Officials said weapons were sent by rail.")
		default:
			fmt.Fprintf(&b, "Paragraph %d is filler text about nothing in particular.", i)
		}
	}
	return b.String()
}

// readerDataset has an event citing three passages in two sources (one
// unresolved), a passage cited by two events, and an event without
// citations.
func readerDataset() *timeline.Dataset {
	d := timeline.MustParseDate
	cite := func(src, q string) timeline.Citation {
		return timeline.Citation{Source: src, Quote: q, Start: -1, End: -1}
	}
	return &timeline.Dataset{
		Title: "reader",
		Sources: []timeline.Source{
			{ID: "long", Title: "Long source", Text: longSource()},
			{ID: "short", Title: "Short source 연합뉴스", Text: sourceText},
		},
		Actors: []timeline.Actor{{ID: "putin", Name: "Vladimir Putin"}},
		Events: []timeline.Event{
			{ID: "multi", Date: d("2023-08"), Title: "Many citations", Citations: []timeline.Citation{
				cite("long", "The summit was held in Vladivostok."),
				cite("short", "Kim Jong-un was gifted a Russian-made car"),
				cite("long", "a sentence the source does not have"),
			}},
			{ID: "summit", Date: d("2023-09"), Title: "Summit", Actors: []timeline.ActorRef{{Actor: "putin"}},
				Citations: []timeline.Citation{cite("long", "The summit was held in Vladivostok.")}},
			{ID: "weapons", Date: d("2023-10"), Title: "Weapons", Citations: []timeline.Citation{cite("long", "weapons were sent by rail")}},
			{ID: "nocite", Date: d("2023-11"), Title: "No citation"},
		},
	}
}

// openAt selects event id and opens the reader on it.
func openAt(t *testing.T, m *Model, id string) *Model {
	t.Helper()
	m.timeline.Select(sortIndex(m.timeline.idx, eventIndex(t, m.tl, id)))
	m.syncDetail()
	m = drive(t, m, keyOf(tea.KeyEnter))
	if m.over != overReader {
		t.Fatalf("enter on %s did not open the reader", id)
	}
	return m
}

func sortIndex(idx []int, ev int) int {
	for p, i := range idx {
		if i == ev {
			return p
		}
	}
	return -1
}

// readerLines is the reader's inner view, one string per line.
func readerLines(m *Model) []string { return strings.Split(m.reader.View(), "\n") }

// lineWith returns the index of the first line containing s, or -1.
func lineWith(lines []string, s string) int {
	for i, l := range lines {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

func TestReaderOpensThePassageInContext(t *testing.T) {
	m := readyDriven(t, loadedFor(t, readerDataset()), 100, 30)
	m = openAt(t, m, "multi")
	if got := m.reader.Title(); got != "citation 1/3 · Long source" {
		t.Fatalf("title %q", got)
	}
	lines := readerLines(m)
	at := lineWith(lines, "The summit was held")
	if at != m.reader.context() || m.reader.top == 0 {
		t.Fatalf("passage on line %d (top %d), want line %d:\n%s", at, m.reader.top, m.reader.context(), m.reader.View())
	}
	if !strings.HasPrefix(lines[at], "▌ ") {
		t.Fatalf("passage line without the ▌ mark: %q", lines[at])
	}
	if w := lineWith(lines, "weapons were sent"); w < 0 || !strings.HasPrefix(lines[w], "┆ ") {
		t.Fatalf("another cited passage is not marked ┆:\n%s", m.reader.View())
	}
	if f := lineWith(lines, "Paragraph 44"); f < 0 || !strings.HasPrefix(lines[f], "  ") {
		t.Fatalf("an uncited line is marked:\n%s", m.reader.View())
	}
	v := m.View()
	checkFrame(t, v, 100, 30)
	if !strings.Contains(v, "citation 1/3 · Long source") || !strings.Contains(v, "passage 1/2") {
		t.Fatalf("frame title or footer missing:\n%s", v)
	}
}

func TestReaderStepsThroughCitations(t *testing.T) {
	m := readyDriven(t, loadedFor(t, readerDataset()), 100, 30)
	m = openAt(t, m, "multi")
	steps := []struct {
		key     string
		title   string
		passage string // text on the ▌ line; "" for an unresolved citation
	}{
		{"]", "citation 2/3 · Short source 연합뉴스", "Kim Jong-un was gifted"},
		{"]", "citation 3/3 · Long source", ""},
		{"]", "citation 1/3 · Long source", "The summit was held"},
		{"[", "citation 3/3 · Long source", ""},
		{"[", "citation 2/3 · Short source 연합뉴스", "Kim Jong-un was gifted"},
	}
	for _, s := range steps {
		m = drive(t, m, runes(s.key))
		if got := m.reader.Title(); got != s.title {
			t.Fatalf("after %s: title %q, want %q", s.key, got, s.title)
		}
		lines := readerLines(m)
		if s.passage == "" {
			if !strings.Contains(lines[0], "unresolved") || m.reader.top != 0 || lineWith(lines, "▌") >= 0 {
				t.Fatalf("after %s: unresolved citation not at the top with a notice:\n%s", s.key, m.reader.View())
			}
			continue
		}
		if at := lineWith(lines, s.passage); at < 0 || !strings.HasPrefix(lines[at], "▌ ") {
			t.Fatalf("after %s: passage %q not shown with ▌:\n%s", s.key, s.passage, m.reader.View())
		}
	}
}

func TestReaderPassageCursorAndCitingEvents(t *testing.T) {
	l := loadedFor(t, readerDataset())
	m := readyDriven(t, l, 100, 30)
	m = openAt(t, m, "multi")
	m = drive(t, m, runes("}"))
	lines := readerLines(m)
	if at := lineWith(lines, "weapons were sent"); at < 0 || !strings.HasPrefix(lines[at], "▸ ") {
		t.Fatalf("} did not put the cursor on the next passage:\n%s", m.reader.View())
	}
	if !strings.Contains(m.reader.Footer(), "passage 2/2") {
		t.Fatalf("footer %q", m.reader.Footer())
	}
	m = drive(t, m, runes("}")) // stays on the last
	m = drive(t, m, runes("{"), keyOf(tea.KeyEnter))
	v := m.reader.View()
	if !m.reader.list.open || !strings.Contains(v, "Events citing this passage (2)") ||
		!strings.Contains(v, "▸ Aug 2023  Many citations") || !strings.Contains(v, "Sep 2023  Summit") {
		t.Fatalf("list of citing events:\n%s", v)
	}
	m = drive(t, m, keyOf(tea.KeyEsc))
	if m.over != overReader || m.reader.list.open {
		t.Fatal("esc in the list did not return to the source")
	}
	m = drive(t, m, keyOf(tea.KeyEnter), runes("j"), keyOf(tea.KeyEnter))
	if m.over != overNone {
		t.Fatal("choosing an event did not return to the timeline")
	}
	if sel, _ := m.timeline.Selected(); sel != eventIndex(t, m.tl, "summit") || m.detail.event != sel {
		t.Fatalf("selected %d, want the summit event", sel)
	}
}

func TestReaderChoiceClearsHidingFilters(t *testing.T) {
	m := readyDriven(t, loadedFor(t, readerDataset()), 100, 30)
	m.filter.Actors = []string{"putin"}
	m = drive(t, m, runes("/summ")) // a search stays: it hides nothing
	m = drive(t, m, keyOf(tea.KeyEnter))
	m.applyFilter()
	m = openAt(t, m, "summit")
	m = drive(t, m, keyOf(tea.KeyEnter)) // the summit passage is under the cursor
	m = drive(t, m, runes("g"), keyOf(tea.KeyEnter))
	if sel, _ := m.timeline.Selected(); sel != eventIndex(t, m.tl, "multi") {
		t.Fatalf("selected %d, want the multi event", sel)
	}
	if len(m.filter.Actors) != 0 || m.timeline.Len() != m.tl.Len() {
		t.Fatalf("filter %+v still hides events", m.filter)
	}
	st := statusOf(t, m)
	if !strings.Contains(st, "filters cleared") || !strings.Contains(st, `search: "summ"`) {
		t.Fatalf("status %q", st)
	}
}

func TestReaderBackKeepsSelection(t *testing.T) {
	for _, k := range []tea.KeyMsg{keyOf(tea.KeyEsc), runes("q")} {
		m := readyDriven(t, loadedFor(t, readerDataset()), 100, 30)
		m = openAt(t, m, "weapons")
		m = drive(t, m, runes("jjG"))
		next, cmd := m.Update(k)
		m = next.(*Model)
		if quits(cmd) || m.over != overNone {
			t.Fatalf("%s: quit %v, overlay %d", k, quits(cmd), m.over)
		}
		if sel, _ := m.timeline.Selected(); sel != eventIndex(t, m.tl, "weapons") {
			t.Fatalf("%s: selection moved to %d", k, sel)
		}
	}
}

func TestReaderPagerKeys(t *testing.T) {
	m := readyDriven(t, loadedFor(t, readerDataset()), 100, 30)
	m = openAt(t, m, "weapons")
	h := m.reader.textHeight()
	n := len(m.reader.wrap.lines)
	steps := []struct {
		msg  tea.KeyMsg
		want func(top int) int
	}{
		{runes("g"), func(int) int { return 0 }},
		{runes("j"), func(int) int { return 1 }},
		{keyOf(tea.KeyDown), func(int) int { return 2 }},
		{runes("k"), func(int) int { return 1 }},
		{keyOf(tea.KeySpace), func(int) int { return 1 + h }},
		{runes("b"), func(int) int { return 1 }},
		{keyOf(tea.KeyCtrlD), func(int) int { return 1 + h/2 }},
		{keyOf(tea.KeyCtrlU), func(int) int { return 1 }},
		{keyOf(tea.KeyPgDown), func(int) int { return 1 + h }},
		{runes("G"), func(int) int { return n - h }},
		{runes("j"), func(int) int { return n - h }},
		{runes("y"), func(top int) int { return top }}, // y is left unbound
		{keyOf(tea.KeyHome), func(int) int { return 0 }},
		{runes("k"), func(int) int { return 0 }},
	}
	for i, s := range steps {
		before := m.reader.top
		m = drive(t, m, s.msg)
		if want := s.want(before); m.reader.top != want {
			t.Fatalf("step %d (%s): top %d, want %d", i, s.msg, m.reader.top, want)
		}
	}
	if m.over != overReader {
		t.Fatal("a pager key left the reader")
	}
}

func TestReaderWithoutCitations(t *testing.T) {
	m := readyDriven(t, loadedFor(t, readerDataset()), 100, 30)
	m.timeline.Select(sortIndex(m.timeline.idx, eventIndex(t, m.tl, "nocite")))
	m = drive(t, m, keyOf(tea.KeyEnter))
	if m.over != overNone || !strings.Contains(statusOf(t, m), "this event cites no source") {
		t.Fatalf("overlay %d, status %q", m.over, statusOf(t, m))
	}
	if m = drive(t, m, runes("j")); strings.Contains(statusOf(t, m), "cites no source") {
		t.Fatal("the notice outlived the next key")
	}
}

func TestReaderBeforeTheCitationIndex(t *testing.T) {
	m := readyModel(t, loadedFor(t, readerDataset()), 100, 30) // load commands not run
	m.timeline.Select(sortIndex(m.timeline.idx, eventIndex(t, m.tl, "summit")))
	m = update(t, m, keyOf(tea.KeyEnter))
	lines := readerLines(m)
	if at := lineWith(lines, "weapons were sent"); at < 0 || strings.HasPrefix(lines[at], "┆") {
		t.Fatalf("without the index another event's passage is marked:\n%s", m.reader.View())
	}
	m = drive(t, m, citeIndexMsg{m.tl, buildCiteIndex(m.tl)})
	lines = readerLines(m)
	if at := lineWith(lines, "weapons were sent"); !strings.HasPrefix(lines[at], "┆ ") {
		t.Fatalf("the index arrived but the passage is not marked:\n%s", m.reader.View())
	}
	if m.reader.pcur < 0 || m.reader.marks.list[m.reader.pcur].start != m.reader.cur[0] {
		t.Fatal("the passage cursor left the open citation when the index arrived")
	}
}

func TestCiteIndex(t *testing.T) {
	tl := mustTimeline(t, readerDataset())
	ix := buildCiteIndex(tl)
	long := ix["long"]
	if long == nil || len(long.list) != 2 || len(ix["short"].list) != 1 {
		t.Fatalf("index %+v", ix)
	}
	summit := long.list[0]
	if fmt.Sprint(summit.events) != fmt.Sprint([]int{eventIndex(t, tl, "multi"), eventIndex(t, tl, "summit")}) {
		t.Fatalf("summit passage cited by %v", summit.events)
	}
	if i, ok := long.find(summit.start, summit.end); !ok || i != 0 {
		t.Fatal("find misses the summit passage")
	}
	if !long.covered(summit.start, summit.start+1) || long.covered(0, 10) || long.covered(summit.end, summit.end+1) {
		t.Fatal("covered is wrong")
	}
	// Overlapping passages merge in the union.
	u := unionSpans([]passage{{start: 0, end: 5}, {start: 3, end: 9}, {start: 9, end: 12}, {start: 20, end: 21}})
	if fmt.Sprint(u) != "[[0 12] [20 21]]" {
		t.Fatalf("union %v", u)
	}
}
