package main

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"dateline/timeline"
)

// listOptions are the flags of `dateline list`.
type listOptions struct {
	actors    []string
	allActors bool
	from, to  string
	statuses  []string
	grep      string
	format    string
	// event is the viewer's --event, when the viewer prints the list
	// instead (stdout not a terminal): an unknown id is still bad usage.
	event string
}

func (a *app) newListCmd() *cobra.Command {
	opts := listOptions{format: "text"}
	cmd := &cobra.Command{
		Use:   "list [FILE]",
		Short: "Print the events in chronological order",
		Long: `Print the events of FILE (or of the built-in dataset) in chronological order,
optionally filtered. Filters combine: an event is shown when it matches all
of them.

Dates are EDTF (ISO 8601-2): 2017, 2023-09, 2024-02-20, 2017~ (about),
2017? (uncertain). --from and --to keep the events whose dates overlap the
interval between them; either may be left out.

--format json writes a document for scripts: {"dataset": {...}, "events": [...]}
with every key always present (null when it has no value).`,
		Example: `  dateline list
  dateline list events.yaml --actor putin
  dateline list --actor "Kim Jong-un" --actor Putin --all-actors
  dateline list --from 2023-09 --to 2024 --status occurred,reported
  dateline list --grep sanctions --format json | jq '.events[].title'`,
		Args:              maxArgs(1),
		ValidArgsFunction: fileCompletion(1, datasetExts),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.list(args, opts)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&opts.actors, "actor", nil, "only events with this actor (`NAME`, id or alias; repeatable: any of them)")
	f.BoolVar(&opts.allActors, "all-actors", false, "with several --actor, only events with all of them")
	f.StringVar(&opts.from, "from", "", "only events on or after this `EDTF` date")
	f.StringVar(&opts.to, "to", "", "only events on or before this `EDTF` date")
	f.StringSliceVar(&opts.statuses, "status", nil, "only events with this `STATUS`: occurred, reported, alleged, expected (repeatable or comma-separated)")
	f.StringVar(&opts.grep, "grep", "", "only events whose title, summary, quotes or actor names contain `TEXT` (any case)")
	formatFlag(cmd, &opts.format)
	_ = cmd.RegisterFlagCompletionFunc("actor", completeActors)
	statuses := make([]string, 0, 4)
	for _, s := range timeline.Statuses() {
		statuses = append(statuses, s.String())
	}
	completeWords(cmd, "status", statuses...)
	return cmd
}

// list prints the events of the dataset named by args that opts selects.
func (a *app) list(args []string, opts listOptions) error {
	if err := oneOf("--format", opts.format, "text", "json"); err != nil {
		return err
	}
	// Check every flag that needs no dataset first, so that bad usage is
	// reported as such even when the file is broken too.
	filter, err := opts.filter()
	if err != nil {
		return err
	}
	if a.scannable(args) && opts.event == "" { // --event needs the events' ids
		return a.listScan(args, opts, filter)
	}
	l, err := a.load(args)
	if err != nil {
		return err
	}
	if opts.event != "" && !hasEvent(l.Timeline, opts.event) {
		return usagef("--event %q: no event has that id", opts.event)
	}
	if filter.Actors, err = lookupActors(l.Timeline, opts.actors); err != nil {
		return err
	}
	idx := l.Timeline.Apply(filter, nil)
	return a.write(opts.format,
		func() error { return WriteEventsText(a.stdout, l, idx) },
		func() any { return NewEventsJSON(l, idx) })
}

// filter builds the Filter for every flag but --actor.
func (o listOptions) filter() (timeline.Filter, error) {
	f := timeline.Filter{AllActors: o.allActors, Text: o.grep}
	if o.allActors && len(o.actors) == 0 {
		return f, usagef("--all-actors needs --actor")
	}
	var err error
	if f.Dates, err = dateRange(o.from, o.to, "--to"); err != nil {
		return f, err
	}
	for _, s := range o.statuses {
		st, err := timeline.ParseStatus(strings.TrimSpace(s))
		if err != nil {
			return f, usagef("--status: %v", err)
		}
		if !slices.Contains(f.Statuses, st) {
			f.Statuses = append(f.Statuses, st)
		}
	}
	return f, nil
}

// dateRange turns --from and the end flag toFlag (list's --to, export's
// --until) into the EDTF interval "FROM/TO", with ".." for the end left
// out; the zero Date when both are empty.
func dateRange(from, to, toFlag string) (timeline.Date, error) {
	if from == "" && to == "" {
		return timeline.Date{}, nil
	}
	ends := []struct{ flag, value string }{{"--from", from}, {toFlag, to}}
	for _, e := range ends {
		if e.value == "" {
			continue
		}
		d, err := timeline.ParseDate(e.value)
		if err != nil {
			return timeline.Date{}, usagef("%s: %v", e.flag, err)
		}
		if d.IsInterval() {
			return timeline.Date{}, usagef("%s %s: want a single date, not an interval", e.flag, e.value)
		}
	}
	interval := cmp.Or(from, "..") + "/" + cmp.Or(to, "..")
	d, err := timeline.ParseDate(interval)
	if err != nil {
		return timeline.Date{}, usagef("--from %s %s %s: %v", from, toFlag, to, err)
	}
	return d, nil
}

// lookupActors resolves each --actor name to an actor id. An unknown or
// ambiguous name is a usage error; the ambiguous one lists the candidates.
func lookupActors(tl *timeline.Timeline, names []string) ([]string, error) {
	var ids []string
	for _, name := range names {
		actor, err := tl.LookupActor(name)
		var amb *timeline.AmbiguousActorError
		switch {
		case errors.As(err, &amb):
			return nil, usagef("--actor: %v", amb)
		case errors.Is(err, timeline.ErrNoActor):
			return nil, usagef("--actor: no actor matches %q (see `dateline actors`)", name)
		case err != nil:
			return nil, usagef("--actor %q: %v", name, err)
		}
		if !slices.Contains(ids, actor.ID) {
			ids = append(ids, actor.ID)
		}
	}
	return ids, nil
}
