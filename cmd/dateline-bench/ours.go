package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
	"dateline/tui"
)

// The terminal size every measurement uses.
const (
	width, height = 120, 40
	setupWait     = 3 * time.Minute // for Init's commands, which build the indexes
	keyWait       = time.Minute     // for the commands of one key
)

// ours drives dateline's real TUI through the tea.Model interface, as
// Bubble Tea would: messages in, commands run, View out.
type ours struct {
	m      tea.Model
	loaded *data.Loaded
	total  int
	// how says, per metric, whether it went through keys or, where the
	// TUI lacks the key path, through the domain call plus a View.
	how map[string]string
}

func newOurs(l *data.Loaded) (*ours, error) {
	o := &ours{loaded: l, total: l.Timeline.Len(), how: map[string]string{}}
	o.m = tui.New(tui.Config{Load: func() *data.Loaded { return l }})
	o.m, _ = o.m.Update(tea.WindowSizeMsg{Width: width, Height: height})
	var complete bool
	o.m, _, complete = pump(o.m, o.m.Init(), true, setupWait)
	if !complete {
		return nil, fmt.Errorf("the TUI's start-up commands (load, indexes) did not finish within %v", setupWait)
	}
	o.m.View()
	return o, nil
}

// key sends one key, runs what it asks for and draws the frame; it returns
// the work done.
func (o *ours) key(k string) time.Duration {
	var cmd tea.Cmd
	work := timed(func() { o.m, cmd = o.m.Update(keyMsg(k)) })
	var more time.Duration
	var complete bool
	o.m, more, complete = pump(o.m, cmd, true, keyWait)
	if !complete {
		panic(fmt.Sprintf("the commands of key %q did not finish within %v", k, keyWait))
	}
	return work + more + timed(func() { o.m.View() })
}

// firstView builds a new model on the loaded dataset and draws its first
// frame: New, Init, the load's message, the window size, View. The
// commands that build indexes in the background are not run, as the
// first frame does not wait for them.
func firstView(l *data.Loaded) time.Duration {
	var work time.Duration
	var m tea.Model
	var cmd tea.Cmd
	work += timed(func() {
		m = tui.New(tui.Config{Load: func() *data.Loaded { return l }})
		cmd = m.Init()
	})
	m, more, _ := pump(m, cmd, false, keyWait)
	work += more
	work += timed(func() {
		m, _ = m.Update(tea.WindowSizeMsg{Width: width, Height: height})
		m.View()
	})
	return work
}

// measureAll measures every metric of ours into ms (one entry per name of
// metricNames), in report order, with the actor filter on actor, and
// records how each was measured: the sequence both the default mode and
// -open run.
func (o *ours) measureAll(opt options, ms map[string]*metric, actor *timeline.Actor) {
	ms["first_view"].OursNS = int64(measure(opt.budget, func() time.Duration { return firstView(o.loaded) }))
	d, p, e := o.navigation(opt.budget)
	ms["cursor_down_view"].OursNS, ms["page_down_view"].OursNS, ms["jump_end_view"].OursNS = int64(d), int64(p), int64(e)
	ms["actor_filter"].OursNS = int64(o.actorFilter(opt.budget, actor))
	ms["date_filter"].OursNS = int64(o.dateFilter(opt.budget, opt.dates))
	ms["search_keystroke"].OursNS = int64(o.search(opt.budget, opt.query))
	for name, how := range o.how {
		ms[name].how = how
	}
}

// navigation measures the keys that move the cursor.
func (o *ours) navigation(budget time.Duration) (down, page, end time.Duration) {
	down = measure(budget, func() time.Duration { return o.key("down") })
	page = measure(budget, func() time.Duration { return o.key("pgdown") })
	jumps := 0
	end = measure(budget, func() time.Duration {
		jumps++
		if jumps%2 == 0 {
			return o.key("g")
		}
		return o.key("G")
	})
	o.key("g")
	for _, name := range []string{"cursor_down_view", "page_down_view", "jump_end_view"} {
		o.how[name] = "keys" // the TUI always has them
	}
	return down, page, end
}

// status returns the status bar's "K of N events" count K, or -1.
func (o *ours) shown() int {
	v := o.m.View()
	suffix := " of " + strconv.Itoa(o.total) + " events"
	i := strings.Index(v, suffix)
	if i < 0 {
		return -1
	}
	j := i
	for j > 0 && v[j-1] >= '0' && v[j-1] <= '9' {
		j--
	}
	n, err := strconv.Atoi(v[j:i])
	if err != nil {
		return -1
	}
	return n
}

// actorFilter measures applying an actor filter from the picker: `a`,
// typing the actor's name, then the measured `enter` and frame; esc clears
// the filter for the next run. It checks that the status bar then counts
// the actor's events, and falls back to Timeline.Apply plus a View when it
// does not (a TUI without the picker).
func (o *ours) actorFilter(budget time.Duration, a *timeline.Actor) time.Duration {
	want := o.loaded.Timeline.ActorEventCount(a.ID)
	viaKeys := func() time.Duration {
		o.key("a")
		o.key(a.Name)
		d := o.key("enter")
		if got := o.shown(); got != want {
			panic(fmt.Sprintf("actor filter shows %d events, want %d", got, want))
		}
		o.key("esc")
		return d
	}
	if o.tryKeys("actor_filter", viaKeys) {
		return measure(budget, viaKeys)
	}
	f := timeline.Filter{Actors: []string{a.ID}}
	return o.domain(budget, f)
}

// dateFilter measures a date range typed after `t`, like actorFilter.
func (o *ours) dateFilter(budget time.Duration, expr string) time.Duration {
	d := timeline.MustParseDate(expr)
	want := len(o.loaded.Timeline.Apply(timeline.Filter{Dates: d}, nil))
	viaKeys := func() time.Duration {
		o.key("t")
		o.key("ctrl+u") // the input keeps the last range typed
		o.key(expr)
		took := o.key("enter")
		if got := o.shown(); got != want {
			panic(fmt.Sprintf("date filter shows %d events, want %d", got, want))
		}
		o.key("esc")
		return took
	}
	if o.tryKeys("date_filter", viaKeys) {
		return measure(budget, viaKeys)
	}
	return o.domain(budget, timeline.Filter{Dates: d})
}

// search measures typing a query after `/`, one letter per run: the
// letter's key, the search it starts and the frame with its result. After
// the last letter, esc twice clears the search and the next run starts
// the query again.
func (o *ours) search(budget time.Duration, query string) time.Duration {
	letters := []rune(query)
	pos := 0
	viaKeys := func() time.Duration {
		if pos == 0 {
			o.key("/")
			o.key("ctrl+u") // the input keeps the last query typed
		}
		d := o.key(string(letters[pos]))
		pos++
		if pos == len(letters) {
			if !strings.Contains(o.m.View(), "search") {
				panic("no search in the status bar")
			}
			o.key("esc")
			o.key("esc")
			pos = 0
		}
		return d
	}
	try := func() time.Duration {
		var d time.Duration
		for range letters {
			d += viaKeys()
		}
		return d
	}
	if o.tryKeys("search_keystroke", try) {
		return measure(budget, viaKeys)
	}
	tl := o.loaded.Timeline
	var dst []int
	n := 0
	return measure(budget, func() time.Duration {
		n++
		q := string(letters[:1+n%len(letters)])
		return timed(func() { dst = tl.Search(q, dst); o.m.View() })
	})
}

// tryKeys runs one measurement through keys and reports whether the TUI
// answered as expected; a panic (the check failing) means it did not.
func (o *ours) tryKeys(metric string, f func() time.Duration) (ok bool) {
	defer func() {
		if p := recover(); p != nil {
			o.how[metric] = fmt.Sprintf("domain call + View (keys failed: %v)", p)
			ok = false
			o.key("esc")
			o.key("esc")
		}
	}()
	f()
	o.how[metric] = "keys"
	return true
}

// domain measures Timeline.Apply with f plus a View.
func (o *ours) domain(budget time.Duration, f timeline.Filter) time.Duration {
	var dst []int
	tl := o.loaded.Timeline
	return measure(budget, func() time.Duration {
		return timed(func() { dst = tl.Apply(f, dst); o.m.View() })
	})
}
