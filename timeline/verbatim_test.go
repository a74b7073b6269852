package timeline

import "testing"

func TestVerbatim(t *testing.T) {
	const text = "Minutes. The board met in “March” — le pre\u0301sident\u00a0agreed, then “left”.\n\nThe board met in “March” again. Le président left."
	st := NewSourceText(text)
	for _, c := range []struct {
		name string
		sel  Selector
		want Selector // Start and End are filled from the span
	}{
		{"quote only", Selector{Quote: `met in "March" - le président agreed`},
			Selector{Quote: "met in “March” — le pre\u0301sident\u00a0agreed"}},
		{"tolerant prefix, space skipped", Selector{Quote: "“March” — le", Prefix: "board met\u00a0in"},
			Selector{Quote: "“March” — le", Prefix: "board met in "}},
		{"tolerant suffix ending inside a composed letter", Selector{Quote: "Le", Suffix: "pre"},
			Selector{Quote: "Le", Suffix: " pré"}},
		{"tolerant suffix past a space", Selector{Quote: "then", Suffix: `"left"`},
			Selector{Quote: "then", Suffix: " “left”"}},
		{"exact prefix kept, tolerant quote", Selector{Quote: `"March" again`, Prefix: "met in "},
			Selector{Quote: "“March” again", Prefix: "met in "}},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.sel.Start, c.sel.End = -1, -1
			sp, err := st.Resolve(c.sel)
			if err != nil || !sp.Tolerant {
				t.Fatalf("fixture: %+v, %v; want a tolerant match", sp, err)
			}
			got, ok := st.Verbatim(c.sel, sp)
			c.want.Start, c.want.End = sp.Start, sp.End
			if !ok || got != c.want {
				t.Fatalf("Verbatim = %+v, %v\nwant        %+v", got, ok, c.want)
			}
			again, err := st.Resolve(got)
			if err != nil || again.Tolerant || again.Start != sp.Start || again.End != sp.End {
				t.Errorf("the rewritten selector resolves as %+v, %v; want exactly at %d–%d", again, err, sp.Start, sp.End)
			}
		})
	}
	exact := Selector{Quote: "Minutes.", Start: -1, End: -1}
	sp, _ := st.Resolve(exact)
	if got, ok := st.Verbatim(exact, sp); ok || got != exact {
		t.Errorf("an exact match: %+v, %v; want it kept, not ok", got, ok)
	}
}
