package timex

import "testing"

// TestSentencesQuotes: a closing quote or bracket after the final mark
// ends the sentence it closes, an opening one starts the next.
func TestSentencesQuotes(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"It was in 1994. “We were not ready,” she said.", []string{"It was in 1994.", "“We were not ready,” she said."}},
		{"It was in 1994. \"We were not ready,\" she said.", []string{"It was in 1994.", "\"We were not ready,\" she said."}},
		{"It was in 1994. 'We were not ready,' she said.", []string{"It was in 1994.", "'We were not ready,' she said."}},
		{"It was in 1994. ‘We were not ready,’ she said.", []string{"It was in 1994.", "‘We were not ready,’ she said."}},
		{"Il a dit. «Nous partons» hier.", []string{"Il a dit.", "«Nous partons» hier."}},
		{"“We left,” she said.” Next came 2001.", []string{"“We left,” she said.”", "Next came 2001."}},
		{"She said: “we left.” Then it rained.", []string{"She said: “we left.”", "Then it rained."}},
		{"She said: \"we left.\" Then it rained.", []string{"She said: \"we left.\"", "Then it rained."}},
		{"He left. (It was 2001.) Then it rained.", []string{"He left.", "(It was 2001.)", "Then it rained."}},
		{"He left.\n\n“Why?” she asked.", []string{"He left.", "“Why?” she asked."}},
		{"“Why?” she asked.", []string{"“Why?” she asked."}},
		{"He left. \"“Nested,” he said.\"", []string{"He left.", "\"“Nested,” he said.\""}},
		// A straight quote with a space after it is not an opener.
		{"He said \" nope. \" Then.", []string{"He said \" nope. \"", "Then."}},
	} {
		text := []rune(tc.text)
		var got []string
		for _, s := range Sentences(tc.text) {
			got = append(got, string(text[s.Start:s.End]))
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: sentence %d = %q, want %q", tc.text, i, got[i], tc.want[i])
			}
		}
	}
}
