package timeline

import "testing"

// A quote typed with straight quotes, a hyphen, plain spaces or decomposed
// accents resolves tolerantly; every output must then show the source's own
// characters, and an unresolved quote stays as typed.
func TestCitedText(t *testing.T) {
	const text = "The board met in “March” — le pre\u0301sident\u00a0agreed.\n\nLater, nothing."
	cases := []struct{ name, quote, want string }{
		{"curly quotes", `met in "March"`, "met in “March”"},
		{"dash and no-break space", "March” - le pre\u0301sident agreed", "March” — le pre\u0301sident\u00a0agreed"},
		{"NFC quote, NFD source", "le président", "le pre\u0301sident"},
		{"exact", "Later, nothing.", "Later, nothing."},
		{"absent", "met in April", "met in April"},
	}
	ds := &Dataset{Sources: []Source{{ID: "s", Title: "S", Text: text}}}
	for _, c := range cases {
		ds.Events = append(ds.Events, Event{ID: c.name, Title: c.name,
			Citations: []Citation{{Source: "s", Quote: c.quote, Start: -1, End: -1}}})
	}
	tl, _ := New(ds)
	if tl == nil {
		t.Fatal("not built")
	}
	for i := range tl.Len() {
		e := tl.Event(i)
		var want string
		for _, c := range cases {
			if c.name == e.ID {
				want = c.want
			}
		}
		if got := tl.CitedText(e.Citations[0]); got != want {
			t.Errorf("%s: CitedText = %q, want %q", e.ID, got, want)
		}
	}
	// An orphan's span describes a rejected match: it shows the quote.
	orphan := Citation{Source: "s", Quote: "typed", Span: Span{Orphaned: true, Start: 0, End: 5}}
	if got := tl.CitedText(orphan); got != "typed" {
		t.Errorf("orphan: %q, want the quote as typed", got)
	}
}
