package tui

import "testing"

func TestClean(t *testing.T) {
	tests := []struct{ in, line, block string }{
		{"plain 윤석열 🚗", "plain 윤석열 🚗", "plain 윤석열 🚗"},
		{"a\nb\tc", "a b c", "a\nb c"},
		{"x\x1b[31mred\x1b[0m", "x [31mred [0m", "x [31mred [0m"},
		{"crlf\r\nnext\x7f\u0085", "crlf  next  ", "crlf\nnext  "},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.line {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.line)
		}
		if got := cleanBlock(tt.in); got != tt.block {
			t.Errorf("cleanBlock(%q) = %q, want %q", tt.in, got, tt.block)
		}
	}
}
