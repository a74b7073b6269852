package timeline

import (
	"strings"
	"testing"
)

// TestMismatchInValidation: a long quote with a typo past its first 40
// characters was reported cut before the typo; the message now says where
// it stops matching, as `dateline cite` does.
func TestMismatchInValidation(t *testing.T) {
	const text = "The council said the committee would publish its findings in June 2021, after the hearings.\n\nNothing else."
	for _, c := range []struct{ quote, want string }{
		{"the committee would publish its findings in July 2021, after the hearings",
			`quote "the committee would publish its findings…" not found. Its first 7 words, "the committee would publish its findings in", occur in paragraph 1; ` +
				`there the source goes on with "June 2021, after the hearings. Nothing…" where the quote has "July 2021, after the hearings"`},
		{"Nothing else happened.", `quote "Nothing else happened." not found. Its first 2 words, "Nothing else", occur in paragraph 2; there the source goes on with "." where the quote has "happened."`},
		{"Zebras said so", `quote "Zebras said so" not found: not even its first word occurs in the source`},
	} {
		ds := &Dataset{Sources: []Source{{ID: "s", Title: "S", Text: text}},
			Events: []Event{{ID: "e", Title: "E", Citations: []Citation{{Source: "s", Quote: c.quote, Start: -1, End: -1}}}}}
		_, diags := New(ds)
		var msgs []string
		for _, d := range diags {
			if d.Severity == SeverityCitation {
				msgs = append(msgs, d.Message)
			}
		}
		if len(msgs) != 1 || msgs[0] != `source "s": `+c.want {
			t.Errorf("%q: citation errors %q\nwant %q", c.quote, msgs, `source "s": `+c.want)
		}
	}
}

func TestMismatchRepeatedHead(t *testing.T) {
	st := NewSourceText("The council met on Monday.\n\nThe council met on Friday.")
	got := st.Mismatch("The council met on Tuesday")
	want := `. Its first 4 words, "The council met on", occur 2 times; there the source goes on with "Monday. The council met on Friday." (paragraph 1), "Friday." (paragraph 2) where the quote has "Tuesday"`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !strings.HasPrefix(st.Mismatch("Zebras"), ": not even") {
		t.Error("no first word: want the short explanation")
	}
}
