package main_test

// End-to-end tests of loading a big JSON Lines file: the progress bar,
// quitting while it loads, and browsing once it is in.

import (
	"bufio"
	"dateline/data/jsonl"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// bigJSONL is a JSON Lines dataset of n events written once per test run.
var bigJSONL struct {
	once sync.Once
	path string
	err  error
}

// bigEvents is the size of the generated file: large enough (about 60 MB)
// that loading it takes a visible while, small enough to write in a second.
const bigEvents = 300_000

// writeBigJSONL writes a dataset of n dated, cited events in JSON Lines.
func writeBigJSONL(path string, n int) error { return writeBigJSONLWith(path, n, nil) }

// writeBigJSONLWith is writeBigJSONL with each event's actor id, "a" or
// "b", given to actorOf when not nil, which may change it.
func writeBigJSONLWith(path string, n int, actorOf func(i int, id string) string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, `{"dateline":1,"title":"Big","sources":[{"id":"s","title":"Register","text":"alpha beta gamma delta"}],`+
		`"actors":[{"id":"a","name":"Alder","kind":"person"},{"id":"b","name":"Birch","kind":"person"}]}`)
	for i := range n {
		actor := "a"
		if i%7 == 0 {
			actor = "b"
		}
		if actorOf != nil {
			actor = actorOf(i, actor)
		}
		fmt.Fprintf(w, `{"id":"e%07d","date":"%04d-%02d-%02d","title":"Event %d of the register, with a title long enough to look real","summary":"Summary of event %d: what happened, where, and who said so in the register.","actors":["%s"],"citations":[{"source":"s","quote":"beta gamma"}]}`+"\n",
			i, 1000+i/3000, 1+i%12, 1+i%28, i, i, actor)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// bigFile returns the generated dataset's path.
func bigFile(t *testing.T) string {
	t.Helper()
	bigJSONL.once.Do(func() {
		dir, err := os.MkdirTemp("", "dateline-big-")
		if err != nil {
			bigJSONL.err = err
			return
		}
		bigJSONL.path = filepath.Join(dir, "big.jsonl")
		bigJSONL.err = writeBigJSONL(bigJSONL.path, bigEvents)
	})
	if bigJSONL.err != nil {
		t.Fatal(bigJSONL.err)
	}
	return bigJSONL.path
}

// TestE2EBigFileProgress opens a big file, which the viewer reads on disk
// (data.OpenJSONLines): the timeline is browsable at once, the status bar
// says the events are being checked until they are, and search answers.
func TestE2EBigFileProgress(t *testing.T) {
	requireTmux(t)
	file := bigFile(t)
	s := startE2E(t, e2eOptions{args: []string{file}})
	bar := func(p int) string { return fmt.Sprintf("#%d · %d of %d events", p, bigEvents, bigEvents) }
	scr := s.waitFor(bar(1), 60*time.Second)
	if !strings.Contains(scr, "checking") {
		// The check of 300,000 events takes a second or more behind the
		// first screen, which needs only their dates.
		t.Errorf("the first screen does not say the events are being checked:\n%s", scr)
	}
	s.keys("G")
	s.waitFor(bar(bigEvents), e2eWait)
	s.keys("k")
	s.waitFor(bar(bigEvents-1), e2eWait)
	s.keys("/")
	s.text("event 1234 ")
	s.waitFor(`search: "event 1234 " (`, e2eWait)
	s.keys("Enter")
	s.waitGone("enter keep", e2eWait)
	s.waitGone("checking", 60*time.Second)
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
}

// TestE2EQuitWhileLoading quits from the progress bar: the program exits
// at once (the load is abandoned) and restores the terminal.
func TestE2EQuitWhileLoading(t *testing.T) {
	requireTmux(t)
	file := bigJSONFile(t)
	for _, k := range []string{"q", "C-c"} {
		t.Run(k, func(t *testing.T) {
			s := startE2E(t, e2eOptions{args: []string{file}})
			s.waitFor("Loading ", e2eWait)
			start := time.Now()
			s.keys(k)
			code := s.waitExit(e2eWait)
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("quitting while loading took %v", d)
			}
			if code != 0 {
				t.Errorf("exit code %d", code)
			}
			s.checkRestored()
		})
	}
}

// bigJSONFile is the big dataset as one JSON document, which loads whole,
// slowly enough to quit while it loads (a JSON Lines file this big opens
// on disk in a moment).
func bigJSONFile(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(bigFile(t))
	if err != nil {
		t.Fatal(err)
	}
	head, events, _ := strings.Cut(string(src), "\n")
	doc := strings.TrimSuffix(head, "}") + `,"events":[` + strings.ReplaceAll(strings.TrimSuffix(events, "\n"), "\n", ",") + "]}"
	path := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestBigJSONLLoads checks the generator the end-to-end tests rely on: its
// file loads with every event and no problem.
func TestBigJSONLLoads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "small.jsonl")
	if err := writeBigJSONL(path, 50); err != nil {
		t.Fatal(err)
	}
	var last int64
	l := jsonl.Load(path, func(done, _ int64) { last = done })
	if l.Timeline == nil || l.Timeline.Len() != 50 || len(l.Problems) != 0 {
		t.Fatalf("generated file: %v events, problems %v", l.Timeline, l.Problems)
	}
	if fi, _ := os.Stat(path); last != fi.Size() {
		t.Errorf("progress ended at %d of %d bytes", last, fi.Size())
	}
}

// TestE2EBigFileChecked opens a big file with one invalid event (an
// unknown actor): the first screen comes before the check, the check then
// counts the error in the status bar, p lists it, and enter goes to the
// event, shown marked with why.
func TestE2EBigFileChecked(t *testing.T) {
	requireTmux(t)
	const n = 80_000 // about 20 MB: over the size the viewer opens on disk
	path := filepath.Join(t.TempDir(), "checked.jsonl")
	if err := writeBigJSONLWith(path, n, func(i int, id string) string {
		if i == 4321 {
			return "zz"
		}
		return id
	}); err != nil {
		t.Fatal(err)
	}
	s := startE2E(t, e2eOptions{args: []string{path}})
	s.waitFor(fmt.Sprintf("#1 · %d of %d events", n, n), e2eWait)
	s.waitFor("1 error (p lists them)", 60*time.Second)
	s.keys("p")
	scr := s.waitFor(`unknown actor "zz"`, e2eWait)
	if !strings.Contains(scr, "checked.jsonl:") {
		t.Errorf("the problem does not name its file:\n%s", scr)
	}
	s.keys("Enter")
	scr = s.waitFor("Event 4321 of the register", e2eWait)
	if !strings.Contains(scr, "✗") {
		t.Errorf("the invalid event is not marked:\n%s", scr)
	}
	s.keys("/")
	s.text("event 4321 ")
	// Event 4321, and 43210 to 43219, whose summaries have "event 4321…".
	s.waitUntil("11 search hits", e2eWait, func(scr string) bool {
		return strings.Contains(scr, `search: "event 4321 " (`) && strings.Contains(scr, "/11)")
	})
	s.keys("Enter")
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
}
