package tui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/timeline"
)

// shownIDs lists the IDs of the events the timeline shows.
func shownIDs(m *Model) []string {
	var ids []string
	for _, i := range m.timeline.idx {
		ids = append(ids, m.tl.Event(i).ID)
	}
	return ids
}

func TestActorPicker(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	tests := []struct {
		name   string
		msgs   []tea.Msg
		shown  []string // picker rows after the msgs, by actor ID ("" to skip)
		status string   // the status bar note after enter
		ids    []string // events shown after enter
	}{
		{"name prefix", []tea.Msg{runes("put")}, []string{"putin"}, "actor: Vladimir Putin",
			[]string{"summit", "weapons", "car-gift", "tourists"}},
		{"spaces in the query", []tea.Msg{runes("kim jong")}, []string{"kim"}, "actor: Kim Jong-un",
			[]string{"born", "summit", "weapons", "car-gift"}},
		{"typed space key", []tea.Msg{runes("kim"), keyOf(tea.KeySpace), runes("j")}, []string{"kim"}, "actor: Kim Jong-un", nil},
		{"alias, case-insensitive", []tea.Msg{runes("UN")}, []string{"kim", "un"}, "", nil},
		{"name, any case", []tea.Msg{runes("uNiTeD")}, []string{"un"}, "actor: United Nations",
			[]string{"sanctions", "weapons"}},
		{"korean alias", []tea.Msg{runes("윤")}, []string{"yoon"}, "actor: 윤석열", []string{"yoon"}},
		{"backspace widens", []tea.Msg{runes("xyz"), keyOf(tea.KeyBackspace), keyOf(tea.KeyBackspace), keyOf(tea.KeyBackspace)},
			[]string{"putin", "kim", "un", "yoon", "xi"}, "", nil},
		{"two toggled, any", []tea.Msg{runes("put"), keyOf(tea.KeyTab), keyOf(tea.KeyCtrlU), runes("united"), keyOf(tea.KeyTab)},
			nil, "actors (any): Vladimir Putin, United Nations",
			[]string{"sanctions", "summit", "weapons", "car-gift", "tourists"}},
		{"two toggled, all", []tea.Msg{runes("put"), keyOf(tea.KeyTab), keyOf(tea.KeyCtrlU), runes("united"), keyOf(tea.KeyTab), keyOf(tea.KeyCtrlT)},
			nil, "actors (all): Vladimir Putin, United Nations", []string{"weapons"}},
		{"toggled twice is untoggled", []tea.Msg{runes("put"), keyOf(tea.KeyTab), keyOf(tea.KeyTab), keyOf(tea.KeyCtrlU), runes("xi")},
			nil, "actor: 习近平", []string{"yoon"}},
		{"arrows move", []tea.Msg{keyOf(tea.KeyDown), keyOf(tea.KeyDown), keyOf(tea.KeyUp)}, nil, "actor: Kim Jong-un", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := readyDriven(t, l, 100, 30)
			m = drive(t, m, runes("a"))
			if m.over != overPicker {
				t.Fatal("a did not open the picker")
			}
			m = drive(t, m, tt.msgs...)
			checkFrame(t, m.View(), 100, 30)
			if tt.shown != nil {
				var got []string
				for _, i := range m.picker.shown {
					got = append(got, m.picker.items[i].id)
				}
				if !slices.Equal(got, tt.shown) {
					t.Fatalf("picker shows %v, want %v", got, tt.shown)
				}
			}
			if tt.status == "" {
				return
			}
			m = drive(t, m, keyOf(tea.KeyEnter))
			if m.over != overNone {
				t.Fatal("enter did not close the picker")
			}
			st := statusOf(t, m)
			if !strings.Contains(st, tt.status) {
				t.Fatalf("status %q lacks %q", st, tt.status)
			}
			if tt.ids != nil && !slices.Equal(shownIDs(m), tt.ids) {
				t.Fatalf("shows %v, want %v", shownIDs(m), tt.ids)
			}
			if !strings.Contains(st, itoa(m.timeline.Len())+" of 8 events") {
				t.Fatalf("status %q does not count %d shown", st, m.timeline.Len())
			}
		})
	}
}

func TestActorPickerCancelAndDetail(t *testing.T) {
	m := readyDriven(t, loadedFor(t, sampleDataset()), 100, 30)
	m = drive(t, m, runes("a"), runes("put"), keyOf(tea.KeyTab), keyOf(tea.KeyEsc))
	if m.over != overNone || len(m.filter.Actors) != 0 || m.timeline.Len() != 8 {
		t.Fatalf("esc applied the picker: %+v", m.filter)
	}
	// Letters that are keys elsewhere are typed into the picker.
	m = drive(t, m, runes("a"), runes("q"), runes("j"), runes("?"))
	if m.picker.input.Value() != "qj?" || m.over != overPicker {
		t.Fatalf("picker input %q", m.picker.input.Value())
	}
	m = drive(t, m, keyOf(tea.KeyEsc), runes("a"), runes("putin"), keyOf(tea.KeyEnter))
	m = drive(t, m, runes("G"))
	if !strings.Contains(m.detail.View(), "● Vladimir Putin") {
		t.Fatalf("detail does not mark the filtered actor:\n%s", m.detail.View())
	}
	// Reopening starts afresh, on the filtered actor.
	m = drive(t, m, runes("a"))
	if m.picker.input.Value() != "" || len(m.picker.toggled) != 0 || m.picker.items[m.picker.shown[m.picker.cursor]].id != "putin" {
		t.Fatalf("reopened picker: %q %v", m.picker.input.Value(), m.picker.toggled)
	}
}

func TestSearch(t *testing.T) {
	m := readyDriven(t, loadedFor(t, sampleDataset()), 100, 30)
	m = drive(t, m, runes("jj"), runes("/"))
	if m.over != overSearch {
		t.Fatal("/ did not open the search input")
	}
	m = drive(t, m, runes("k"), runes("i"), runes("m"))
	// From the cursor (summit, position 2) the first match at or after it.
	if sel, _ := m.timeline.Selected(); m.tl.Event(sel).ID != "summit" {
		t.Fatalf("jumped to %s", m.tl.Event(sel).ID)
	}
	if m.timeline.Len() != 8 {
		t.Fatal("search hid events")
	}
	want := []string{"born", "summit", "weapons", "car-gift"}
	var hits []string
	for _, p := range m.search.hits {
		hits = append(hits, m.tl.Event(m.timeline.idx[p]).ID)
	}
	if !slices.Equal(hits, want) {
		t.Fatalf("matches %v, want %v", hits, want)
	}
	if st := statusOf(t, m); !strings.Contains(st, `search: "kim" (2/4)`) {
		t.Fatalf("status %q", st)
	}
	if last := lastLine(m.View()); !strings.HasPrefix(last, "/kim") {
		t.Fatalf("input line %q", last)
	}
	m = drive(t, m, keyOf(tea.KeyEnter))
	if m.over != overNone || !m.search.active() {
		t.Fatal("enter did not keep the search")
	}
	// n and N wrap.
	for _, s := range []struct {
		key string
		id  string
		i   string
	}{{"n", "weapons", "3/4"}, {"n", "car-gift", "4/4"}, {"n", "born", "1/4"}, {"N", "car-gift", "4/4"}, {"N", "weapons", "3/4"}} {
		m = drive(t, m, runes(s.key))
		if sel, _ := m.timeline.Selected(); m.tl.Event(sel).ID != s.id || !strings.Contains(statusOf(t, m), "("+s.i+")") {
			t.Fatalf("%s: at %s, status %q; want %s (%s)", s.key, m.tl.Event(sel).ID, statusOf(t, m), s.id, s.i)
		}
	}
	m = drive(t, m, runes("G"))
	if st := statusOf(t, m); !strings.Contains(st, `(-/4)`) {
		t.Fatalf("off a match: status %q", st)
	}
	// Matching rows carry a • and the detail highlights.
	if !strings.Contains(m.timeline.View(), "• ") {
		t.Fatalf("no match marks:\n%s", m.timeline.View())
	}
	m = drive(t, m, runes("g"))
	if !strings.Contains(m.detail.View(), "•") {
		t.Fatalf("detail has no match margin:\n%s", m.detail.View())
	}
}

func lastLine(v string) string {
	lines := strings.Split(v, "\n")
	return lines[len(lines)-1]
}

func TestSearchNoMatchAndBurst(t *testing.T) {
	m := readyDriven(t, loadedFor(t, sampleDataset()), 100, 30)
	// A burst that opens the input types the rest into it whole.
	m = drive(t, m, runes("j/zzqj"))
	if m.search.in.Value() != "zzqj" || m.timeline.Cursor() != 1 {
		t.Fatalf("input %q, cursor %d", m.search.in.Value(), m.timeline.Cursor())
	}
	if st := statusOf(t, m); !strings.Contains(st, `search: "zzqj" (no match)`) {
		t.Fatalf("status %q", st)
	}
	m = drive(t, m, keyOf(tea.KeyEsc))
	if m.over != overNone || m.search.in.Value() != "zzqj" || !m.search.active() {
		t.Fatal("esc did not leave the input keeping its value")
	}
	m = drive(t, m, runes("n"))
	if !strings.Contains(statusOf(t, m), `no match for "zzqj"`) || m.timeline.Cursor() != 1 {
		t.Fatalf("n without matches: %q", statusOf(t, m))
	}
}

func TestSearchDropsStaleResults(t *testing.T) {
	m := readyDriven(t, loadedFor(t, sampleDataset()), 100, 30)
	m = drive(t, m, runes("/"))
	next, slow := m.Update(runes("p")) // "p": its result arrives last
	m = next.(*Model)
	next, fast := m.Update(runes("u"))
	m = next.(*Model)
	if slow == nil || fast == nil {
		t.Fatal("typing did not start searches")
	}
	m = drive(t, m, cmdMsgs(fast)...)
	m = drive(t, m, cmdMsgs(slow)...)
	if m.search.query != "pu" || len(m.search.hits) != 4 {
		t.Fatalf("shows %q with %d hits; want the latest, \"pu\", with 4", m.search.query, len(m.search.hits))
	}
}

func TestSearchFollowsFilters(t *testing.T) {
	m := readyDriven(t, loadedFor(t, sampleDataset()), 100, 30)
	m = drive(t, m, runes("/kim"), keyOf(tea.KeyEnter))
	m = drive(t, m, runes("t"), runes("2024"), keyOf(tea.KeyEnter))
	// car-gift (until 20 Feb 2024) and the 2023–24 weapons claims overlap 2024.
	if st := statusOf(t, m); !strings.Contains(st, `dates: 2024 · search: "kim" (`) || !strings.Contains(st, "/2)") {
		t.Fatalf("status %q", st)
	}
}

func TestDateRange(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	tests := []struct {
		expr string
		ids  []string
	}{
		{"2023/2024", []string{"summit", "weapons", "car-gift", "yoon"}},
		{"2023-09", []string{"summit", "car-gift"}},
		{"../2017", []string{"born", "sanctions", "car-gift"}},
		{"2025/..", []string{"tourists"}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			m := readyDriven(t, l, 100, 30)
			m = drive(t, m, runes("t"), runes(tt.expr), keyOf(tea.KeyEnter))
			if m.over != overNone {
				t.Fatal("a valid date left the input open")
			}
			if !slices.Equal(shownIDs(m), tt.ids) {
				t.Fatalf("shows %v, want %v", shownIDs(m), tt.ids)
			}
			// The same as asking the domain directly.
			d := timeline.MustParseDate(tt.expr)
			if want := m.tl.Apply(timeline.Filter{Dates: d}, nil); !slices.Equal(m.timeline.idx, want) {
				t.Fatalf("idx %v, want %v", m.timeline.idx, want)
			}
			if st := statusOf(t, m); !strings.Contains(st, itoa(len(tt.ids))+" of 8 events · dates: "+tt.expr) {
				t.Fatalf("status %q", st)
			}
		})
	}
}

func TestDateRangeInvalid(t *testing.T) {
	m := readyDriven(t, loadedFor(t, sampleDataset()), 100, 30)
	m = drive(t, m, runes("t"), runes("2024-13"))
	_, err := timeline.ParseDate("2024-13")
	reason := err.(*timeline.DateError).Reason
	if last := lastLine(m.View()); !strings.Contains(last, reason) || !strings.HasPrefix(last, "dates: 2024-13") {
		t.Fatalf("input line %q lacks the reason %q", last, reason)
	}
	m = drive(t, m, keyOf(tea.KeyEnter))
	if m.over != overDates || !m.filter.Dates.IsZero() {
		t.Fatal("an invalid date was applied or closed the input")
	}
	m = drive(t, m, keyOf(tea.KeyBackspace), keyOf(tea.KeyBackspace), runes("09"))
	if m.dates.err != "" {
		t.Fatalf("valid text still explained: %q", m.dates.err)
	}
	m = drive(t, m, keyOf(tea.KeyEsc))
	if m.over != overNone || !m.filter.Dates.IsZero() || m.dates.in.Value() != "2024-09" {
		t.Fatal("esc applied the date or lost the text")
	}
	// Reopened, the text is there; emptied and applied, the range clears.
	m = drive(t, m, runes("t"), keyOf(tea.KeyEnter))
	if m.filter.Dates.String() != "2024-09" {
		t.Fatalf("dates %q", m.filter.Dates)
	}
	m = drive(t, m, runes("t"), keyOf(tea.KeyCtrlU), keyOf(tea.KeyEnter))
	if !m.filter.Dates.IsZero() || m.timeline.Len() != 8 {
		t.Fatal("an empty date did not clear the range")
	}
}

func TestEscStepsBackOneLevel(t *testing.T) {
	m := readyDriven(t, loadedFor(t, sampleDataset()), 100, 30)
	m = drive(t, m, runes("a"), runes("put"), keyOf(tea.KeyEnter))
	m = drive(t, m, runes("t"), runes("2023/2024"), keyOf(tea.KeyEnter))
	m = drive(t, m, runes("/car"))
	m = drive(t, m, keyOf(tea.KeyEsc), runes("?"))
	steps := []struct {
		help, input, search, dates, actors bool
	}{
		{false, false, true, true, true}, // help closed
		{false, false, false, true, true},
		{false, false, false, false, true},
		{false, false, false, false, false},
		{false, false, false, false, false}, // top level: nothing, no quit
	}
	if !m.help.full {
		t.Fatal("? did not open the help")
	}
	for i, s := range steps {
		next, cmd := m.Update(keyOf(tea.KeyEsc))
		m = drive(t, next.(*Model), cmdMsgs(cmd)...)
		got := [5]bool{m.help.full, m.over != overNone, m.search.active(), !m.filter.Dates.IsZero(), len(m.filter.Actors) > 0}
		if want := [5]bool{s.help, s.input, s.search, s.dates, s.actors}; got != want || quits(cmd) {
			t.Fatalf("esc %d: help, input, search, dates, actors = %v, want %v (quit %v)", i+1, got, want, quits(cmd))
		}
	}
	if m.timeline.Len() != 8 || strings.Contains(statusOf(t, m), "search") {
		t.Fatalf("not back to everything: %q", statusOf(t, m))
	}
}

func TestEmptyFilterResult(t *testing.T) {
	m := readyDriven(t, loadedFor(t, sampleDataset()), 100, 30)
	m = drive(t, m, runes("a"), runes("xi"), keyOf(tea.KeyEnter), runes("t"), runes("2017"), keyOf(tea.KeyEnter))
	v := m.View()
	checkFrame(t, v, 100, 30)
	want := "No events match actor: 习近平 · dates: 2017 — esc clears filters"
	if !strings.Contains(strings.Join(strings.Fields(m.timeline.View()), " "), want) {
		t.Fatalf("no empty-filter message %q:\n%s", want, v)
	}
	if strings.Contains(v, "This dataset has no events") || !strings.Contains(v, "0 of 8 events") {
		t.Fatalf("empty result reads like an empty dataset:\n%s", v)
	}
	m = drive(t, m, runes("jGk"), keyOf(tea.KeyEnter), runes("/x"), keyOf(tea.KeyEnter), runes("nN"))
	checkFrame(t, m.View(), 100, 30)
	m = drive(t, m, keyOf(tea.KeyEsc), keyOf(tea.KeyEsc))
	if m.timeline.Len() != 1 || !strings.Contains(statusOf(t, m), "actor: 习近平") {
		t.Fatalf("two esc: %q", statusOf(t, m))
	}
}

// TestSearchNoteWhileIndexing: a search that waits for the search index
// says so, and says only "(…)" once the index is built.
func TestSearchNoteWhileIndexing(t *testing.T) {
	m := readyModel(t, loadedFor(t, sampleDataset()), 100, 30) // index commands not run
	m = update(t, m, runes("/kim"))
	if got := statusOf(t, m); !strings.Contains(got, `search: "kim" (indexing…)`) {
		t.Errorf("status %q while the index builds", got)
	}
	m.tl.BuildSearchIndex()
	if got := statusOf(t, m); !strings.Contains(got, `search: "kim" (…)`) {
		t.Errorf("status %q once the index is built", got)
	}
}
