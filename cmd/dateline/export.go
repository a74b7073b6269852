package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"dateline/data"
	"dateline/data/atomicfile"
	"dateline/data/export"
	"dateline/timeline"
)

// exportOptions are the flags of `dateline export`. --to names the format,
// so the end of the date filter is --until (list's --to).
type exportOptions struct {
	to          string
	out         string
	force       bool
	actors      []string
	allActors   bool
	from, until string
	statuses    []string
	grep        string
}

func (a *app) newExportCmd() *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export [FILE] --to FORMAT -o OUT",
		Short: "Write the chronology for TimelineJS, a spreadsheet, a document or a script",
		Long: `Write the events of FILE (or of the built-in dataset) to OUT in one of these
formats:

  timelinejs   Knight Lab TimelineJS JSON: quotes and sources in the slide
               text, EDTF qualifiers and open ends in display_date
  sheets-csv   the TimelineJS Google Sheets template, as CSV
  markdown     a readable chronology, quotes as footnotes, sources at the end
  json         dateline's own format (a lossless copy of the whole dataset)

The filters of "dateline list" select what to export; --until ends the date
range, since --to names the format. TimelineJS cannot place undated events,
so timelinejs and sheets-csv leave them out and say so.

dateline never replaces an existing OUT unless given --force, and never writes
onto FILE itself. "-o -" writes to standard output.`,
		Example: `  dateline export --to markdown -o chronology.md
  dateline export events.yaml --to timelinejs -o timeline.json
  dateline export events.yaml --to sheets-csv -o sheet.csv --actor putin
  dateline export --to json -o - --from 2023 --until 2024 | jq .events`,
		Args:              maxArgs(1),
		ValidArgsFunction: fileCompletion(1, datasetExts),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.export(args, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.to, "to", "", "the `FORMAT`: "+strings.Join(data.ExportFormats, ", "))
	f.StringVarP(&opts.out, "output", "o", "", "write to `OUT` (- for standard output)")
	f.BoolVar(&opts.force, "force", false, "replace OUT if it exists")
	f.StringArrayVar(&opts.actors, "actor", nil, "only events with this actor (`NAME`, id or alias; repeatable: any of them)")
	f.BoolVar(&opts.allActors, "all-actors", false, "with several --actor, only events with all of them")
	f.StringVar(&opts.from, "from", "", "only events on or after this `EDTF` date")
	f.StringVar(&opts.until, "until", "", "only events on or before this `EDTF` date")
	f.StringSliceVar(&opts.statuses, "status", nil, "only events with this `STATUS` (repeatable or comma-separated)")
	f.StringVar(&opts.grep, "grep", "", "only events whose title, summary, quotes or actor names contain `TEXT`")
	completeWords(cmd, "to", data.ExportFormats...)
	_ = cmd.RegisterFlagCompletionFunc("actor", completeActors)
	return cmd
}

// export writes the selected events of the dataset named by args.
func (a *app) export(args []string, opts exportOptions) error {
	switch {
	case opts.to == "":
		return usagef("--to is required: want %s", strings.Join(data.ExportFormats, ", "))
	case opts.out == "":
		return usagef("-o OUT is required (- for standard output)")
	}
	if err := oneOf("--to", opts.to, data.ExportFormats...); err != nil {
		return err
	}
	filter, err := opts.filter()
	if err != nil {
		return err
	}
	if opts.out != "-" && len(args) == 1 && atomicfile.SameFile(args[0], opts.out) {
		return fmt.Errorf("will not write %s: it is the input file", opts.out)
	}
	l, err := a.load(args)
	if err != nil {
		return err
	}
	if filter.Actors, err = lookupActors(l.Timeline, opts.actors); err != nil {
		return err
	}
	idx := l.Timeline.Apply(filter, nil)
	write := func(w io.Writer) error { return data.Export(w, l, idx, opts.to) }
	if opts.out == "-" {
		// On standard output JSON gets the report's treatment (WriteJSON):
		// raw DEL and C1 controls become \u escapes, which mean the same.
		// Markdown and CSV escape theirs in any case.
		out := a.stdout
		if opts.to == "json" || opts.to == "timelinejs" {
			vw := visibleJSON(out)
			defer vw.Flush()
			out = vw
		}
		err = write(out)
	} else {
		err = atomicfile.WriteFileFunc(opts.out, opts.force, write)
	}
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists; add --force to replace it", opts.out)
	}
	if err != nil {
		return err
	}
	if n := export.Undated(l, idx); n > 0 && (opts.to == data.FormatTimelineJS || opts.to == data.FormatSheetsCSV) {
		fmt.Fprintf(a.stderr, "dateline: export: left out %s: TimelineJS cannot place an event without a date\n", timeline.Plural(n, "undated event"))
	}
	return nil
}

// filter builds the Filter of every flag but --actor, reusing list's checks.
func (o exportOptions) filter() (timeline.Filter, error) {
	lo := listOptions{actors: o.actors, allActors: o.allActors, statuses: o.statuses, grep: o.grep}
	f, err := lo.filter()
	if err != nil {
		return f, err
	}
	f.Dates, err = dateRange(o.from, o.until, "--until")
	return f, err
}
