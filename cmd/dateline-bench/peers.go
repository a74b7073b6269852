package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// -peers FILE: dateline against the programs a person with a big file
// would open instead, each a real process on the same file.
//
// Viewers (dateline, less, fzf, lnav), each started reps times in a
// 120×40 pseudo-terminal, alternating: the wall and CPU time to the first
// screen (the first output that shows the file's events, or dateline's
// status bar), then the query typed as a search, and the time from the
// last key until the screen stops changing (nothing written for quiet);
// the process's peak resident memory (VmHWM) is read then. Command line
// (dateline list --grep, list --actor, validate; rg -c, grep -c, cat):
// wall and CPU time and peak resident memory of the whole process,
// reps times alternating. Tools that are not installed are skipped, and
// the table says so; nothing here is needed by the tests or CI.

// escapes matches the terminal control sequences a screen is drawn with.
var escapes = regexp.MustCompile(`\x1b(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Z]|[=>78DEHMc])`)

// quiet is how long a screen must stay unchanged for a search to be done.
const quiet = 700 * time.Millisecond

// peerTool is one program the viewers' table times.
type peerTool struct {
	name   string
	argv   []string // the file is appended, unless stdin
	stdin  bool     // the file is the program's standard input (fzf)
	marker func(seen []byte) bool
	search string // keys that type the query, %s for it
	quit   string
	// answered, when set, makes the query typed one key at a time, each
	// after the answer to the one before: it reports whether the output
	// since the key holds the answer to the query typed so far.
	answered func(typed string, since []byte) bool
}

// peerRow is a measured viewer or command: medians over its runs.
type peerRow struct {
	name            string
	first, firstCPU time.Duration // viewers: to the first screen
	search          time.Duration // viewers: from the query's last key to a still screen
	key, keyMax     time.Duration // viewers typed key by key: median and most from a key to its answer, after the first
	wall, cpu       time.Duration // commands
	rss             int64         // bytes, peak
	anon            int64         // viewers: bytes, the peak of RssAnon sampled
	runs            int
	note            string
}

// peers runs the -peers mode on file and prints the tables.
func peers(w io.Writer, file, query string, reps int) error {
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	head := make([]byte, 14)
	if f, err := os.Open(file); err == nil {
		io.ReadFull(f, head)
		f.Close()
	}
	dir, err := os.MkdirTemp("", "dateline-peers-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "dateline")
	if err := buildStatic(bin, "./cmd/dateline"); err != nil {
		return err
	}
	// The first screen of a program that shows the file's lines holds the
	// start of its first event line ("events" of a JSON Lines file from
	// the generator: ids e0000000…).
	// Colours may cut the text: they are taken out first.
	// (lnav opens at the end of the file: any event id will do).
	eventID := regexp.MustCompile(`"id"\s*:\s*"?e[0-9]{7}`)
	showsEvents := func(seen []byte) bool { return eventID.Match(escapes.ReplaceAll(seen, nil)) }
	tools := []peerTool{
		{name: "dateline", argv: []string{bin}, marker: statusText.Match, search: "/%s", quit: "\x1b\x1bq"},
		{name: "dateline, key by key", argv: []string{bin}, marker: statusText.Match, search: "/%s", quit: "\x1b\x1bq", answered: searchAnswered},
		{name: "less", argv: []string{"less"}, marker: func(seen []byte) bool { return bytes.Contains(seen, head[:12]) }, search: "/%s\r", quit: "q"},
		{name: "fzf", argv: []string{"fzf"}, stdin: true, marker: showsEvents, search: "%s", quit: "\x1b"},
		{name: "lnav", argv: []string{"lnav"}, marker: showsEvents, search: "/%s\r", quit: "q"},
	}
	var viewers []peerRow
	var present []peerTool
	for _, t := range tools {
		if t.name != "dateline" {
			if _, err := exec.LookPath(t.argv[0]); err != nil {
				viewers = append(viewers, peerRow{name: t.name, note: "not installed: skipped"})
				continue
			}
		}
		present = append(present, t)
	}
	type samples struct {
		first, firstCPU, search []time.Duration
		keys                    []time.Duration
		rss, anon               []int64
		note                    string
	}
	got := make([]samples, len(present))
	for range reps {
		for i, t := range present {
			if got[i].note != "" {
				continue
			}
			r, err := runViewer(t, file, query)
			if err != nil {
				got[i].note = err.Error()
				continue
			}
			got[i].first = append(got[i].first, r.first)
			got[i].firstCPU = append(got[i].firstCPU, r.firstCPU)
			got[i].search = append(got[i].search, r.search)
			got[i].keys = append(got[i].keys, r.keys...)
			got[i].rss = append(got[i].rss, r.rss)
			got[i].anon = append(got[i].anon, r.anon)
		}
	}
	for i, t := range present {
		s := got[i]
		row := peerRow{name: t.name, note: s.note, runs: len(s.first)}
		if row.runs > 0 {
			row.first, row.firstCPU, row.search = median(s.first), median(s.firstCPU), median(s.search)
			row.rss = slices.Sorted(slices.Values(s.rss))[len(s.rss)/2]
			row.anon = slices.Sorted(slices.Values(s.anon))[len(s.anon)/2]
		}
		if len(s.keys) > 0 {
			row.key, row.keyMax = median(s.keys), slices.Max(s.keys)
		}
		viewers = append(viewers, row)
	}

	commands := []struct {
		name string
		argv []string
	}{
		{"dateline list --grep " + query, []string{bin, "list", "--grep", query, file}},
		{"dateline list --grep " + query + " --format json", []string{bin, "list", "--grep", query, "--format", "json", file}},
		{"dateline list --actor a23", []string{bin, "list", "--actor", "a23", file}},
		{"dateline validate", []string{bin, "validate", file}},
		{"rg -c " + query, []string{"rg", "-c", query, file}},
		{"grep -c " + query, []string{"grep", "-c", query, file}},
		{"cat", []string{"cat", file}},
	}
	var cmds []peerRow
	type cmdSamples struct {
		wall, cpu []time.Duration
		rss       []int64
		note      string
	}
	cs := make([]cmdSamples, len(commands))
	for k, c := range commands {
		if _, err := exec.LookPath(c.argv[0]); err != nil {
			cs[k].note = "not installed: skipped"
		}
	}
	for range reps {
		for k, c := range commands {
			if cs[k].note != "" {
				continue
			}
			wall, cpu, rss, err := runCommand(c.argv)
			if err != nil {
				cs[k].note = err.Error()
				continue
			}
			cs[k].wall, cs[k].cpu, cs[k].rss = append(cs[k].wall, wall), append(cs[k].cpu, cpu), append(cs[k].rss, rss)
		}
	}
	for k, c := range commands {
		row := peerRow{name: c.name, note: cs[k].note, runs: len(cs[k].wall)}
		if row.runs > 0 {
			row.wall, row.cpu = median(cs[k].wall), median(cs[k].cpu)
			row.rss = slices.Sorted(slices.Values(cs[k].rss))[len(cs[k].rss)/2]
		}
		cmds = append(cmds, row)
	}
	printPeers(w, file, info.Size(), query, reps, viewers, cmds)
	return nil
}

// viewerRun is one start of a viewer.
type viewerRun struct {
	first, firstCPU, search time.Duration
	keys                    []time.Duration // typed key by key: from each key after the first to its answer
	rss, anon               int64
}

// searchAnswered reports whether dateline's output holds the answer to
// the search typed: its status bar's count for that query (the first
// matches, all of them, or none), not "(…)".
func searchAnswered(typed string, since []byte) bool {
	q, ok := strings.CutPrefix(typed, "/")
	if !ok || q == "" {
		return true // the key that opens the prompt
	}
	want := regexp.MustCompile(regexp.QuoteMeta("search: "+strconv.Quote(q)) + ` \(([0-9]|-|no match)`)
	return want.Match(escapes.ReplaceAll(since, nil))
}

// runViewer starts t on file in a pseudo-terminal, waits for its first
// screen, types the search and waits for the screen to be still.
func runViewer(t peerTool, file, query string) (viewerRun, error) {
	var r viewerRun
	master, slave, err := openPTY(120, 40)
	if err != nil {
		return r, err
	}
	defer master.Close()
	argv := t.argv
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	attr := ctty()
	if t.stdin {
		in, err := os.Open(file)
		if err != nil {
			slave.Close()
			return r, err
		}
		defer in.Close()
		cmd.Stdin = in
		if attr != nil {
			attr.Ctty = 1 // the terminal is its standard output
		}
	} else {
		cmd.Args = append(cmd.Args, file)
	}
	cmd.SysProcAttr = attr
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor")
	start := time.Now()
	if err := cmd.Start(); err != nil {
		slave.Close()
		return r, err
	}
	slave.Close()
	stopSampling := make(chan struct{})
	sampled := make(chan int64, 1)
	go func() { sampled <- sampleAnon(cmd.Process.Pid, stopSampling) }()
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	type chunk struct {
		b   []byte
		at  time.Time
		err error
	}
	reads := make(chan chunk, 256)
	go func() {
		for {
			buf := make([]byte, 64<<10)
			n, err := master.Read(buf)
			reads <- chunk{buf[:n], time.Now(), err}
			if err != nil {
				return
			}
		}
	}()
	var out terminalOutput
	seen := &out.seen
	read := func(c chunk) error {
		if _, err := out.add(master, c.b); err != nil {
			return err
		}
		if c.err != nil {
			return fmt.Errorf("%s stopped: %v; it wrote %q", t.name, c.err, tail(seen.Bytes()))
		}
		return nil
	}
	deadline := time.After(120 * time.Second)
	for !t.marker(seen.Bytes()) {
		select {
		case c := <-reads:
			if err := read(c); err != nil {
				return r, err
			}
		case <-deadline:
			return r, fmt.Errorf("%s: no first screen after 120 s", t.name)
		}
	}
	r.first = time.Since(start)
	if r.firstCPU, err = cpuSoFar(cmd.Process.Pid); err != nil {
		return r, err
	}
	// Let the program settle (fzf goes on reading, dateline indexing)
	// before the search, so that the search time is the search's.
	if err := waitQuiet(reads, read, deadline); err != nil {
		return r, err
	}
	keys := []rune(fmt.Sprintf(t.search, query))
	var typed time.Time // when the last key was sent
	for k, key := range keys {
		if k > 0 && t.answered == nil {
			time.Sleep(20 * time.Millisecond)
		}
		typed = time.Now()
		mark := seen.Len()
		if _, err := master.WriteString(string(key)); err != nil {
			return r, err
		}
		if t.answered == nil {
			continue
		}
		sofar := string(keys[:k+1])
		for !t.answered(sofar, seen.Bytes()[mark:]) {
			select {
			case c := <-reads:
				if err := read(c); err != nil {
					return r, err
				}
			case <-deadline:
				return r, fmt.Errorf("%s: no answer to %q", t.name, sofar)
			}
		}
		if k >= 2 { // after the first key of the query
			r.keys = append(r.keys, time.Since(typed))
		}
	}
	last := typed
	timer := time.NewTimer(quiet)
	for done := false; !done; {
		select {
		case c := <-reads:
			if err := read(c); err != nil {
				return r, err
			}
			if c.at.After(last) {
				last = c.at
			}
			timer.Reset(quiet)
		case <-timer.C:
			done = true
		case <-deadline:
			return r, fmt.Errorf("%s: the screen did not settle after the search", t.name)
		}
	}
	r.search = last.Sub(typed)
	r.rss = peakRSS(cmd.Process.Pid)
	close(stopSampling)
	r.anon = <-sampled
	master.WriteString(t.quit)
	return r, nil
}

// waitQuiet reads until nothing came for quiet.
func waitQuiet[C any](reads <-chan C, read func(C) error, deadline <-chan time.Time) error {
	timer := time.NewTimer(quiet)
	for {
		select {
		case c := <-reads:
			if err := read(c); err != nil {
				return err
			}
			timer.Reset(quiet)
		case <-timer.C:
			return nil
		case <-deadline:
			return fmt.Errorf("the screen did not settle")
		}
	}
}

// sampleAnon reads RssAnon of process pid every 5 ms until stop is
// closed and returns the most it saw, in bytes: the kernel keeps no peak
// of anonymous memory alone.
func sampleAnon(pid int, stop <-chan struct{}) int64 {
	var peak int64
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		peak = max(peak, procStatus(pid, "RssAnon"))
		select {
		case <-stop:
			return peak
		case <-tick.C:
		}
	}
}

// peakRSS is VmHWM of /proc/PID/status, in bytes (0 when unknown).
func peakRSS(pid int) int64 { return procStatus(pid, "VmHWM") }

// procStatus is a field of /proc/PID/status in kB, in bytes (0 when
// unknown).
func procStatus(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// runCommand runs argv with its output thrown away and returns its wall
// and CPU time and peak resident memory (bytes).
func runCommand(argv []string) (wall, cpu time.Duration, rss int64, err error) {
	// Through sh's exec: the peak resident memory of a child the bench
	// forks starts from the bench's own, sh's is a small floor.
	cmd := exec.Command("sh", append([]string{"-c", `exec "$@"`, "sh"}, argv...)...)
	start := time.Now()
	err = cmd.Run() // stdout and stderr go to the null device
	wall = time.Since(start)
	if cmd.ProcessState == nil {
		return 0, 0, 0, err
	}
	if code := cmd.ProcessState.ExitCode(); code != 0 && !(code == 1 && (argv[0] == "grep" || argv[0] == "rg")) {
		return 0, 0, 0, fmt.Errorf("%s: %v", strings.Join(argv, " "), err)
	}
	cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) << 10
	}
	return wall, cpu, rss, nil
}

// printPeers prints the two tables, with ratios to dateline's neighbours.
func printPeers(w io.Writer, file string, size int64, query string, reps int, viewers, cmds []peerRow) {
	fmt.Fprintf(w, "%s: %.0f MB; medians of %d runs, alternating; search %q\n\n", file, float64(size)/1e6, reps, query)
	fmt.Fprintln(w, "| viewer | first screen, wall | CPU to first screen | search, last key to still screen | each key after the first to its answer: median, most | peak resident (VmHWM) | peak anonymous (RssAnon, sampled) | RssAnon × file |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, r := range viewers {
		if r.runs == 0 {
			fmt.Fprintf(w, "| %s | %s | | | | | | |\n", r.name, r.note)
			continue
		}
		keys := "–"
		if r.key > 0 {
			keys = fmt.Sprintf("%s, %s", roundDur(r.key), roundDur(r.keyMax))
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %.2f× |\n", r.name, roundDur(r.first), roundDur(r.firstCPU), roundDur(r.search),
			keys, megabytes(r.rss), megabytes(r.anon), float64(r.anon)/float64(size))
	}
	var rg, cat time.Duration
	for _, r := range cmds {
		switch {
		case strings.HasPrefix(r.name, "rg "):
			rg = r.wall
		case r.name == "cat":
			cat = r.wall
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| command | wall | CPU | peak resident | × file | wall ÷ rg -c | wall ÷ cat |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	ratio := func(a, b time.Duration) string {
		if b <= 0 {
			return "–"
		}
		return fmt.Sprintf("%.1f×", float64(a)/float64(b))
	}
	for _, r := range cmds {
		if r.runs == 0 {
			fmt.Fprintf(w, "| %s | %s | | | | | |\n", r.name, r.note)
			continue
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %.2f× | %s | %s |\n", r.name, roundDur(r.wall), roundDur(r.cpu), megabytes(r.rss),
			float64(r.rss)/float64(size), ratio(r.wall, rg), ratio(r.wall, cat))
	}
}

func roundDur(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(100 * time.Microsecond)
	}
	return d
}

func megabytes(b int64) string { return fmt.Sprintf("%.0f MB", float64(b)/1e6) }
