package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"dateline/timeline"
)

// readerRows splits a reader view into its notice lines and the text
// rows after them, and collects the text of the rows whose gutter is mark,
// without the reverse and underline that mark spans under Ascii.
func readerRows(sv sourceView, mark string) (notice string, rows []string, marked string) {
	lines := strings.Split(ansi.Strip(sv.View()), "\n")
	n := len(sv.noticeLines())
	notice = strings.Join(lines[:n], " ")
	var m []string
	for _, l := range lines[n:] {
		if strings.HasPrefix(l, mark+" ") {
			m = append(m, strings.TrimPrefix(l, mark+" "))
		}
	}
	return notice, lines[n:], strings.Join(m, " ")
}

func TestDriftReader(t *testing.T) {
	l := driftLoaded(t)
	tl := l.Timeline
	budget := eventIndex(t, tl, "budget")
	harbour := eventIndex(t, tl, "harbour")
	hopeless := eventIndex(t, tl, "meeting") // given an orphaned span with no match below
	saved := tl.Event(hopeless).Citations[0].Span
	defer func() { tl.Event(hopeless).Citations[0].Span = saved }()

	for _, h := range []int{12, 30} {
		for w := 20; w <= 120; w++ {
			sv := newSourceView(tl, newStyles("dark"), keyTable())
			sv.SetSize(w, h)

			// Re-anchored: the new passage marked ▌ as usual, and a warning.
			sv.Open(budget, 0)
			checkFrame(t, sv.View(), w, h)
			notice, rows, passage := readerRows(sv, "▌")
			if !strings.Contains(squash(notice), squash("≈ re-anchored at 87%")) {
				t.Fatalf("%d×%d: re-anchored notice %q", w, h, notice)
			}
			if w >= 70 && !strings.Contains(notice, "the source changed since this was cited") {
				t.Fatalf("%d×%d: re-anchored notice %q", w, h, notice)
			}
			if !sv.warn || passage == "" || strings.Contains(strings.Join(rows, "\n"), "? ") {
				t.Fatalf("%d×%d: re-anchored passage not marked ▌ (warning %v):\n%s", w, h, sv.warn, sv.View())
			}
			if h >= 30 && !strings.Contains(squash(passage), squash(driftNow)) {
				t.Fatalf("%d×%d: the ▌ rows read %q, want the current text %q", w, h, passage, driftNow)
			}

			// Orphaned with a closest passage: marked ?, never ▌.
			sv.Open(harbour, 0)
			checkFrame(t, sv.View(), w, h)
			notice, _, closest := readerRows(sv, "?")
			if sq := squash(notice); !strings.Contains(sq, "orphaned") || !strings.Contains(sq, "52%") {
				t.Fatalf("%d×%d: orphaned notice %q", w, h, notice)
			}
			if w >= 60 && !strings.Contains(squash(notice), squash("closest passage 52% "+needsText()+", marked ?")) {
				t.Fatalf("%d×%d: orphaned notice %q", w, h, notice)
			}
			if sv.warn || closest == "" || strings.Contains(sv.View(), "▌") {
				t.Fatalf("%d×%d: orphaned citation shown as resolved, or its closest passage unmarked:\n%s", w, h, sv.View())
			}
			if h >= 30 && !strings.Contains(squash(closest), squash(driftClosest)) {
				t.Fatalf("%d×%d: the ? rows read %q, want %q", w, h, closest, driftClosest)
			}

			// Orphaned with nothing close, or a score but no place: the
			// top, no marks of its own.
			for _, sp := range []timeline.Span{{Orphaned: true}, {Orphaned: true, Score: 0.4}} {
				tl.Event(hopeless).Citations[0].Span = sp
				sv.Open(hopeless, 0)
				checkFrame(t, sv.View(), w, h)
				notice, _, _ = readerRows(sv, "?")
				if !strings.Contains(notice, "orphaned") || sv.top != 0 || strings.Contains(sv.View(), "▌") ||
					strings.Contains(sv.View(), "\n? ") {
					t.Fatalf("%d×%d: orphaned citation without a place (%+v):\n%s", w, h, sp, sv.View())
				}
				if sp.Score > 0 && w >= 40 && !strings.Contains(squash(notice), squash("best match 40% "+needsText())) {
					t.Fatalf("%d×%d: orphaned notice %q", w, h, notice)
				}
			}
		}
	}
}

// TestDriftReaderKeys opens drifted citations the way the analyst does,
// with enter, and copies them with y from the reader.
func TestDriftReaderKeys(t *testing.T) {
	m := readyDriven(t, driftLoaded(t), 100, 30)
	m = openAt(t, m, "budget")
	if v := m.reader.View(); !strings.Contains(v, "≈ re-anchored at 87%") || !strings.Contains(squash(v), squash("nine votes to three")) {
		t.Fatalf("enter on the re-anchored citation:\n%s", v)
	}
	m = drive(t, m, runes("y"))
	clipboard.Lock()
	got := clipboard.last
	clipboard.Unlock()
	if !strings.HasPrefix(got, "“"+driftNow+"”\n") || !strings.Contains(got, "re-anchored") {
		t.Fatalf("y in the reader copied %q", got)
	}

	m = drive(t, m, keyOf(tea.KeyEsc))
	m = openAt(t, m, "harbour")
	if v := m.reader.View(); !strings.Contains(v, "orphaned") || !strings.Contains(v, "\n? ") {
		t.Fatalf("enter on the orphaned citation:\n%s", v)
	}
	drive(t, m, runes("y")) // the model changes in place
	clipboard.Lock()
	got = clipboard.last
	clipboard.Unlock()
	if !strings.Contains(got, "orphaned") || strings.Contains(got, "harbour master") {
		t.Fatalf("y in the reader copied %q", got)
	}
}

// spanIn is the text of view drawn between on and off, the rest dropped.
func spanIn(view, on, off string) string {
	var b strings.Builder
	for {
		i := strings.Index(view, on)
		if i < 0 {
			return b.String()
		}
		view = view[i+len(on):]
		j := strings.Index(view, off)
		if j < 0 {
			return b.String()
		}
		b.WriteString(view[:j] + " ")
		view = view[j+len(off):]
	}
}

// TestReaderSpanWithoutColour: under the Ascii profile (NO_COLOR), which
// drops all styling, the open citation's span is in reverse video and an
// orphan's closest passage underlined, exactly over their text, so they
// stand out from the rest of their lines.
func TestReaderSpanWithoutColour(t *testing.T) {
	l := driftLoaded(t)
	tl := l.Timeline
	sv := newSourceView(tl, newStyles("dark"), keyTable())
	sv.SetSize(60, 30)
	sv.Open(eventIndex(t, tl, "budget"), 0)
	if got := spanIn(sv.View(), sgrReverse, sgrReverseOff); squash(got) != squash(driftNow) {
		t.Errorf("reverse video over %q, want the passage %q", got, driftNow)
	}
	sv.Open(eventIndex(t, tl, "harbour"), 0)
	if got := spanIn(sv.View(), sgrUnderline, sgrUnderlineOff); squash(got) != squash(driftClosest) {
		t.Errorf("underline over %q, want the closest passage %q", got, driftClosest)
	}
}
