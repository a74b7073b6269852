package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"dateline/data"
	"dateline/timeline"
)

func (a *app) newValidateCmd() *cobra.Command {
	strict := false
	var fix fixOptions
	cmd := &cobra.Command{
		Use:   "validate [FILE...]",
		Short: "Check datasets and report every problem with its position",
		Long: `Check each FILE (or the built-in dataset) and print every problem on standard
error as FILE:LINE:COL: SEVERITY: message, where SEVERITY is one of

  error           the dataset cannot be used (unknown field, wrong type,
                  duplicate key or id, unknown reference, invalid date)
  citation error  a quote is absent from its source, or ambiguous
  warning         worth a look (an uncited event, a stale offset or checksum)

then one summary line per file, also on standard error. The exit status is 1 when
any file has an error or a citation error (or, with --strict, a warning),
and 0 otherwise.

With --fix -o OUT, validate one FILE (or the built-in dataset) and write a
fixed copy of it to OUT, in FILE's format (YAML, JSON or JSON Lines):
every citation that resolved records its position (start, end); a citation
whose source text changed and that was found again by a fuzzy match quotes
the text as it now reads; one that matched only after normalising quotation
marks, dashes, spaces or accents is written in the source's characters; every source records the sha256 of its text
(one with orphaned citations keeps its old checksum, so that they stay
orphans). Orphaned and unresolved citations are kept as they were. FILE itself is
never written, and OUT is not replaced unless given --force. The exit
status is then the one validate gives for OUT.`,
		Example: `  dateline validate
  dateline validate events.yaml other.json
  dateline validate --strict events.yaml && git commit
  dateline validate --fix events.yaml -o events.fixed.yaml`,
		ValidArgsFunction: fileCompletion(-1, datasetExts),
		RunE: func(_ *cobra.Command, args []string) error {
			if fix.fix || fix.out != "" || fix.force {
				return a.fix(args, fix, strict)
			}
			return a.validate(args, strict)
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "fail on warnings too")
	cmd.Flags().BoolVar(&fix.fix, "fix", false, "write a copy with positions, re-anchored and verbatim quotes and checksums recorded (needs -o)")
	cmd.Flags().StringVarP(&fix.out, "output", "o", "", "with --fix, write the copy to `OUT`")
	cmd.Flags().BoolVar(&fix.force, "force", false, "with --fix, replace OUT if it exists")
	return cmd
}

// validate checks each file (the embedded dataset when there is none).
// A JSON Lines file is scanned, not loaded (see scan.go).
func (a *app) validate(files []string, strict bool) error {
	type checked struct {
		l      *data.Loaded
		counts fileCounts
	}
	var all []checked
	if len(files) == 0 {
		l := data.Embedded()
		all = append(all, checked{l, timelineCounts(l)})
	}
	for _, f := range files {
		if a.scannable([]string{f}) {
			l, counts := validateScan(f)
			all = append(all, checked{l, counts})
			continue
		}
		l := data.LoadFile(f)
		all = append(all, checked{l, timelineCounts(l)})
	}
	failed := false
	for _, c := range all {
		l := c.l
		for _, p := range l.Problems {
			fmt.Fprintln(a.stderr, p)
		}
		bad := !c.counts.loaded || l.Count(timeline.SeverityError) > 0 || l.Count(timeline.SeverityCitation) > 0 ||
			(strict && l.Count(timeline.SeverityWarning) > 0)
		failed = failed || bad
		fmt.Fprintln(a.stderr, summaryOf(l, c.counts))
	}
	if failed {
		return &exitError{exitData}
	}
	return nil
}

// fileCounts is what a file's summary says besides its problems: whether
// it loaded, and then how many events, actors and sources it has.
type fileCounts struct {
	loaded                  bool
	events, actors, sources int
}

// timelineCounts are the counts of a loaded dataset.
func timelineCounts(l *data.Loaded) fileCounts {
	tl := l.Timeline
	if tl == nil {
		return fileCounts{}
	}
	return fileCounts{loaded: true, events: tl.Len(), actors: len(tl.Actors()), sources: len(tl.Sources())}
}

// summary is a file's result in one line, e.g. "f.yaml: ok: 14 events,
// 17 actors, 1 source" or "f.yaml: 2 citation errors, 1 warning: ...".
func summary(l *data.Loaded) string { return summaryOf(l, timelineCounts(l)) }

// summaryOf is summary for the problems of l and counts.
func summaryOf(l *data.Loaded, counts fileCounts) string {
	verdict := problemCounts(l, timeline.SeverityError, timeline.SeverityCitation, timeline.SeverityWarning)
	if verdict == "" {
		verdict = "ok"
	}
	if !counts.loaded {
		if len(l.Problems) == 0 {
			verdict = "cannot load"
		}
		return l.File + ": " + verdict + " (not loaded)"
	}
	return fmt.Sprintf("%s: %s: %s, %s, %s", l.File, verdict,
		timeline.Plural(counts.events, "event"), timeline.Plural(counts.actors, "actor"), timeline.Plural(counts.sources, "source"))
}
