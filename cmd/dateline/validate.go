package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"dateline/data"
	"dateline/timeline"
)

func (a *app) newValidateCmd() *cobra.Command {
	strict := false
	cmd := &cobra.Command{
		Use:   "validate [FILE...]",
		Short: "Check datasets and report every problem with its position",
		Long: `Check each FILE (or the built-in dataset) and print every problem on standard
error as FILE:LINE:COL: SEVERITY: message, where SEVERITY is one of

  error           the dataset cannot be used (unknown field, wrong type,
                  duplicate key or id, unknown reference, invalid date)
  citation error  a quote is absent from its source, or ambiguous
  warning         worth a look (an uncited event, a stale offset or checksum)

then one summary line per file on standard output. The exit status is 1 when
any file has an error or a citation error (or, with --strict, a warning),
and 0 otherwise.`,
		Example: `  dateline validate
  dateline validate events.yaml other.json
  dateline validate --strict events.yaml && git commit`,
		ValidArgsFunction: fileCompletion(-1),
		RunE: func(_ *cobra.Command, args []string) error {
			return a.validate(args, strict)
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "fail on warnings too")
	return cmd
}

// validate checks each file (the embedded dataset when there is none).
func (a *app) validate(files []string, strict bool) error {
	var loads []*data.Loaded
	if len(files) == 0 {
		loads = append(loads, data.Embedded())
	}
	for _, f := range files {
		loads = append(loads, data.LoadFile(f))
	}
	failed := false
	for _, l := range loads {
		for _, p := range l.Problems {
			fmt.Fprintln(a.stderr, p)
		}
		bad := l.Timeline == nil || l.Count(timeline.SeverityError) > 0 || l.Count(timeline.SeverityCitation) > 0 ||
			(strict && l.Count(timeline.SeverityWarning) > 0)
		failed = failed || bad
		fmt.Fprintln(a.stdout, summary(l))
	}
	if failed {
		return &exitError{exitData}
	}
	return nil
}

// summary is a file's result in one line, e.g. "f.yaml: ok: 14 events,
// 17 actors, 1 source" or "f.yaml: 2 citation errors, 1 warning: ...".
func summary(l *data.Loaded) string {
	verdict := problemCounts(l, timeline.SeverityError, timeline.SeverityCitation, timeline.SeverityWarning)
	if verdict == "" {
		verdict = "ok"
	}
	if l.Timeline == nil {
		if len(l.Problems) == 0 {
			verdict = "cannot load"
		}
		return l.File + ": " + verdict + " (not loaded)"
	}
	tl := l.Timeline
	return fmt.Sprintf("%s: %s: %s, %s, %s", l.File, verdict,
		count(tl.Len(), "event"), count(len(tl.Actors()), "actor"), count(len(tl.Sources()), "source"))
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
