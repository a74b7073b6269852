package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/charmbracelet/x/term"

	"dateline/data"
	"dateline/data/jsonl"
	"dateline/timeline"
)

// loadArgs loads FILE, or the embedded dataset when args is empty.
func loadArgs(args []string) *data.Loaded {
	if len(args) == 0 {
		return data.Embedded()
	}
	return loadPausingGC(args[0], func() *data.Loaded { return data.LoadFile(args[0]) })
}

// loadArgsProgress is loadArgs reporting the bytes read of a JSON Lines
// file (named .jsonl) to progress, for the TUI's progress bar. Other files
// load through LoadFile, without progress (a JSON Lines file under another
// name is still streamed by LoadFile, only without the bar).
func loadArgsProgress(args []string, progress func(done, total int64)) *data.Loaded {
	if len(args) == 1 && strings.EqualFold(filepath.Ext(args[0]), ".jsonl") {
		if bigJSONLines(args[0]) {
			return data.OpenJSONLines(args[0], progress)
		}
		return loadPausingGC(args[0], func() *data.Loaded { return jsonl.Load(args[0], progress) })
	}
	return loadArgs(args)
}

// viewerLoad is what the viewer loads: loadArgs, except that a big JSON
// Lines file is opened on disk (data.OpenJSONLines) rather than decoded:
// its first screen needs only each line's date, and its events are
// checked behind it.
func viewerLoad(args []string) *data.Loaded {
	if len(args) == 1 && bigJSONLines(args[0]) {
		return data.OpenJSONLines(args[0], nil)
	}
	return loadArgs(args)
}

// minLazy is the smallest JSON Lines file the viewer opens on disk: about
// 60,000 events, where decoding them all starts to take a visible moment.
// Smaller files load whole, and one Load would refuse is refused.
const minLazy = 16 << 20

// bigJSONLines reports whether path is a JSON Lines file of minLazy bytes
// or more.
func bigJSONLines(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular() && info.Size() >= minLazy &&
		(strings.EqualFold(filepath.Ext(path), ".jsonl") || jsonl.Sniff(path))
}

// load loads the dataset a command works on. A dataset that cannot be used
// has every problem printed and ends the run with exit code 1; one that
// loads with citation errors or warnings gets a one-line notice on stderr.
func (a *app) load(args []string) (*data.Loaded, error) {
	l := loadArgs(args)
	if l.Timeline == nil {
		return nil, a.loadFailed(l)
	}
	a.notice(args, l)
	return l, nil
}

// loadFailed prints every problem of a dataset that did not load.
func (a *app) loadFailed(l *data.Loaded) error {
	if len(l.Problems) == 0 {
		return l.Err() // printed by run, with the "dateline:" prefix
	}
	for _, p := range l.Problems {
		fmt.Fprintln(a.stderr, p)
	}
	return &exitError{exitData}
}

// notice says on stderr, in one line, that a usable dataset has citation
// errors or warnings, and how to see them.
func (a *app) notice(args []string, l *data.Loaded) {
	// Errors only in a big JSON Lines file the viewer opened on disk.
	counts := problemCounts(l, timeline.SeverityError, timeline.SeverityCitation, timeline.SeverityWarning)
	if counts == "" {
		return
	}
	hint := "dateline validate"
	if len(args) > 0 {
		hint += " " + shellQuote(args[0])
	}
	fmt.Fprintf(a.stderr, "dateline: %s: %s (run `%s`)\n", l.File, counts, hint)
}

// problemCounts says how many problems l has of each severity given, e.g.
// "2 citation errors, 1 warning"; "" when none.
func problemCounts(l *data.Loaded, sevs ...timeline.Severity) string {
	var parts []string
	for _, s := range sevs {
		switch n := l.Count(s); n {
		case 0:
		case 1:
			parts = append(parts, "1 "+s.String())
		default:
			parts = append(parts, fmt.Sprintf("%d %ss", n, s))
		}
	}
	return strings.Join(parts, ", ")
}

// shellQuote quotes a path for the hint when the shell would split it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"$`\\*?[]{}()<>|&;#~!") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// lastLoad remembers the dataset the TUI last loaded (it may reload), so that the command can
// report on it after the TUI exits. The TUI loads in a tea.Cmd, on another
// goroutine, and may quit before the load finishes.
type lastLoad struct {
	mu     sync.Mutex
	loaded *data.Loaded
}

// do runs load and remembers its result, unless it failed after one that
// loaded: the TUI keeps showing the dataset when a reload fails.
func (o *lastLoad) do(load func() *data.Loaded) *data.Loaded {
	l := load()
	o.mu.Lock()
	defer o.mu.Unlock()
	if l.Timeline == nil && o.loaded != nil && o.loaded.Timeline != nil {
		return l
	}
	o.loaded = l
	return l
}

// result is the last dataset loaded, or nil.
func (o *lastLoad) result() *data.Loaded {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.loaded
}

// isTerminal reports whether w is a terminal the TUI can draw on.
func isTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}
