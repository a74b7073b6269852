package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

func TestStatusLine(t *testing.T) {
	st := newStyles("")
	tests := []struct {
		name              string
		pos, shown, total int
		notes             []string
		width             int
		want              string
	}{
		{"first", 0, 8, 8, nil, 40, "#1 · 8 of 8 events"},
		{"filtered", 2, 5, 8, nil, 40, "#3 · 5 of 8 events"},
		{"none shown", 0, 0, 8, nil, 40, "0 of 8 events"},
		{"notes", 0, 3, 3, []string{"1 citation error", "", "2 warnings"}, 80,
			"#1 · 3 of 3 events · 1 citation error · 2 warnings"},
		{"cut from the right", 99, 1000, 100000, []string{"actor: 윤석열"}, 24, "#100 · 1000 of 100000 e…"},
		{"cut inside a wide name", 0, 1, 1, []string{"actor: 윤석열"}, 30, "#1 · 1 of 1 events · actor: …"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := statusLine(st, tt.pos, tt.shown, tt.total, tt.notes, tt.width)
			if w := lipgloss.Width(got); w != tt.width {
				t.Fatalf("width %d, want %d: %q", w, tt.width, got)
			}
			if strings.TrimRight(got, " ") != tt.want {
				t.Fatalf("got %q, want %q", strings.TrimRight(got, " "), tt.want)
			}
		})
	}
}

func TestProblemNotes(t *testing.T) {
	tests := []struct {
		citation, warnings int
		want               string
	}{
		{0, 0, ""},
		{1, 0, "1 citation error"},
		{2, 1, "2 citation errors|1 warning"},
		{0, 3, "3 warnings"},
	}
	for _, tt := range tests {
		if got := strings.Join(problemNotes(tt.citation, tt.warnings), "|"); got != tt.want {
			t.Errorf("problemNotes(%d, %d) = %q, want %q", tt.citation, tt.warnings, got, tt.want)
		}
	}
}
