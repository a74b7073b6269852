package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"
	"text/tabwriter"

	"dateline/data"
	"dateline/timeline"
)

// openFile times dateline's keys on FILE opened as the viewer opens a big
// JSON Lines file (cmd/dateline's viewerLoad): data.OpenJSONLines, whose
// Timeline is lazy and reads its events from the file, checked behind by
// the TUI. The TUI is driven as in the default mode (newOurs, measureAll),
// once its start-up commands, the check included, are done; the table
// gives each metric's median and how it was measured. With -cpuprofile
// the measurements of the keys are profiled, not the open.
func openFile(o options, stdout, progress io.Writer) error {
	logf := func(format string, args ...any) { fmt.Fprintf(progress, format+"\n", args...) }
	info, err := os.Stat(o.open)
	if err != nil {
		return err
	}
	logf("opening %s (%.1f MB)…", o.open, float64(info.Size())/1e6)
	var l *data.Loaded
	opened := timed(func() { l = data.OpenJSONLines(o.open, nil) })
	if l.Timeline == nil {
		return fmt.Errorf("%s: %v", o.open, l.Err())
	}
	tl := l.Timeline
	if !tl.Lazy() {
		return fmt.Errorf("%s: not opened lazily (not a regular file?)", o.open)
	}
	// The actors' postings and the date lists come after the first screen,
	// in a command of the TUI; timed here on their own.
	indexed := timed(tl.Index)
	logf("starting the TUI (its check of the file included)…")
	var us *ours
	ready := timed(func() { us, err = newOurs(l) })
	if err != nil {
		return err
	}
	if strings.Contains(us.m.View(), "checking") {
		return fmt.Errorf("%s: the status bar still says it is checking once the TUI's commands are done", o.open)
	}
	rssReady := procStatus(os.Getpid(), "RssAnon")
	actor := midActor(tl)
	ms := map[string]*metric{}
	for _, name := range metricNames {
		ms[name] = &metric{Name: name}
	}
	if o.prof != "" {
		f, err := os.Create(o.prof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	logf("measuring dateline…")
	us.measureAll(o, ms, actor)
	if o.prof != "" {
		pprof.StopCPUProfile()
	}

	fmt.Fprintf(stdout, "dateline-bench -open %s: %d events, %.1f MB, 120×40\n", o.open, tl.Len(), float64(info.Size())/1e6)
	fmt.Fprintf(stdout, "opened (data.OpenJSONLines, lazy) in %s; actors and dates indexed behind it in %s; TUI ready, its check behind included, in %s (%s)\n\n",
		dur(int64(opened)), dur(int64(indexed)), dur(int64(ready)), problemsNote(l))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "metric\tdateline\thow\t")
	for _, name := range metricNames {
		m := ms[name]
		how := m.how
		if how == "" {
			how = "new model + View" // first_view: no key
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", m.Name, dur(m.OursNS), how)
	}
	tw.Flush()
	fmt.Fprintln(stdout)
	if rssReady > 0 {
		fmt.Fprintf(stdout, "this process: RssAnon %s once ready, %s at the end; VmHWM %s\n",
			mib(rssReady), mib(procStatus(os.Getpid(), "RssAnon")), mib(procStatus(os.Getpid(), "VmHWM")))
	}
	fmt.Fprintf(stdout, "actor filter: %s (%s, %d events); date filter: %s; search: %q typed one letter at a time\n",
		actor.ID, actor.Name, tl.ActorEventCount(actor.ID), o.dates, o.query)
	fmt.Fprintln(stdout, "each figure is a median of the work a key does (Update, its commands, the frame), timed after the check finished")
	return nil
}

// problemsNote counts the problems the check found, e.g. "no problems".
func problemsNote(l *data.Loaded) string {
	if len(l.Problems) == 0 {
		return "no problems"
	}
	return timeline.Plural(len(l.Problems), "problem")
}

func mib(b int64) string { return fmt.Sprintf("%d MiB", b>>20) }
