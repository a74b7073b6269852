package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"dateline/data"
	"dateline/data/jsonl"
	"dateline/timeline"
)

// Tests render with the Ascii profile: whatever terminal runs them, views
// and golden files hold no escape codes (lipgloss#33).
func init() { lipgloss.SetColorProfile(termenv.Ascii) }

// sourceText is cited by the sample events; paragraphs are blank-line
// separated so citations get paragraph numbers.
const sourceText = `Kim Jong-un was gifted a Russian-made car by Vladimir Putin, KCNA reported.

The gift is likely to violate sanctions imposed on Pyongyang by the United Nations in 2017, also signed by Russia.

윤석열 대통령은 제재 위반이라고 말했다. 习近平没有发表评论。 The car 🚗 arrived with a bow 🎁.

After Mr. Kim and Mr. Putin's September summit in the Russian Far East, officials claimed that the North had sent weapons to Moscow.`

// sampleDataset has every kind of row the panes draw: year changes, a gap
// of empty years, approximate and uncertain dates, alleged and expected
// events, an undated event, an unresolved citation, and Korean, Chinese
// and emoji text.
func sampleDataset() *timeline.Dataset {
	d := timeline.MustParseDate
	return &timeline.Dataset{
		Title: "Russia gives Kim Jong-un a car 🚗",
		Sources: []timeline.Source{{
			ID: "article", Title: "Putin gifts Kim a car — 연합뉴스 报道", Text: sourceText,
		}},
		Actors: []timeline.Actor{
			{ID: "putin", Name: "Vladimir Putin", Aliases: []string{"Putin"}},
			{ID: "kim", Name: "Kim Jong-un", Aliases: []string{"Kim"}},
			{ID: "un", Name: "United Nations", Aliases: []string{"UN"}, Kind: timeline.KindOrganisation},
			{ID: "yoon", Name: "윤석열", Aliases: []string{"윤"}},
			{ID: "xi", Name: "习近平"},
		},
		Events: []timeline.Event{
			{ID: "born", Date: d("1984~"), Title: "Kim Jong-un is born", Actors: []timeline.ActorRef{{Actor: "kim"}},
				DateNote: "Official records disagree; 1984 is the commonest year."},
			{ID: "sanctions", Date: d("2017"), Title: "UN sanctions ban vehicle imports into North Korea",
				Actors:    []timeline.ActorRef{{Actor: "un"}},
				Citations: []timeline.Citation{{Source: "article", Quote: "sanctions imposed on Pyongyang by the United Nations in 2017", Start: -1, End: -1}}},
			{ID: "summit", Date: d("2023-09"), Title: "Kim and Putin meet in the Russian Far East",
				Actors:    []timeline.ActorRef{{Actor: "kim"}, {Actor: "putin"}},
				Citations: []timeline.Citation{{Source: "article", Quote: "September summit in the Russian Far East", Start: -1, End: -1}}},
			{ID: "weapons", Date: d("2023-10/2024-01?"), Status: timeline.StatusAlleged,
				Title:     "North Korea sends weapons to Moscow",
				Summary:   "The United States and South Korea repeatedly claimed it.\n\nNorth Korea denies it.",
				Actors:    []timeline.ActorRef{{Actor: "kim", Role: "accused"}, {Actor: "putin"}, {Actor: "un"}},
				Citations: []timeline.Citation{{Source: "article", Quote: "officials claimed that the North had sent weapons to Moscow", Start: -1, End: -1}}},
			{ID: "car-gift", Date: d("../2024-02-20"), Title: "Putin gives Kim a Russian-made car 🚗🎁",
				Summary: "KCNA reported the gift. " + strings.Repeat("The gift is likely to violate sanctions. ", 12),
				Actors:  []timeline.ActorRef{{Actor: "putin", Role: "giver"}, {Actor: "kim", Role: "recipient"}},
				Citations: []timeline.Citation{
					{Source: "article", Quote: "Kim Jong-un was gifted a Russian-made car by Vladimir Putin", Start: -1, End: -1},
					{Source: "article", Quote: "a sentence that the article does not contain", Start: -1, End: -1},
				}},
			{ID: "yoon", Date: d("2024-02-21"), Title: "윤석열 대통령: 제재 위반 — 习近平 silent 🔎👨‍👩‍👧",
				Actors:    []timeline.ActorRef{{Actor: "yoon", Role: "대통령"}, {Actor: "xi"}},
				Citations: []timeline.Citation{{Source: "article", Quote: "윤석열 대통령은 제재 위반이라고 말했다.", Start: -1, End: -1}}},
			{ID: "tourists", Date: d("2025"), Status: timeline.StatusExpected, Title: "A second group of Russian tourists ❤️ visits",
				Actors: []timeline.ActorRef{{Actor: "putin"}}},
			{ID: "model", Title: "Vehicle model is not specified",
				Citations: []timeline.Citation{{Source: "article", Quote: "The car 🚗 arrived", Start: -1, End: -1}}},
		},
	}
}

// bigDataset has n events over many years with CJK titles, for benchmarks
// and scrolling tests; actors a and b are in every event, c in every tenth.
func bigDataset(n int) *timeline.Dataset {
	ds := &timeline.Dataset{
		Title: "big",
		Actors: []timeline.Actor{{ID: "a", Name: "Alpha", Aliases: []string{"A"}}, {ID: "b", Name: "윤석열"},
			{ID: "c", Name: "Gamma"}},
	}
	ds.Events = make([]timeline.Event, n)
	for i := range ds.Events {
		y := 1000 + i/40
		ds.Events[i] = timeline.Event{
			ID:     fmt.Sprintf("e%d", i),
			Date:   timeline.MustParseDate(fmt.Sprintf("%04d-%02d-%02d", y, 1+i%12, 1+i%28)),
			Title:  fmt.Sprintf("Event %d 事件 🔎 with a long title that needs cutting at narrow widths", i),
			Actors: []timeline.ActorRef{{Actor: "a"}, {Actor: "b"}},
		}
		if i%10 == 0 { // an actor in a tenth of the events, for filter benchmarks
			ds.Events[i].Actors = append(ds.Events[i].Actors, timeline.ActorRef{Actor: "c"})
		}
	}
	return ds
}

// mustTimeline builds a Timeline and fails when timeline.New cannot.
func mustTimeline(tb testing.TB, ds *timeline.Dataset) *timeline.Timeline {
	tb.Helper()
	tl, diags := timeline.New(ds)
	if tl == nil {
		tb.Fatalf("timeline.New returned no Timeline (is it implemented?): %v", diags)
	}
	return tl
}

// loadedFor wraps a dataset as the loader would, with the diagnostics as
// problems at unknown positions.
func loadedFor(tb testing.TB, ds *timeline.Dataset) *data.Loaded {
	tb.Helper()
	tl, diags := timeline.New(ds)
	if tl == nil {
		tb.Fatalf("timeline.New returned no Timeline (is it implemented?): %v", diags)
	}
	l := &data.Loaded{File: "sample.yaml", Dataset: ds, Timeline: tl}
	for _, d := range diags {
		l.Problems = append(l.Problems, data.Problem{File: l.File, Severity: d.Severity, Message: d.String()})
	}
	return l
}

// update sends msgs to m and returns the resulting Model.
func update(tb testing.TB, m *Model, msgs ...tea.Msg) *Model {
	tb.Helper()
	for _, msg := range msgs {
		next, _ := m.Update(msg)
		m = next.(*Model)
	}
	return m
}

// readyModel is a model of the given size that has loaded l.
func readyModel(tb testing.TB, l *data.Loaded, w, h int) *Model {
	tb.Helper()
	m := New(Config{Load: func() *data.Loaded { return l }})
	return update(tb, m, tea.WindowSizeMsg{Width: w, Height: h}, loadedMsg{loaded: l})
}

// runes is a key message of letters, as Bubble Tea delivers a burst.
func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// keyOf is a key message of a special key.
func keyOf(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

// checkFrame fails when view is not exactly h lines of at most w cells.
func checkFrame(tb testing.TB, view string, w, h int) {
	tb.Helper()
	lines := strings.Split(view, "\n")
	if h == 0 {
		if view != "" {
			tb.Fatalf("%d×%d: want an empty frame, got %q", w, h, view)
		}
		return
	}
	if len(lines) != h {
		tb.Fatalf("%d×%d: frame has %d lines, want %d:\n%s", w, h, len(lines), h, view)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			tb.Fatalf("%d×%d: line %d is %d cells wide:\n%q", w, h, i, lw, l)
		}
	}
}

// statusOf returns the status bar line of a ready model's view.
func statusOf(tb testing.TB, m *Model) string {
	tb.Helper()
	lines := strings.Split(m.View(), "\n")
	return strings.TrimRight(lines[len(lines)-1-m.lay.helpLines], " ")
}

func itoa(n int) string { return strconv.Itoa(n) }

// drive sends msgs to m and, after each, runs the commands it returns and
// feeds their messages back, as the program would, before the next msg.
// Spinner ticks and quitting are not followed.
func drive(tb testing.TB, m *Model, msgs ...tea.Msg) *Model {
	tb.Helper()
	for _, msg := range msgs {
		queue := []tea.Msg{msg}
		for len(queue) > 0 {
			next, cmd := m.Update(queue[0])
			m = next.(*Model)
			queue = append(cmdMsgs(cmd), queue[1:]...)
		}
	}
	return m
}

// cmdMsgs runs cmd (and the commands of a batch) and returns the messages
// of ours among the results.
func cmdMsgs(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, cmdMsgs(c)...)
		}
		return out
	case searchResultMsg, citeIndexMsg, eventChosenMsg, searchIndexReadyMsg, loadedMsg,
		copiedMsg, exportedMsg, buildIndexesMsg:
		return []tea.Msg{msg}
	}
	return nil
}

// readyDriven is readyModel with the commands of loading run, so the
// search and citation indexes are in place.
func readyDriven(tb testing.TB, l *data.Loaded, w, h int) *Model {
	tb.Helper()
	m := New(Config{Load: func() *data.Loaded { return l }})
	return drive(tb, m, tea.WindowSizeMsg{Width: w, Height: h}, loadedMsg{loaded: l})
}

// clipboard records what the program sent to the clipboard, instead of
// writing OSC 52 to the test's stdout.
var clipboard struct {
	sync.Mutex
	last string
}

func init() {
	// Not inside tmux, whatever terminal runs the tests; TestCopyInTmux
	// sets it.
	tmuxSetClipboard = func() string { return "" }
	clipboardWrite = func(s string) {
		clipboard.Lock()
		clipboard.last = s
		clipboard.Unlock()
	}
}

// keyTable is a binding table with every binding enabled, for a pane
// tested without the root that would enable them.
func keyTable() *keyMap {
	k := defaultKeyMap()
	return &k
}

// jsonlFile writes ds as a JSON Lines file in a temporary folder and
// returns its path, for the tests of a file opened lazily.
func jsonlFile(tb testing.TB, ds *timeline.Dataset) string {
	tb.Helper()
	b, err := jsonl.Marshal(ds)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "big.jsonl")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}
