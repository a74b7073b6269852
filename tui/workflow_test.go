package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
)

// lastCopied is what the program last sent to the clipboard.
func lastCopied() string {
	clipboard.Lock()
	defer clipboard.Unlock()
	return clipboard.last
}

func TestCopyQuote(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	summit := "“September summit in the Russian Far East”\n" +
		"— Putin gifts Kim a car — 연합뉴스 报道, paragraph 4. Event: Kim and Putin meet in the Russian Far East (2023-09)."
	tests := []struct {
		name   string
		keys   []tea.Msg
		want   string // copied text; "" when nothing is copied
		status string
	}{
		{"timeline", []tea.Msg{runes("jjy")}, summit, "quote sent to the terminal's clipboard (OSC 52, " + itoa(len([]rune(summit))) + " chars)"},
		{"detail pane", []tea.Msg{runes("jj"), keyOf(tea.KeyTab), runes("y")}, summit, "quote sent to the terminal's clipboard"},
		{"reader, second citation", []tea.Msg{runes("jjjj"), keyOf(tea.KeyEnter), runes("]y")},
			"“a sentence that the article does not contain”\n— Putin gifts Kim a car — 연합뉴스 报道. " +
				"Event: Putin gives Kim a Russian-made car 🚗🎁 (../2024-02-20).", "quote sent to the terminal's clipboard"},
		{"uncited event", []tea.Msg{runes("jjjjjjy")}, "", "this event cites no source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clipboardWrite("")
			m := drive(t, readyDriven(t, l, 120, 40), tt.keys...)
			if got := lastCopied(); got != tt.want {
				t.Errorf("copied %q\nwant   %q", got, tt.want)
			}
			if st := statusOf(t, m); !strings.Contains(st, tt.status) {
				t.Errorf("status %q, want it to contain %q", st, tt.status)
			}
		})
	}
}

func TestParseExport(t *testing.T) {
	tests := []struct {
		line, path, format string
		force              bool
		err                string
		draft              bool // the dataset is an unsaved draft
	}{
		{"out.md", "out.md", data.FormatMarkdown, false, "", false},
		{"out.csv", "out.csv", data.FormatSheetsCSV, false, "", false},
		{" out.json ", "out.json", data.FormatJSON, false, "", false},
		{"tl.json timelinejs", "tl.json", data.FormatTimelineJS, false, "", false},
		{"my file.txt markdown!", "my file.txt", data.FormatMarkdown, true, "", false},
		{"out.md !", "out.md", data.FormatMarkdown, true, "", false},
		{"notes.txt", "", "", false, "add a format", false},
		{"out.md yaml", "", "", false, "yaml saves a draft", false},
		{"out.yaml", "", "", false, "yaml saves a draft", false},
		{"out.yaml", "out.yaml", "yaml", false, "", true},
		{"out.yml!", "out.yml", "yaml", true, "", true},
		{"my draft yaml", "my draft", "yaml", false, "", true},
		{"notes.txt", "", "", false, "add a format: yaml|timelinejs", true},
		{"", "", "", false, "type a path", false},
		{"!", "", "", false, "type a path", false},
	}
	for _, tt := range tests {
		r, err := parseExport(tt.line, tt.draft)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want %q", tt.line, err, tt.err)
			}
			continue
		}
		if err != nil || r.path != tt.path || r.format != tt.format || r.force != tt.force {
			t.Errorf("%q: %+v, %v; want %q %q force=%v", tt.line, r, err, tt.path, tt.format, tt.force)
		}
	}
}

func TestExportFlow(t *testing.T) {
	l := loadedFor(t, sampleDataset())
	out := filepath.Join(t.TempDir(), "out.md")
	m := readyDriven(t, l, 120, 40)
	// Filter to one actor: the export holds the shown events only.
	m.filter = timeline.Filter{Actors: []string{"yoon"}}
	m.applyFilter() // no search is running: no command to follow
	m = drive(t, m, runes("e"), tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(out), Paste: true}, keyOf(tea.KeyEnter))
	if m.over != overNone || !strings.Contains(statusOf(t, m), "exported 1 event as markdown") {
		t.Fatalf("after export: overlay %d, status %q, error %q", m.over, statusOf(t, m), m.export.err)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), "윤석열 대통령") || strings.Contains(string(b), "Kim Jong-un is born") {
		t.Fatalf("export file (%v):\n%s", err, b)
	}
	// Again: the file exists, so the input stays open and says so.
	m = drive(t, m, runes("e"), keyOf(tea.KeyEnter))
	if m.over != overExport || !strings.Contains(m.export.err, "exists") {
		t.Fatalf("second export: overlay %d, error %q", m.over, m.export.err)
	}
	if !strings.Contains(m.View(), "exists") {
		t.Errorf("the input does not say the file exists:\n%s", m.View())
	}
	m = drive(t, m, runes("!"), keyOf(tea.KeyEnter))
	if m.over != overNone || m.export.err != "" {
		t.Fatalf("forced export: overlay %d, error %q", m.over, m.export.err)
	}
	m = drive(t, m, runes("e"), keyOf(tea.KeyEsc))
	if m.over != overNone {
		t.Errorf("esc does not close the export input")
	}
}

// TestReloadKeepsSelection reloads a dataset that gained an earlier event:
// the selected event stays selected by id; a failed reload keeps the old
// dataset on screen.
func TestReloadKeepsSelection(t *testing.T) {
	ds := sampleDataset()
	l1 := loadedFor(t, ds)
	ds2 := sampleDataset()
	ds2.Events = append(ds2.Events, timeline.Event{ID: "early", Date: timeline.MustParseDate("1900"), Title: "Earlier"})
	l2 := loadedFor(t, ds2)
	bad := &data.Loaded{File: "x.yaml", Problems: []data.Problem{{File: "x.yaml", Severity: timeline.SeverityError, Message: "broken"}}}
	loads := []*data.Loaded{l1, l2, bad}
	n := 0
	load := func() *data.Loaded { l := loads[min(n, len(loads)-1)]; n++; return l }
	m := New(Config{Load: load})
	m = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = drive(t, m, m.Init()().(tea.BatchMsg)[1]()) // the load
	m = drive(t, m, runes("jj"))                    // summit
	m = drive(t, m, runes("r"))
	if i, ok := m.timeline.Selected(); !ok || m.tl.Event(i).ID != "summit" || m.timeline.Cursor() != 3 {
		t.Fatalf("after reload: cursor %d, want summit at 3", m.timeline.Cursor())
	}
	if st := statusOf(t, m); !strings.Contains(st, "reloaded: 9 events") {
		t.Errorf("status %q", st)
	}
	m = drive(t, m, runes("r"))
	if m.state != stateReady || m.tl.Len() != 9 || !strings.Contains(statusOf(t, m), "reload failed (1 error)") {
		t.Errorf("failed reload: state %d, %d events, status %q", m.state, m.tl.Len(), statusOf(t, m))
	}
}

// TestEventIDScrollsWithMargin: an event selected at start (--event) is
// shown with the events before it, not at the top of a half-empty pane.
func TestEventIDScrollsWithMargin(t *testing.T) {
	l := loadedFor(t, bigDataset(500))
	for _, tt := range []struct {
		id      string
		wantTop func(cursor, top int) bool
	}{
		{"e3", func(c, top int) bool { return top == 0 }},
		{"e250", func(c, top int) bool { return top > 0 && c-top >= 3 }},
		{"e499", func(c, top int) bool { return c-top >= 3 }},
	} {
		m := New(Config{Load: func() *data.Loaded { return l }, EventID: tt.id})
		m = update(t, m, loadedMsg{loaded: l}, tea.WindowSizeMsg{Width: 120, Height: 40})
		c, top := m.timeline.Cursor(), m.timeline.top
		if !tt.wantTop(c, top) {
			t.Errorf("%s: cursor %d, top %d", tt.id, c, top)
		}
		checkFrame(t, m.View(), 120, 40)
		if strings.Count(m.View(), "Event ") < 10 {
			t.Errorf("%s: the timeline shows too few events:\n%s", tt.id, m.View())
		}
	}
}

// TestCopyInTmux: inside tmux the status bar says whether the quote
// arrived, from tmux's set-clipboard option, read when y is pressed.
func TestCopyInTmux(t *testing.T) {
	saved := tmuxSetClipboard
	t.Cleanup(func() { tmuxSetClipboard = saved })
	l := loadedFor(t, sampleDataset())
	for opt, want := range map[string]string{
		"on":       "quote copied to tmux's buffer and sent to the terminal's clipboard (",
		"external": "quote not copied: tmux set-clipboard is external; run: tmux set -g set-clipboard on",
		"off":      "set-clipboard is off",
		"?":        "it arrives only with tmux set -g set-clipboard on",
	} {
		tmuxSetClipboard = func() string { return opt }
		m := drive(t, readyDriven(t, l, 120, 40), runes("jjy")) // the remedy fits 120 columns
		if st := statusOf(t, m); !strings.Contains(st, want) {
			t.Errorf("set-clipboard %s: status %q, want %q", opt, st, want)
		}
	}
}
