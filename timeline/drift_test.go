package timeline

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
)

// driftOld is the text citations were anchored in; each case edits it.
func driftOld(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func sha256Hex(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// edit applies old→new replacements to text, each of which must apply.
func edit(t testing.TB, text string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(text, pairs[i]) {
			t.Fatalf("edit: %q not in text", pairs[i])
		}
		text = strings.Replace(text, pairs[i], pairs[i+1], 1)
	}
	return text
}

// How a drift case's citation was anchored in the old text.
const (
	anchorNone     = iota // a quote alone
	anchorPosition        // start/end recorded against the old text
	anchorSum             // the source records the old text's sha256
	anchorSameSum         // start/end recorded, and the sha256 of the new text
)

// What a drift case's citation comes to.
const (
	outResolved   = "resolved"   // found as it is: Reanchor is never reached
	outReanchored = "reanchored" // a warning
	outOrphaned   = "orphaned"   // a citation error, the citation kept
	outUnresolved = "unresolved" // a plain citation error, no rescue
)

func TestDrift(t *testing.T) {
	old := driftOld(t)
	tests := []struct {
		name                  string
		edits                 []string // replacements turning the article into the new text
		reverse               bool     // the edits make the old text; the article is the new one
		last                  bool     // span is the last occurrence of its text, not the first
		quote, prefix, suffix string
		anchor                int
		want                  string
		span                  string // the new text's passage (resolved, reanchored)
		msg                   string // a piece of the diagnostic
	}{
		{
			name: "unchanged text", quote: "drawn closer to Moscow", anchor: anchorPosition,
			want: outResolved, span: "drawn closer to Moscow",
		},
		{
			name: "unchanged text, prefix and suffix", quote: "drawn closer to Moscow", prefix: "Pyongyang has ", suffix: " since",
			anchor: anchorSum, want: outResolved, span: "drawn closer to Moscow",
		},
		{
			name:  "typo fixed inside the quote",
			edits: []string{"Russian tourists arrived", "Russian tuorists arrived"}, reverse: true,
			quote: "A group of Russian tuorists arrived earlier this month", anchor: anchorPosition,
			want: outReanchored, span: "A group of Russian tourists arrived earlier this month",
			msg: `quote drifted: the source changed; re-anchored at `,
		},
		{
			name:  "word inserted inside the prefix shifts the quote",
			edits: []string{"A group of Russian tourists arrived", "A group of Russian tourists reportedly arrived"},
			quote: "arrived earlier this month for a four-day trip", prefix: "Russian tourists ", suffix: ", the first",
			anchor: anchorPosition, want: outReanchored, span: "arrived earlier this month for a four-day trip",
			msg: `quote re-anchored: the quote is unchanged; its prefix changed; now at `,
		},
		{
			name:  "paragraph inserted earlier, word changed in the quote",
			edits: []string{"Reconciliation between", "Update: this story was revised.\n\nReconciliation between", "drawn closer", "moved closer"},
			quote: "Pyongyang has drawn closer to Moscow since the North Korean leader’s visit", anchor: anchorPosition,
			want: outReanchored, span: "Pyongyang has moved closer to Moscow since the North Korean leader’s visit",
		},
		{
			name:  "paragraph inserted earlier, quote unchanged",
			edits: []string{"Reconciliation between", "Update: this story was revised.\n\nReconciliation between"},
			quote: "Pyongyang has drawn closer to Moscow", anchor: anchorPosition,
			want: outResolved, span: "Pyongyang has drawn closer to Moscow",
		},
		{
			// Recorded position counts: 2017 is one of several "Moscow".
			name:  "verbatim in place, suffix rewritten",
			edits: []string{"Moscow for use in its war", "Moscow so it could wage its war"},
			quote: "Moscow", suffix: " for use in", anchor: anchorPosition, last: true,
			want: outReanchored, span: "Moscow",
			msg: `quote re-anchored: the quote is unchanged; its suffix changed; now at `,
		},
		{
			name:  "the only verbatim occurrence, prefix and suffix rewritten",
			edits: []string{"for a four-day trip, the first known", "during their four-day trip (reportedly the earliest known"},
			quote: "four-day trip", prefix: "arrived earlier this month for a ", suffix: ", the first known foreign",
			anchor: anchorPosition, want: outReanchored, span: "four-day trip",
			msg: `its prefix and suffix changed; now at `,
		},
		{
			// The built-in dataset's kim-visits-russia: the quote also
			// occurs, as it was, 900 code points earlier.
			name:  "prefix rewritten, a copy elsewhere: the recorded place wins",
			edits: []string{"During the North Korean leader’s visit", "In the course of the North Korean leader’s visit"},
			quote: "the North Korean leader’s visit to Russia last year", prefix: "During ", last: true,
			anchor: anchorPosition, want: outReanchored, span: "the North Korean leader’s visit to Russia last year",
			msg: `quote re-anchored: the quote is unchanged; its prefix changed; now at `,
		},
		{
			// The recorded position is 1,200 code points off: no evidence
			// against the place, nor for it.
			name:    "long correction inserted at the top, typo fixed in the quote",
			edits:   []string{"Russian tourists arrived", "Russian tuorists arrived", "Reconciliation between", strings.Repeat("Correction. ", 100) + "\n\nReconciliation between"},
			reverse: true,
			quote:   "A group of Russian tuorists arrived earlier this month", anchor: anchorPosition,
			want: outReanchored, span: "A group of Russian tourists arrived earlier this month",
			msg: `; it now reads "tourists" where the quote had "tuorists"`,
		},
		{
			name: "sentence rewritten beyond recognition",
			edits: []string{"The gift is likely to violate sanctions imposed on Pyongyang by the United Nations in 2017",
				"Lawyers disagree about whether any rule was broken by this present"},
			quote:  "The gift is likely to violate sanctions imposed on Pyongyang by the United Nations in 2017",
			prefix: "the two countries. ", suffix: ", also signed", anchor: anchorPosition,
			want: outOrphaned, msg: `orphaned citation: quote "The gift is likely to violate sanctions…" no longer found in source "s" after it changed; best match scored 0.`,
		},
		{
			name:  "nothing comes close",
			edits: []string{"Reconciliation between", "Rapprochement between"},
			quote: "QQQQ ZZZZ QQQQ", anchor: anchorSum,
			want: outOrphaned, msg: `orphaned citation: quote "QQQQ ZZZZ QQQQ" no longer found in source "s" after it changed; nothing came close (threshold 0.75)`,
		},
		{
			name:  "now ambiguous, decided by the recorded position",
			edits: []string{"Kim Jong-un was “gifted", "Vehicle models are not specified in this publication.\n\nKim Jong-un was “gifted"},
			quote: "Vehicle models are not specified in this publication", anchor: anchorPosition,
			want: outReanchored, span: "Vehicle models are not specified in this publication", last: true,
		},
		{
			name:  "now ambiguous, no recorded position",
			edits: []string{"Kim Jong-un was “gifted", "Vehicle models are not specified in this publication.\n\nKim Jong-un was “gifted"},
			quote: "Vehicle models are not specified in this publication", anchor: anchorSum,
			want: outUnresolved, msg: "is ambiguous",
		},
		{
			name:  "unanchored quote gets no rescue",
			edits: []string{"Russian tourists arrived", "Russian tuorists arrived"}, reverse: true,
			quote: "A group of Russian tuorists arrived earlier this month", anchor: anchorNone,
			want: outUnresolved, msg: `source "s": quote "A group of Russian tuorists arrived earl…" not found`,
		},
		{
			name:  "checksum still matches: the quote was wrong all along",
			edits: []string{"Russian tourists arrived", "Russian tuorists arrived"}, reverse: true,
			quote: "A group of Russian tuorists arrived earlier this month", anchor: anchorSameSum,
			want: outUnresolved, msg: "not found",
		},
		{
			name:  "checksum no longer matches, no positions",
			edits: []string{"Russian tourists arrived", "Russian tuorists arrived"}, reverse: true,
			quote: "A group of Russian tuorists arrived earlier this month", anchor: anchorSum,
			want: outReanchored, span: "A group of Russian tourists arrived earlier this month",
		},
		{
			// 8 edits in 52 code points (a word and a half): 0.81, no context.
			name:  "quote alone, a word and a half changed: above the threshold",
			edits: []string{"sanctions imposed on Pyongyang by the United", "restrictions placed on Pyongyang by the United"},
			quote: "sanctions imposed on Pyongyang by the United Nations", anchor: anchorSum,
			want: outReanchored, span: "restrictions placed on Pyongyang by the United Nations",
			msg: "with score 0.80 (threshold 0.75)",
		},
		{
			// 16 edits in 52: 0.69.
			name:  "quote alone, two words and more changed: below the threshold",
			edits: []string{"sanctions imposed on Pyongyang", "sanctions placed on North Korea"},
			quote: "sanctions imposed on Pyongyang by the United Nations", anchor: anchorSum,
			want: outOrphaned, msg: "best match scored 0.69 (threshold 0.75)",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, was := edit(t, old, tc.edits...), old
			if tc.reverse {
				text, was = was, text
			}
			c := Citation{Source: "s", Quote: tc.quote, Prefix: tc.prefix, Suffix: tc.suffix, Start: -1, End: -1}
			src := Source{ID: "s", Title: "S", Text: text}
			switch tc.anchor {
			case anchorPosition, anchorSameSum:
				sp, err := ResolveQuote(was, Selector{Quote: tc.quote, Prefix: tc.prefix, Suffix: tc.suffix, Start: -1, End: -1})
				if err != nil {
					t.Fatalf("the quote does not resolve in the old text: %v", err)
				}
				c.Start, c.End = sp.Start, sp.End
				if tc.anchor == anchorSameSum {
					src.SHA256 = sha256Hex(text)
				}
			case anchorSum:
				src.SHA256 = sha256Hex(was)
			}
			ds := &Dataset{Title: "t", Sources: []Source{src},
				Events: []Event{{ID: "e", Title: "E", Citations: []Citation{c}}}}
			tl, diags := New(ds)
			if tl == nil {
				t.Fatalf("New failed: %v", diags)
			}
			got := tl.Event(0).Citations[0].Span
			var quoteDiags []Diagnostic
			for _, d := range diags {
				if d.Path == "events[0].citations[0].quote" {
					quoteDiags = append(quoteDiags, d)
				}
			}
			st, _ := tl.SourceText("s")
			t.Logf("span %+v %q, diags %v", got, st.Slice(got.Start, got.End), quoteDiags)
			switch tc.want {
			case outResolved:
				if !got.Resolved || got.Reanchored || got.Orphaned || got.Score != 0 || len(quoteDiags) != 0 {
					t.Fatalf("span %+v, diags %v: want a plain resolution", got, quoteDiags)
				}
			case outReanchored:
				if !got.Resolved || !got.Reanchored || got.Orphaned || got.Score < DriftThreshold || got.Score > 1 {
					t.Fatalf("span %+v: want re-anchored", got)
				}
				if len(quoteDiags) != 1 || quoteDiags[0].Severity != SeverityWarning ||
					!strings.HasPrefix(quoteDiags[0].Message, "quote drifted: the source changed; re-anchored at ") &&
						!strings.HasPrefix(quoteDiags[0].Message, "quote re-anchored: the quote is unchanged; ") {
					t.Fatalf("diags %v: want one drift warning", quoteDiags)
				}
				if got.Paragraph != st.Paragraph(got.Start) || got.Paragraph < 1 {
					t.Errorf("paragraph %d, want %d", got.Paragraph, st.Paragraph(got.Start))
				}
			case outOrphaned:
				if got.Resolved || got.Reanchored || !got.Orphaned || got.Score >= DriftThreshold || got.Score < 0 {
					t.Fatalf("span %+v: want orphaned", got)
				}
				if len(quoteDiags) != 1 || quoteDiags[0].Severity != SeverityCitation ||
					!strings.HasPrefix(quoteDiags[0].Message, "orphaned citation: quote ") {
					t.Fatalf("diags %v: want one orphan citation error", quoteDiags)
				}
			case outUnresolved:
				if got.Resolved || got.Reanchored || got.Orphaned || got.Score != 0 {
					t.Fatalf("span %+v: want unresolved, no rescue", got)
				}
				if len(quoteDiags) != 1 || quoteDiags[0].Severity != SeverityCitation ||
					strings.Contains(quoteDiags[0].Message, "orphaned") {
					t.Fatalf("diags %v: want one plain citation error", quoteDiags)
				}
			}
			if tc.span != "" {
				if s := st.Slice(got.Start, got.End); s != tc.span {
					t.Errorf("span covers %q, want %q", s, tc.span)
				}
				want := strings.Index(text, tc.span)
				if tc.last {
					want = strings.LastIndex(text, tc.span)
				}
				if got.Start != len([]rune(text[:want])) {
					t.Errorf("span starts at %d, want %d", got.Start, len([]rune(text[:want])))
				}
			}
			if tc.msg != "" && (len(quoteDiags) == 0 || !strings.Contains(quoteDiags[0].Message, tc.msg)) {
				t.Errorf("diags %v, want one containing %q", quoteDiags, tc.msg)
			}
		})
	}
}
