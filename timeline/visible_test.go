package timeline

import "testing"

func TestVisibleControls(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain Kim–Putin 한국 ❤️", "plain Kim–Putin 한국 ❤️"},
		{"tab\tand\nnewline", "tab\tand\nnewline"},
		{"\x1b]0;PWNED\x07", `\x1b]0;PWNED\x07`},
		{"\x1b]52;c;cHduZWQ=\x1b\\", `\x1b]52;c;cHduZWQ=\x1b\`},
		{"cr\rnul\x00del\x7f", `cr\x0dnul\x00del\x7f`},
		{"c1 \u0085 \u009b6n \u009d0;x\u009c", `c1 \u0085 \u009b6n \u009d0;x\u009c`},
		{"nbsp\u00a0kept", "nbsp\u00a0kept"},
		{"bad \xff\x9b utf-8", `bad \xff\x9b utf-8`},
	} {
		if got := VisibleControls(c.in); got != c.want {
			t.Errorf("VisibleControls(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
