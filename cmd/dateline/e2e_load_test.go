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
func writeBigJSONL(path string, n int) error {
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

// TestE2EBigFileProgress loads a big file: the progress bar counts bytes,
// then the timeline is browsable, and search answers.
func TestE2EBigFileProgress(t *testing.T) {
	requireTmux(t)
	file := bigFile(t)
	s := startE2E(t, e2eOptions{args: []string{file}})
	scr := s.waitFor(" MB", e2eWait)
	if !strings.Contains(scr, "Loading "+file+"… (q to quit)") || !strings.Contains(scr, "%") {
		t.Errorf("no progress bar with the file's name while loading:\n%s", scr)
	}
	bar := func(p int) string { return fmt.Sprintf("#%d · %d of %d events", p, bigEvents, bigEvents) }
	s.waitFor(bar(1), 60*time.Second)
	s.keys("G")
	s.waitFor(bar(bigEvents), e2eWait)
	s.keys("k")
	s.waitFor(bar(bigEvents-1), e2eWait)
	s.keys("/")
	s.text("event 1234 ")
	s.waitFor(`search: "event 1234 " (`, e2eWait)
	s.keys("Enter")
	s.waitGone("enter keep", e2eWait)
	if code := s.quitAndWait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	s.checkRestored()
}

// TestE2EQuitWhileLoading quits from the progress bar: the program exits
// at once (the load is abandoned) and restores the terminal.
func TestE2EQuitWhileLoading(t *testing.T) {
	requireTmux(t)
	file := bigFile(t)
	for _, k := range []string{"q", "C-c"} {
		t.Run(k, func(t *testing.T) {
			s := startE2E(t, e2eOptions{args: []string{file}})
			s.waitFor(" MB of ", e2eWait)
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
