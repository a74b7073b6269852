package export

import (
	"strings"
	"testing"
)

// TestExportsQuoteSourceCharacters: a quote typed with straight quotes, a
// hyphen and a composed accent resolves only tolerantly in tolerant.yaml;
// every export that prints quotes prints the source's characters.
func TestExportsQuoteSourceCharacters(t *testing.T) {
	const typed, source = `met in "March" - le président`, "met in “March” — le pre\u0301sident"
	l := exportFixture(t, "tolerant.yaml")
	if c := l.Timeline.Event(0).Citations[0]; !c.Span.Tolerant || c.Quote != typed {
		t.Fatalf("fixture: citation %+v should be the typed quote, resolved tolerantly", c)
	}
	for _, c := range []struct{ format, want string }{
		{Markdown, "“" + source + "”"},
		{TimelineJS, source}, // in the slide's HTML, inside a JSON string
		{SheetsCSV, source},
	} {
		out := string(export(t, l, everything(l), c.format))
		if !strings.Contains(out, c.want) || strings.Contains(out, "- le président") {
			t.Errorf("%s: want the source's %q, not the typed quote:\n%s", c.format, c.want, out)
		}
	}
}
