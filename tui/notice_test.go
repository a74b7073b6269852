package tui

import (
	"strconv"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
)

// TestNoticeScrollsLikeDetail checks that the notice pane pages as the
// detail pane does: a page on pgdown/pgup, half a page on ctrl+d/ctrl+u.
func TestNoticeScrollsLikeDetail(t *testing.T) {
	l := &data.Loaded{File: "broken.yaml"}
	for i := range 40 {
		l.Problems = append(l.Problems, data.Problem{File: l.File,
			Severity: timeline.SeverityError, Message: "problem " + strconv.Itoa(i)})
	}
	const h = 6
	for _, tc := range []struct {
		keys []tea.KeyMsg
		want int
	}{
		{[]tea.KeyMsg{keyOf(tea.KeyPgDown)}, h},
		{[]tea.KeyMsg{keyOf(tea.KeyCtrlD)}, h / 2},
		{[]tea.KeyMsg{keyOf(tea.KeyPgDown), keyOf(tea.KeyPgDown), keyOf(tea.KeyPgUp)}, h},
		{[]tea.KeyMsg{keyOf(tea.KeyPgDown), keyOf(tea.KeyCtrlU)}, h - h/2},
	} {
		n := loadFailedNotice(newStyles("dark"), keyTable(), l)
		n.SetSize(60, h)
		for _, k := range tc.keys {
			n, _ = n.Update(k)
		}
		if n.vp.YOffset != tc.want {
			t.Errorf("%v: scrolled to line %d, want %d", tc.keys, n.vp.YOffset, tc.want)
		}
	}
}
