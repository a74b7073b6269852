package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// firstFrame is what measureFirstFrame found for one build: medians over
// runs of the real dateline binary started on its embedded dataset in a
// pseudo-terminal.
type firstFrame struct {
	build     string // "dateline", "minimal", or the name of -first-frame-bin
	cpu, wall time.Duration
	exitCPU   time.Duration // CPU time from start to exit, the quit included
	runs      int
	queries   int // terminal queries answered, over all runs
}

// statusText is the status bar of the embedded dataset's first frame:
// "#1 · 13 of 13 events".
var statusText = regexp.MustCompile(`[0-9]+ of [0-9]+ events`)

// measureFirstFrame builds dateline into a temporary folder and runs it
// runs times on its embedded dataset in a 120×40 pseudo-terminal: from
// the start until the status bar of its first frame has been written, then
// `q`. The CPU time is the process's, all threads, from its start until
// the status bar was read (from /proc/PID/task/*/schedstat, which counts
// nanoseconds); exitCPU adds the quit (user and system time at exit, as
// the kernel accounts it). The wall time is up to the first frame. The pseudo-
// terminal answers the queries a terminal answers (background colour,
// cursor position), as one would: a query left unanswered makes the
// program wait for its time-out.
//
// It builds two programs, both static (CGO_ENABLED=0, the build the
// README says to install): dateline, and the minimal Bubble Tea program
// of testdata/minimal, the floor dateline is compared with (the goal is to
// stay within twice its CPU time). The runs alternate between them, so a
// change in the machine's load affects both alike. dateline comes first.
//
// bin, when not empty, is a program to time instead of dateline (an older
// build, for comparison); it must show "N of M events" in its first frame
// and quit on q.
func measureFirstFrame(runs int, bin string) ([]firstFrame, error) {
	type target struct{ build, bin string }
	dir, err := os.MkdirTemp("", "dateline-first-frame-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	targets := []target{{"dateline", filepath.Join(dir, "dateline")}, {"minimal", filepath.Join(dir, "minimal")}}
	if bin != "" {
		targets[0] = target{filepath.Base(bin), bin}
	} else if err := buildStatic(targets[0].bin, "./cmd/dateline"); err != nil {
		return nil, err
	}
	if err := buildStatic(targets[1].bin, "./cmd/dateline-bench/testdata/minimal"); err != nil {
		return nil, err
	}
	cpus := make([][]time.Duration, len(targets))
	walls := make([][]time.Duration, len(targets))
	exits := make([][]time.Duration, len(targets))
	ffs := make([]firstFrame, len(targets))
	for range runs {
		for i, t := range targets {
			r, err := runFirstFrame(t.bin)
			if err != nil {
				return nil, err
			}
			cpus[i], walls[i], exits[i] = append(cpus[i], r.cpu), append(walls[i], r.wall), append(exits[i], r.exitCPU)
			ffs[i].queries += r.queries
		}
	}
	for i, t := range targets {
		ffs[i].build, ffs[i].runs = t.build, runs
		ffs[i].cpu, ffs[i].wall, ffs[i].exitCPU = median(cpus[i]), median(walls[i]), median(exits[i])
	}
	return ffs, nil
}

// buildStatic builds the package at pkg, a path relative to the root of
// this module, to bin with cgo turned off.
func buildStatic(bin, pkg string) error {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	mod := strings.TrimSpace(string(out))
	if err != nil || mod == "" || mod == os.DevNull {
		return fmt.Errorf("first frame: run dateline-bench inside the dateline module, to build dateline (go env GOMOD: %q, %v)", mod, err)
	}
	cmd := exec.Command("go", "build", "-o", bin, pkg)
	cmd.Dir = filepath.Dir(mod)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("first frame: building %s: %v\n%s", pkg, err, out)
	}
	return nil
}

// oneRun is one start of dateline.
type oneRun struct {
	cpu, wall, exitCPU time.Duration
	queries            int
}

// queryReplies are the terminal's answers to the queries termenv sends:
// the background colour (OSC 11; a dark grey) and the cursor position.
var queryReplies = []struct{ query, reply string }{
	{"\x1b]11;?", "\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\"},
	{"\x1b]10;?", "\x1b]10;rgb:e4e4/e4e4/e4e4\x1b\\"},
	{"\x1b[6n", "\x1b[1;1R"},
}

// terminalOutput is what a program wrote to its pseudo-terminal, whose
// queries (queryReplies) it answers as a terminal would.
type terminalOutput struct {
	seen     bytes.Buffer
	answered int // bytes of seen already scanned for queries
}

// add takes b, the program's next output, answers the queries it completes
// on master and returns how many it answered.
func (o *terminalOutput) add(master io.Writer, b []byte) (int, error) {
	o.seen.Write(b)
	n := 0
	for _, q := range queryReplies {
		for k := o.answered; ; {
			i := bytes.Index(o.seen.Bytes()[k:], []byte(q.query))
			if i < 0 {
				break
			}
			k += i + len(q.query)
			n++
			if _, err := io.WriteString(master, q.reply); err != nil {
				return n, err
			}
		}
	}
	o.answered = max(0, o.seen.Len()-8) // a query cut between reads
	return n, nil
}

// runFirstFrame runs bin once in a new pseudo-terminal.
func runFirstFrame(bin string) (oneRun, error) {
	var r oneRun
	master, slave, err := openPTY(120, 40)
	if err != nil {
		return r, err
	}
	defer master.Close()
	cmd := exec.Command(bin)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor")
	cmd.SysProcAttr = ctty()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		slave.Close()
		return r, err
	}
	slave.Close()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	// Read the terminal until the status bar shows, answering queries.
	type chunk struct {
		b   []byte
		err error
	}
	reads := make(chan chunk, 64)
	go func() {
		for {
			buf := make([]byte, 32<<10)
			n, err := master.Read(buf)
			reads <- chunk{buf[:n], err}
			if err != nil {
				return
			}
		}
	}()
	var out terminalOutput
	timeout := time.NewTimer(20 * time.Second)
	defer timeout.Stop()
	framed := false
	for !framed {
		select {
		case c := <-reads:
			n, err := out.add(master, c.b)
			r.queries += n
			if err != nil {
				return r, err
			}
			if statusText.Match(out.seen.Bytes()) {
				r.wall = time.Since(start)
				if r.cpu, err = cpuSoFar(cmd.Process.Pid); err != nil {
					cmd.Process.Kill()
					<-exited
					return r, err
				}
				framed = true
			} else if c.err != nil {
				cmd.Process.Kill()
				<-exited
				return r, fmt.Errorf("first frame: dateline stopped before its first frame: %v; it wrote %q", c.err, tail(out.seen.Bytes()))
			}
		case err := <-exited:
			return r, fmt.Errorf("first frame: dateline exited before its first frame (%v); it wrote %q", err, tail(out.seen.Bytes()))
		case <-timeout.C:
			cmd.Process.Kill()
			<-exited
			return r, fmt.Errorf("first frame: no status bar after 20 s; dateline wrote %q", tail(out.seen.Bytes()))
		}
	}
	if _, err := master.WriteString("q"); err != nil {
		return r, err
	}
	select {
	case err := <-exited:
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			return r, err
		}
		if !cmd.ProcessState.Success() {
			return r, fmt.Errorf("first frame: dateline exited with %v after q", cmd.ProcessState)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-exited
		return r, errors.New("first frame: dateline did not quit on q within 10 s")
	}
	r.exitCPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return r, nil
}

// cpuSoFar is the CPU time the running process pid has used: the sum over
// its threads of the first field of /proc/PID/task/TID/schedstat
// (nanoseconds on the CPU). A Go program keeps its threads, so none of the
// time is lost with an exited thread.
func cpuSoFar(pid int) (time.Duration, error) {
	stats, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	if err != nil || len(stats) == 0 {
		return 0, fmt.Errorf("first frame: no schedstat for process %d (%v)", pid, err)
	}
	var total time.Duration
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue // the thread has just exited
		}
		var ns int64
		if _, err := fmt.Sscan(string(b), &ns); err != nil {
			return 0, fmt.Errorf("first frame: %s: %v", f, err)
		}
		total += time.Duration(ns)
	}
	return total, nil
}

// tail is the end of what a program wrote, for error messages.
func tail(b []byte) []byte {
	return b[max(0, len(b)-300):]
}
