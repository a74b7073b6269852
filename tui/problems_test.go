package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dateline/data"
	"dateline/timeline"
)

// selectedID is the id of the event selected in the timeline.
func selectedID(t *testing.T, m *Model) string {
	t.Helper()
	i, ok := m.timeline.Selected()
	if !ok {
		t.Fatal("no event selected")
	}
	return m.tl.Event(i).ID
}

// TestProblemsListJumps: p lists the load's problems as validate prints
// them; enter on one goes to its event, esc closes the list, and a problem
// about no event says so.
func TestProblemsListJumps(t *testing.T) {
	l := data.LoadFile(driftFixture)
	if l.Timeline == nil || len(l.Problems) != 3 {
		t.Fatalf("the drift fixture should load with 3 problems: %v", l.Problems)
	}
	m := readyDriven(t, l, 120, 40)
	m = drive(t, m, runes("p"))
	if m.over != overProblems {
		t.Fatalf("p did not open the problems list (flash %q)", m.flash)
	}
	view := m.View()
	checkFrame(t, view, 120, 40)
	for _, p := range l.Problems {
		head := p.String()[:60]
		if !strings.Contains(view, head) {
			t.Errorf("the list lacks %q:\n%s", head, view)
		}
	}
	if !strings.Contains(view, "▸ "+l.Problems[0].String()[:40]) {
		t.Errorf("the first problem is not selected:\n%s", view)
	}
	m = drive(t, m, keyOf(tea.KeyEnter)) // the source's checksum: no event
	if m.over != overProblems || !strings.Contains(m.flash, "no event") {
		t.Errorf("enter on a source problem: over %d, flash %q", m.over, m.flash)
	}
	m = drive(t, m, runes("j"), runes("j"), keyOf(tea.KeyEnter)) // the orphaned citation
	if m.over != overNone {
		t.Fatalf("enter did not leave the list")
	}
	if id := selectedID(t, m); id != "harbour" {
		t.Errorf("enter on the orphaned citation selected %q, want harbour", id)
	}
	m = drive(t, m, runes("p"), runes("j"), keyOf(tea.KeyEnter))
	if id := selectedID(t, m); id != "budget" {
		t.Errorf("enter on the re-anchored citation selected %q, want budget", id)
	}
	m = drive(t, m, runes("p"), keyOf(tea.KeyEsc))
	if m.over != overNone || selectedID(t, m) != "budget" {
		t.Errorf("esc: over %d, selected %s; want the list closed, the selection kept", m.over, selectedID(t, m))
	}
}

// TestProblemsListClearsFilters: a problem's event hidden by a filter is
// shown, as the citing list does, by clearing the filters.
func TestProblemsListClearsFilters(t *testing.T) {
	l := data.LoadFile(driftFixture)
	m := readyDriven(t, l, 120, 40)
	m.filter.Dates = timeline.MustParseDate("2024-02-05")
	if cmd := m.applyFilter(); cmd != nil {
		m = drive(t, m, cmd())
	}
	if m.timeline.Len() != 1 {
		t.Fatalf("the date filter shows %d events, want 1", m.timeline.Len())
	}
	m = drive(t, m, runes("p"), runes("j"), runes("j"), keyOf(tea.KeyEnter))
	if id := selectedID(t, m); id != "harbour" || !m.filter.Dates.IsZero() {
		t.Errorf("selected %q, dates %v; want harbour, filters cleared", id, m.filter.Dates)
	}
}

// TestProblemsListWholeMessage: a row is cut to the width, so the
// selected problem is shown whole, wrapped, under the rows: the tail of a
// missing quote's message, what the source says instead, is readable at
// 80 columns and at 120, and follows the cursor.
func TestProblemsListWholeMessage(t *testing.T) {
	long := `quote "The council voted on Tuesday to close the harbour road" not found. ` +
		`Its first 2 words, "The council", occur in paragraph 1; there the source goes on with ` +
		`"met on Monday to discuss" where the quote has "voted on Tuesday to close"`
	l := loadedFor(t, sampleDataset())
	l.Problems = []data.Problem{
		{File: "d.yaml", Line: 3, Col: 7, Severity: timeline.SeverityWarning, Message: "short one"},
		{File: "d.yaml", Line: 12, Col: 9, Severity: timeline.SeverityCitation, Message: long,
			Path: timeline.FieldPath("events", 0, "citations")},
	}
	for _, w := range []int{80, 120} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			m := readyDriven(t, l, w, 30)
			m = drive(t, m, runes("p"), runes("j"))
			view := m.View()
			checkFrame(t, view, w, 30)
			var words []string
			for _, line := range strings.Split(ansi.Strip(view), "\n") {
				words = append(words, strings.Fields(strings.Trim(line, "│┃ "))...)
			}
			if all := strings.Join(words, " "); !strings.Contains(all, strings.Join(strings.Fields(l.Problems[1].String()), " ")) {
				t.Errorf("the selected problem is not shown whole at %d columns:\n%s", w, view)
			}
			m = drive(t, m, runes("k"))
			if view := ansi.Strip(m.View()); strings.Contains(view, "where the quote has") {
				t.Errorf("the whole text did not follow the cursor:\n%s", view)
			}
		})
	}
}

// manyProblems is a loaded dataset of n events, each with a warning at
// its own line, as a big file with no citations gives.
func manyProblems(t testing.TB, n int) *data.Loaded {
	ds := bigDataset(n)
	l := loadedFor(t, ds)
	l.Problems = l.Problems[:0]
	for i := range n {
		l.Problems = append(l.Problems, data.Problem{File: "big.yaml", Line: 10 + 6*i, Col: 5,
			Severity: timeline.SeverityWarning, Message: fmt.Sprintf("event %q has no citation", ds.Events[i].ID),
			Path: timeline.FieldPath("events", i, "citations")})
	}
	return l
}

// TestProblemsListTenThousand: the list scrolls through 10,000 problems a
// screen at a time, draws one screenful, and goes to the last one's event.
func TestProblemsListTenThousand(t *testing.T) {
	const n = 10000
	l := manyProblems(t, n)
	m := readyModel(t, l, 100, 30)
	m = drive(t, m, runes("p"))
	rows := m.problems.rows()
	if _, h := inner(m.lay.main); rows < h/2 {
		t.Errorf("%d rows of %d lines are problems, want most", rows, h)
	}
	m = drive(t, m, keyOf(tea.KeyPgDown))
	if got := m.problems.cursor; got != rows {
		t.Errorf("a page down moved to %d, want %d", got, rows)
	}
	m = drive(t, m, runes("G"))
	view := m.View()
	checkFrame(t, view, 100, 30)
	last := l.Problems[n-1].String()
	if !strings.Contains(view, "▸ "+last) || !strings.Contains(view, "10000 of 10000") {
		t.Fatalf("G does not show the last problem selected:\n%s", view)
	}
	// A screenful of rows, and the selected one again whole under them.
	if got := strings.Count(m.problems.View(), "big.yaml:"); got != rows+1 {
		t.Errorf("%d problems drawn, want a screenful and the selected, %d", got, rows+1)
	}
	m = drive(t, m, keyOf(tea.KeyEnter))
	if id := selectedID(t, m); id != l.Dataset.Events[n-1].ID {
		t.Errorf("selected %q, want %q", id, l.Dataset.Events[n-1].ID)
	}
}

// TestProblemsListJSONL: the JSON Lines loader keeps no events in file
// order, so the list reads the event's id from the problem's line.
func TestProblemsListJSONL(t *testing.T) {
	file := filepath.Join(t.TempDir(), "d.jsonl")
	text := `{"dateline": 1, "title": "t"}
{"id": "first", "date": "2024-02-05", "title": "First"}
{"id": "second", "date": "2020", "title": "Second"}
`
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	l := data.LoadFile(file)
	if l.Timeline == nil || len(l.Problems) != 2 {
		t.Fatalf("want 2 no-citation warnings: %v", l.Problems)
	}
	m := readyDriven(t, l, 100, 30)
	m = drive(t, m, runes("p"), keyOf(tea.KeyEnter))
	if id := selectedID(t, m); id != "first" {
		t.Errorf("selected %q, want first (line 2)", id)
	}
}

// TestProblemsOfFailedReload: a failed reload names its first problem in
// the status bar and says p lists all; p then lists the failed reload's
// problems, not those of the version still shown.
func TestProblemsOfFailedReload(t *testing.T) {
	good := loadedFor(t, sampleDataset())
	bad := &data.Loaded{File: "x.yaml", Problems: []data.Problem{
		{File: "x.yaml", Line: 3, Col: 7, Severity: timeline.SeverityError, Message: "first broken"},
		{File: "x.yaml", Line: 9, Col: 2, Severity: timeline.SeverityError, Message: "second broken"}}}
	cur := good
	m := New(Config{Load: func() *data.Loaded { return cur }})
	m = drive(t, m, tea.WindowSizeMsg{Width: 160, Height: 30}, loadedMsg{loaded: good})
	cur = bad
	m = drive(t, m, runes("r"))
	st := statusOf(t, m)
	if !strings.Contains(st, "reload failed (2 errors): x.yaml:3:7: error: first broken · p lists all") {
		t.Errorf("status %q", st)
	}
	m = drive(t, m, runes("p"))
	view := m.View()
	if m.over != overProblems || !strings.Contains(view, "x.yaml:9:2: error: second broken") {
		t.Fatalf("p after the failed reload does not list its problems:\n%s", view)
	}
	m = drive(t, m, keyOf(tea.KeyEsc))
	cur = good
	m = drive(t, m, runes("r"), runes("p"))
	if m.failed != nil || strings.Contains(m.View(), "second broken") {
		t.Error("after a good reload p still lists the failed one's problems")
	}
}

func BenchmarkProblemsListView(b *testing.B) {
	l := manyProblems(b, 100000)
	p := newProblemsList(newStyles("dark"), keyTable())
	p.Show(l.Problems, "problems")
	p.SetSize(118, 36)
	p.cursor = 50000
	p.scroll()
	b.ResetTimer()
	for b.Loop() {
		_ = p.View()
	}
}
