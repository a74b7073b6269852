package tui

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/muesli/termenv"
)

// Where y's text goes. OSC 52 asks the terminal to set its clipboard and
// gets no answer, so the status bar can only say what was sent, except
// inside tmux, which handles the sequence itself according to its
// set-clipboard option, and can be asked about it.

// writeOSC52 writes text as one OSC 52 sequence, in one write(2), which
// the tty never interleaves with a frame. Inside tmux it is the plain
// sequence whatever TERM says: termenv wraps it in a DCS for TERM=screen*
// (GNU screen's passthrough), which tmux drops unless allow-passthrough
// is on, while the plain one is what tmux's set-clipboard handles.
func writeOSC52(text string) {
	var opts []termenv.OutputOption
	if os.Getenv("TMUX") != "" {
		opts = append(opts, termenv.WithEnvironment(plainTerm{}))
	}
	termenv.NewOutput(os.Stdout, opts...).Copy(text)
}

// plainTerm is the environment with a TERM that asks for no wrapping.
type plainTerm struct{}

func (plainTerm) Environ() []string { return os.Environ() }

func (plainTerm) Getenv(k string) string {
	if k == "TERM" {
		return "xterm-256color"
	}
	return os.Getenv(k)
}

// tmuxSetClipboard is tmux's set-clipboard option ("on", "external" or
// "off") when dateline runs inside tmux, "" outside it, and "?" when tmux
// did not say. It runs tmux, so it is called in the copy's tea.Cmd, at
// each copy: a user who turns the option on sees the next copy arrive.
// Tests replace it.
var tmuxSetClipboard = func() string {
	if os.Getenv("TMUX") == "" {
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "tmux", "show-options", "-gv", "set-clipboard").Output()
	if err != nil {
		return "?"
	}
	return strings.TrimSpace(string(out))
}

// copyNote is the status bar's account of a copy of chars characters of
// what ("quote", "citation"),
// given tmux's set-clipboard option as tmuxSetClipboard returns it.
func copyNote(what string, chars int, setClipboard string) string {
	n := strconv.Itoa(chars) + " chars"
	switch setClipboard {
	case "":
		return what + " sent to the terminal's clipboard (OSC 52, " + n + ")"
	case "on":
		return what + " copied to tmux's buffer and sent to the terminal's clipboard (" + n + ")"
	case "external", "off":
		// Short enough that the remedy fits a 120-column status bar.
		return what + " not copied: tmux set-clipboard is " + setClipboard + "; run: tmux set -g set-clipboard on"
	}
	return what + " sent through tmux (OSC 52, " + n + "); it arrives only with tmux set -g set-clipboard on"
}
