package schema

import "testing"

func TestEDTFSuggestion(t *testing.T) {
	for in, want := range map[string]string{
		"March 2024":       "; write 2024-03",
		"20 February 2024": "; write 2024-02-20",
		"the 1990s":        "; write 199X",
		"last year":        "", // needs a reference date: no guess
		"soon-ish":         "",
	} {
		if got := edtfSuggestion(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
