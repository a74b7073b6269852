package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"dateline/data"
)

func TestRunRejectsBadConfig(t *testing.T) {
	load := func() *data.Loaded { return &data.Loaded{} }
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"nil loader", Config{}, "Config.Load is nil"},
		{"colour", Config{Load: load, Color: "rainbow"}, `--color must be auto, always or never, not "rainbow"`},
		{"theme", Config{Load: load, Color: "never", Theme: "sepia"}, `--theme must be light or dark, not "sepia"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Run(tt.cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Run = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestFixedThemes(t *testing.T) {
	base := defaultTheme()
	for _, dark := range []bool{false, true} {
		th := base.fixed(dark)
		for i, p := range th.roles() {
			want, ok := (*base.roles()[i]).(lipgloss.AdaptiveColor)
			if !ok {
				t.Fatalf("role %d of the default theme is not adaptive", i)
			}
			side := want.Light
			if dark {
				side = want.Dark
			}
			if got, ok := (*p).(lipgloss.Color); !ok || string(got) != side {
				t.Errorf("dark=%v role %d = %#v, want %q", dark, i, *p, side)
			}
		}
	}
}
