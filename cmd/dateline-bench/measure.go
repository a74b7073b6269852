package main

import (
	"runtime"
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// measure runs op until budget is spent and at least five times, or for
// three times the budget when runs are that slow, at most 1001 times, and
// returns the median of the durations op reports: op times only its
// measured part, so it can set up and tidy up around it.
func measure(budget time.Duration, op func() time.Duration) time.Duration {
	return measureN(5, budget, op)
}

// measureN is measure with at least minReps runs.
func measureN(minReps int, budget time.Duration, op func() time.Duration) time.Duration {
	const maxReps = 1001
	var ds []time.Duration
	start := time.Now()
	for len(ds) < maxReps {
		ds = append(ds, op())
		if spent := time.Since(start); spent >= budget && (len(ds) >= minReps || spent >= 3*budget) {
			break
		}
	}
	return median(ds)
}

// median sorts d and returns its middle value.
func median(d []time.Duration) time.Duration {
	slices.Sort(d)
	return d[len(d)/2]
}

// timed runs f and returns how long it took.
func timed(f func()) time.Duration {
	t := time.Now()
	f()
	return time.Since(t)
}

// heapAfterGC is the heap in use once the garbage is collected.
func heapAfterGC() uint64 {
	runtime.GC()
	runtime.GC() // a second cycle frees what the first one's finalizers released
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// cmdResult is what one command returned and how long it ran.
type cmdResult struct {
	msg  tea.Msg
	took time.Duration
}

// pump runs cmd the way a Bubble Tea program would, each command in a
// goroutine of its own, feeding the messages back to m, and when follow
// is set, running the commands those updates return too. It returns the
// model and the work done: the time spent in Update and in the commands,
// not the time spent waiting. Spinner ticks (commands that sleep before
// they answer) are dropped, which ends their chain; commands still running
// when wait has passed are abandoned, and complete is then false.
func pump(m tea.Model, cmd tea.Cmd, follow bool, wait time.Duration) (_ tea.Model, work time.Duration, complete bool) {
	results := make(chan cmdResult, 256)
	pending := 0
	launch := func(c tea.Cmd) {
		if c == nil {
			return
		}
		pending++
		go func() {
			t := time.Now()
			msg := c()
			select {
			case results <- cmdResult{msg, time.Since(t)}:
			default: // the pump has given up on this one
			}
		}()
	}
	launch(cmd)
	deadline := time.NewTimer(wait)
	defer deadline.Stop()
	for pending > 0 {
		select {
		case r := <-results:
			pending--
			switch msg := r.msg.(type) {
			case nil:
				work += r.took
			case tea.BatchMsg:
				work += r.took
				for _, c := range msg {
					launch(c)
				}
			case spinner.TickMsg:
			default:
				work += r.took
				var next tea.Cmd
				work += timed(func() { m, next = m.Update(msg) })
				if follow {
					launch(next)
				}
			}
		case <-deadline.C:
			return m, work, false
		}
	}
	return m, work, true
}

// keyMsg is the key message for a key name: "down", "pgdown", "enter",
// "esc", "ctrl+u", or text typed at once.
func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}
