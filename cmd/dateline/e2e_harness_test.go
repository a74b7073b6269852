package main_test

// The harness for the end-to-end tests in e2e_*_test.go: it runs the real
// dateline binary in a private tmux server and reads the screen back. The
// flows need different arguments, environments and working directories, so
// it takes all three, and it reports the terminal state after exit.
//
// The suite is the external test package main_test: it drives the binary
// from outside, as a user does, and shares no names with package main.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// e2eWait bounds every wait for the screen; a key reaches the screen in
// about 50 ms, so this only matters when something is broken.
const e2eWait = 10 * time.Second

// e2ePoll is how often the screen is captured while waiting (a capture
// costs about 20 ms).
const e2ePoll = 15 * time.Millisecond

// e2eBuild builds the dateline binary once per test run; TestMain removes it.
var e2eBuild struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

// TestMain runs the tests, then removes the binary and the big dataset the
// end-to-end tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if e2eBuild.dir != "" {
		os.RemoveAll(e2eBuild.dir)
	}
	if bigJSONL.path != "" {
		os.RemoveAll(filepath.Dir(bigJSONL.path))
	}
	os.Exit(code)
}

// datelineBinary builds cmd/dateline from the module root, once.
func datelineBinary(t *testing.T) string {
	t.Helper()
	e2eBuild.once.Do(func() {
		out, err := exec.Command("go", "env", "GOMOD").Output()
		if err != nil {
			e2eBuild.err = fmt.Errorf("go env GOMOD: %w", err)
			return
		}
		root := filepath.Dir(strings.TrimSpace(string(out)))
		if e2eBuild.dir, err = os.MkdirTemp("", "dateline-e2e-"); err != nil {
			e2eBuild.err = err
			return
		}
		bin := filepath.Join(e2eBuild.dir, "dateline")
		cmd := exec.Command("go", "build", "-o", bin, "dateline/cmd/dateline")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			e2eBuild.err = fmt.Errorf("go build: %w\n%s", err, out)
			return
		}
		e2eBuild.bin = bin
	})
	if e2eBuild.err != nil {
		t.Fatalf("building dateline: %v", e2eBuild.err)
	}
	return e2eBuild.bin
}

// onCI reports whether the tests run in CI, where a missing tmux is a
// failure rather than a reason to skip.
func onCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "false" && v != "0"
}

// requireTmux returns tmux's path: it skips under -short and without tmux,
// except in CI, where a missing tmux fails the test.
func requireTmux(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: skipped under -short")
	}
	path, err := exec.LookPath("tmux")
	if err != nil {
		if onCI() {
			t.Fatal("tmux is not installed; the end-to-end tests need it in CI: " +
				"apt-get install -y tmux (.ci/run does this)")
		}
		t.Skip("tmux is not installed; skipping the end-to-end test")
	}
	return path
}

// e2eOptions says how to start dateline.
type e2eOptions struct {
	args   []string // dateline's arguments
	env    []string // KEY=VALUE set for dateline, after the defaults
	dir    string   // working directory; a new temporary directory when ""
	width  int      // terminal size; 120×40 when 0
	height int
	// inTmux leaves TMUX as tmux set it in the pane, so that dateline
	// knows it runs inside tmux (the private server) and can ask it.
	inTmux bool
}

// e2eTerm is dateline running in a tmux pane of its own server.
type e2eTerm struct {
	t      *testing.T
	tmux   string
	socket string
	dir    string // holds the exit code and the tty state after exit
	w, h   int
	exited bool
	code   int
}

var e2eSockets atomic.Int64

// e2eTarget is the tmux session (and window and pane) dateline runs in.
const e2eTarget = "dateline"

// e2eDone is the tmux wait-for channel the pane signals when dateline exits.
const e2eDone = "dateline-exited"

// e2eExited is printed in the pane after dateline exits. Once it is on
// screen, tmux has read everything dateline wrote, so the modes it reports
// are the ones dateline left.
const e2eExited = "[dateline exited]"

// startE2E starts dateline in a new private tmux server and returns once
// the pane exists; wait for a sentinel on screen before sending keys.
func startE2E(t *testing.T, o e2eOptions) *e2eTerm {
	t.Helper()
	tmux := requireTmux(t)
	bin := datelineBinary(t)
	if o.width == 0 {
		o.width, o.height = 120, 40
	}
	s := &e2eTerm{
		t:      t,
		tmux:   tmux,
		socket: fmt.Sprintf("dateline-e2e-%d-%d", os.Getpid(), e2eSockets.Add(1)),
		dir:    t.TempDir(),
		w:      o.width,
		h:      o.height,
	}
	if o.dir == "" {
		o.dir = t.TempDir()
	}
	// The pane runs a shell that starts dateline with a known terminal
	// (tmux's own TERM=screen would drop all styling) and none of the
	// variables that change colour or width from the caller's environment
	// (termenv takes any CI variable to mean "not a terminal" and drops
	// all styling), then records the exit code and the tty modes, and
	// signals the exit: tmux alone does not always report a dead pane.
	env := []string{"env", "-u", "NO_COLOR", "-u", "CLICOLOR", "-u", "CLICOLOR_FORCE",
		"-u", "CI", "-u", "LC_ALL", "-u", "LC_CTYPE", "-u", "TMUX",
		"TERM=xterm-256color", "COLORTERM=truecolor", "LANG=C.UTF-8"}
	if i := slices.Index(env, "TMUX"); o.inTmux && i > 0 {
		env = slices.Delete(env, i-1, i+1) // the "-u", "TMUX" pair
	}
	env = append(env, o.env...)
	env = append(env, bin)
	env = append(env, o.args...)
	self := shellJoin(tmux, "-L", s.socket, "-f", "/dev/null")
	// The shell then stays, waiting on a channel nobody signals, so that
	// the pane is not marked dead: tmux hides a dead pane's cursor.
	script := shellJoin(env...) + "; echo $? > " + shellQuote(s.file("exit")) +
		"; stty -a > " + shellQuote(s.file("stty")) + " 2>&1" +
		"; printf '\\r\\n%s\\n' " + shellQuote(e2eExited) +
		"; " + self + " wait-for -S " + e2eDone + "; " + self + " wait-for " + e2eDone + "-never"
	t.Cleanup(func() { _, _ = s.tmuxRun("kill-server") })
	s.mustTmux("new-session", "-d", "-s", e2eTarget, "-x", strconv.Itoa(o.width),
		"-y", strconv.Itoa(o.height), "-c", o.dir, script,
		";", "set-option", "-t", e2eTarget, "remain-on-exit", "on")
	// tmux leaves its socket file behind when the server is killed.
	sock := strings.TrimSpace(s.mustTmux("display", "-p", "#{socket_path}"))
	t.Cleanup(func() { _, _ = s.tmuxRun("kill-server"); os.Remove(sock) })
	return s
}

// file is the path of one of the pane's result files.
func (s *e2eTerm) file(name string) string { return filepath.Join(s.dir, name) }

// tmuxRun runs a tmux command against the private server.
func (s *e2eTerm) tmuxRun(args ...string) (string, error) {
	return s.tmuxContext(context.Background(), args...)
}

func (s *e2eTerm) tmuxContext(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, s.tmux, append([]string{"-L", s.socket, "-f", "/dev/null"}, args...)...)
	cmd.Env = withoutVar(os.Environ(), "TMUX") // never talk to the caller's tmux
	out, err := cmd.Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		err = fmt.Errorf("tmux %s: %w: %s", strings.Join(args, " "), err, ee.Stderr)
	}
	return string(out), err
}

func (s *e2eTerm) mustTmux(args ...string) string {
	s.t.Helper()
	out, err := s.tmuxRun(args...)
	if err != nil {
		s.t.Fatal(err)
	}
	return out
}

// keys presses keys, named as tmux's send-keys names them (j, Enter, Tab,
// BTab, C-d, Escape, PPage…), one send-keys call per key. Escape must be
// sent alone and its effect waited for: followed by another key in the
// same read, the program sees alt+key.
func (s *e2eTerm) keys(keys ...string) {
	s.t.Helper()
	for i, k := range keys {
		if k == "Escape" && i != len(keys)-1 {
			s.t.Fatal("keys: send Escape last and wait for its effect before the next key")
		}
		s.mustTmux("send-keys", "-t", e2eTarget, k)
	}
}

// text types text literally (tmux send-keys -l); it also sends raw escape
// sequences such as mouse reports.
func (s *e2eTerm) text(text string) {
	s.t.Helper()
	s.mustTmux("send-keys", "-t", e2eTarget, "-l", text)
}

// screen is the pane's text, one line per row, without trailing spaces.
func (s *e2eTerm) screen() string {
	s.t.Helper()
	return s.mustTmux("capture-pane", "-p", "-t", e2eTarget)
}

// screenCells is the pane's text with each row's trailing spaces kept, so
// that every row is as wide as the pane.
func (s *e2eTerm) screenCells() string {
	s.t.Helper()
	return s.mustTmux("capture-pane", "-p", "-N", "-t", e2eTarget)
}

// screenANSI is the pane with its colours and attributes as SGR sequences.
func (s *e2eTerm) screenANSI() string {
	s.t.Helper()
	return s.mustTmux("capture-pane", "-p", "-e", "-t", e2eTarget)
}

// waitFor polls the screen until it contains text and returns that screen;
// after timeout it fails, showing the last screen.
func (s *e2eTerm) waitFor(text string, timeout time.Duration) string {
	s.t.Helper()
	return s.waitUntil(fmt.Sprintf("%q on screen", text), timeout,
		func(scr string) bool { return strings.Contains(scr, text) })
}

// waitGone polls the screen until it no longer contains text.
func (s *e2eTerm) waitGone(text string, timeout time.Duration) string {
	s.t.Helper()
	return s.waitUntil(fmt.Sprintf("%q gone from the screen", text), timeout,
		func(scr string) bool { return !strings.Contains(scr, text) })
}

// waitUntil polls the screen until ok accepts it.
func (s *e2eTerm) waitUntil(what string, timeout time.Duration, ok func(screen string) bool) string {
	s.t.Helper()
	return s.poll(s.screen, timeout, func(scr string) error {
		if ok(scr) {
			return nil
		}
		return errors.New("waiting for " + what)
	})
}

// poll captures the screen until check accepts it and returns that
// screen; after timeout it fails with check's last complaint and the screen.
func (s *e2eTerm) poll(capture func() string, timeout time.Duration, check func(screen string) error) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		scr := capture()
		err := check(scr)
		if err == nil {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out after %v: %v; the screen (%d×%d):\n%s", timeout, err, s.w, s.h, scr)
		}
		time.Sleep(e2ePoll)
	}
}

// resize resizes the terminal, which sends dateline SIGWINCH, and checks
// that tmux made the pane that size.
func (s *e2eTerm) resize(w, h int) {
	s.t.Helper()
	s.mustTmux("resize-window", "-t", e2eTarget, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h))
	s.w, s.h = w, h
	got := strings.TrimSpace(s.mustTmux("display", "-p", "-t", e2eTarget, "#{pane_width}x#{pane_height}"))
	if want := fmt.Sprintf("%dx%d", w, h); got != want {
		s.t.Fatalf("tmux made the pane %s, want %s", got, want)
	}
}

// termState is what tmux knows of the pane's terminal modes.
type termState struct {
	altScreen bool // the alternate screen is on
	mouse     bool // some mouse reporting mode is on
	cursor    bool // the cursor is visible
}

// state reads the terminal modes tmux tracks for the pane.
func (s *e2eTerm) state() termState {
	s.t.Helper()
	out := strings.Fields(s.mustTmux("display", "-p", "-t", e2eTarget,
		"#{alternate_on} #{mouse_any_flag} #{cursor_flag}"))
	if len(out) != 3 {
		s.t.Fatalf("tmux display: got %q, want three flags", out)
	}
	return termState{altScreen: out[0] == "1", mouse: out[1] == "1", cursor: out[2] == "1"}
}

// quitAndWait presses q and returns dateline's exit code.
func (s *e2eTerm) quitAndWait() int {
	s.t.Helper()
	s.keys("q")
	return s.waitExit(e2eWait)
}

// waitExit waits for dateline to exit and returns its exit code.
func (s *e2eTerm) waitExit(timeout time.Duration) int {
	s.t.Helper()
	if s.exited {
		return s.code
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	// tmux remembers a signal sent before anyone waits, so this cannot
	// miss an exit that already happened.
	if _, err := s.tmuxContext(ctx, "wait-for", e2eDone); err != nil {
		s.t.Fatalf("dateline did not exit within %v (%v); the screen:\n%s", timeout, err, s.screen())
	}
	s.waitFor(e2eExited, timeout)
	b, err := os.ReadFile(s.file("exit"))
	if err != nil {
		s.t.Fatalf("reading the exit code: %v", err)
	}
	code, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		s.t.Fatalf("exit code file holds %q", b)
	}
	s.exited, s.code = true, code
	return code
}

// checkRestored fails unless dateline, which must have exited, left the
// terminal as it found it: main screen, no mouse reporting, cursor shown,
// and the tty back in canonical mode with echo and signals.
func (s *e2eTerm) checkRestored() {
	s.t.Helper()
	if !s.exited {
		s.t.Fatal("checkRestored before dateline exited")
	}
	if st := s.state(); st.altScreen || st.mouse || !st.cursor {
		s.t.Errorf("terminal not restored after exit: alternate screen %v, mouse %v, cursor visible %v",
			st.altScreen, st.mouse, st.cursor)
	}
	b, err := os.ReadFile(s.file("stty"))
	if err != nil {
		s.t.Fatalf("reading stty -a: %v", err)
	}
	modes := strings.Fields(string(b))
	for _, mode := range []string{"icanon", "echo", "isig"} {
		if !slices.Contains(modes, mode) {
			s.t.Errorf("tty mode %s is off after exit; stty -a:\n%s", mode, b)
		}
	}
}

// statusRE matches the status bar's position and counts.
var statusRE = regexp.MustCompile(`#(\d+) · (\d+) of (\d+) events`)

// status reads "#P · K of N events" from a screen; ok is false when the
// screen has no status bar with a position.
func status(screen string) (pos, shown, total int, ok bool) {
	m := statusRE.FindStringSubmatch(screen)
	if m == nil {
		return 0, 0, 0, false
	}
	pos, _ = strconv.Atoi(m[1])
	shown, _ = strconv.Atoi(m[2])
	total, _ = strconv.Atoi(m[3])
	return pos, shown, total, true
}

func withoutVar(env []string, name string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// shellQuote quotes s for sh.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func shellJoin(args ...string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = shellQuote(a)
	}
	return strings.Join(q, " ")
}

// paneBox is one framed pane as captured from the screen.
type paneBox struct {
	x, y    int      // the top-left corner's cell
	w       int      // outer width
	focused bool     // drawn with the thick border that marks focus
	rows    []string // inner rows, without the side borders
	bottom  string   // the bottom edge, where a pane shows its scroll position
}

// findPane finds the pane whose top edge starts with title on a screen
// captured without colours, by its corner glyph: ┏ when focused, ╭ when not.
func findPane(screen, title string) (paneBox, bool) {
	lines := strings.Split(screen, "\n")
	for y, line := range lines {
		i, focused := strings.Index(line, "┏━ "+title), true
		if i < 0 {
			i, focused = strings.Index(line, "╭─ "+title), false
		}
		if i < 0 {
			continue
		}
		end := strings.IndexAny(line[i:], "┓╮")
		if end < 0 {
			return paneBox{}, false
		}
		b := paneBox{x: ansi.StringWidth(line[:i]), y: y, focused: focused,
			w: ansi.StringWidth(line[i:i+end]) + 1}
		for _, l := range lines[y+1:] {
			edge := ansi.Cut(l, b.x, b.x+b.w)
			if strings.HasPrefix(edge, "┗") || strings.HasPrefix(edge, "╰") {
				b.bottom = edge
				return b, true
			}
			b.rows = append(b.rows, ansi.Cut(l, b.x+1, b.x+b.w-1))
		}
		return paneBox{}, false
	}
	return paneBox{}, false
}

// mustPane is findPane that fails the test when the pane is not on screen.
func (s *e2eTerm) mustPane(screen, title string) paneBox {
	s.t.Helper()
	b, ok := findPane(screen, title)
	if !ok {
		s.t.Fatalf("no %q pane on the screen:\n%s", title, screen)
	}
	return b
}
