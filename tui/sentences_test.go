package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dateline/data"
	"dateline/timeline"
)

// repeatText has a sentence twice, with different sentences before it.
const repeatText = "The council met on Monday. Officials agreed.\n\nThe mayor spoke on Tuesday. Officials agreed."

func repeatDataset() *timeline.Dataset {
	return &timeline.Dataset{
		Title:   "repeat",
		Sources: []timeline.Source{{ID: "minutes", Title: "Council minutes", Text: repeatText}},
		Events: []timeline.Event{{ID: "speech", Date: timeline.MustParseDate("2024-02-06"), Title: "The mayor speaks",
			Citations: []timeline.Citation{{Source: "minutes", Quote: "The mayor spoke on Tuesday.", Start: -1, End: -1}}}},
	}
}

// sentenceText is the text under the reader's sentence cursor.
func sentenceText(t *testing.T, m *Model) string {
	t.Helper()
	sp, ok := m.reader.sentenceSpan()
	if !ok {
		t.Fatal("no sentence cursor")
	}
	txt, _ := m.tl.SourceText(m.reader.src)
	return txt.Slice(sp.Start, sp.End)
}

// TestSentenceCursor: ) starts on the open passage's sentence, then ) and
// ( step a sentence at a time, stopping at the ends; the sentence is
// marked with › in the gutter (the tests run without colour, as under
// NO_COLOR) and counted in the footer.
func TestSentenceCursor(t *testing.T) {
	m := readyDriven(t, loadedFor(t, readerDataset()), 100, 30)
	m = openAt(t, m, "summit")
	if !m.keys.CiteSentence.Enabled() {
		t.Error("c should be on before there is a sentence cursor")
	}
	m = drive(t, m, runes(")"))
	if got := sentenceText(t, m); got != "The summit was held in Vladivostok." {
		t.Errorf(") first went to %q, want the open passage's sentence", got)
	}
	// Without colour the open passage is still in reverse video (the
	// reader's NO_COLOR attributes), so the glyphs are read with SGRs gone.
	if v := m.View(); !strings.Contains(ansi.Strip(v), "▌›The summit was held") {
		t.Errorf("the sentence should be marked › beside the passage mark:\n%s", v)
	}
	if f := m.reader.Footer(); !strings.HasPrefix(f, "sentence 45/61 · ") {
		t.Errorf("footer %q should count the sentence", f)
	}
	if !m.keys.CiteSentence.Enabled() {
		t.Error("c should be on with a sentence cursor")
	}
	m = drive(t, m, runes(")"))
	if got := sentenceText(t, m); got != "Both leaders spoke." {
		t.Errorf(") went to %q", got)
	}
	m = drive(t, m, runes("(("))
	if got := sentenceText(t, m); got != "Paragraph 44 is filler text about nothing in particular." {
		t.Errorf("(( went to %q", got)
	}
	m = drive(t, m, runes("g"))
	for range 50 {
		m = drive(t, m, runes("("))
	}
	if got := sentenceText(t, m); !strings.HasPrefix(got, "Paragraph 1 ") {
		t.Errorf("( should stop at the first sentence, got %q", got)
	}
	if v := m.View(); !strings.Contains(v, "›Paragraph 1 is") {
		t.Errorf("the cursor's sentence should be scrolled into view and marked:\n%s", v)
	}
}

// TestCiteSentence: c copies the sentence's citation as YAML indented for
// an event's citations, with the source's id, a prefix for a sentence
// that repeats, and its position.
func TestCiteSentence(t *testing.T) {
	m := readyDriven(t, loadedFor(t, repeatDataset()), 100, 30)
	m = openAt(t, m, "speech")
	m = drive(t, m, runes("))"), runes("c"))
	want := `      # sentence 4 of 4, paragraph 2
      - source: minutes
        quote: Officials agreed.
        prefix: 'Tuesday. '
        start: 74
        end: 91
`
	clipboard.Lock()
	got := clipboard.last
	clipboard.Unlock()
	if got != want {
		t.Errorf("c copied\n%s\nwant\n%s", got, want)
	}
	if s := statusOf(t, m); !strings.Contains(s, "citation sent to the terminal's clipboard (OSC 52, ") {
		t.Errorf("status %q should say the citation was copied", s)
	}
	checkPasted(t, got, 74, 91)
}

// checkPasted pastes a copied citation under an event's citations in a
// YAML dataset and loads it: no problem at all, and the citation resolves
// to [start, end).
func checkPasted(t *testing.T, citation string, start, end int) {
	t.Helper()
	yaml := "dateline: 1\nsources:\n  - id: minutes\n    title: Council minutes\n    text: " + quoteYAML(repeatText) +
		"\nevents:\n  - id: agreed\n    date: 2024-02-06\n    title: Officials agree\n    citations:\n" + citation
	l := data.LoadBytes("pasted.yaml", []byte(yaml), t.TempDir())
	if l.Timeline == nil || len(l.Problems) > 0 {
		t.Fatalf("the pasted citation should load without problems: %v\n%s", l.Problems, yaml)
	}
	sp := l.Timeline.Event(0).Citations[0].Span
	if !sp.Resolved || sp.Start != start || sp.End != end {
		t.Errorf("the pasted citation resolves to %+v, want %d–%d", sp, start, end)
	}
}

// quoteYAML writes s as a double-quoted YAML scalar.
func quoteYAML(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// TestCiteSentenceWithoutCursor: c before any ) or ( is on, shown in the
// help, and copies the sentence ) would start on (the open passage's),
// leaving the cursor there.
func TestCiteSentenceWithoutCursor(t *testing.T) {
	m := readyDriven(t, loadedFor(t, repeatDataset()), 100, 30)
	m = openAt(t, m, "speech")
	if !m.keys.CiteSentence.Enabled() {
		t.Fatal("c should be on in the reader before any ) or (")
	}
	m = drive(t, m, runes("?"))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "copy citation") {
		t.Errorf("the help should show c:\n%s", v)
	}
	m = drive(t, m, runes("?"), runes("c"))
	clipboard.Lock()
	got := clipboard.last
	clipboard.Unlock()
	if !strings.Contains(got, "quote: The mayor spoke on Tuesday.\n") {
		t.Errorf("c without a cursor copied\n%s\nwant the open passage's sentence", got)
	}
	if s := sentenceText(t, m); s != "The mayor spoke on Tuesday." {
		t.Errorf("the cursor should stay on the copied sentence, is on %q", s)
	}
}
