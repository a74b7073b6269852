package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"dateline/data"
	"dateline/data/atomicfile"
	"dateline/data/fix"
	"dateline/timeline"
)

// fixOptions are the flags of `dateline validate --fix`.
type fixOptions struct {
	fix   bool
	out   string
	force bool
}

// fix validates one dataset as validate does, then writes its fixed copy
// to OUT (see fix.File). The exit status is validate's for OUT, which
// is loaded again to find it.
func (a *app) fix(args []string, o fixOptions, strict bool) error {
	switch {
	case !o.fix && o.out != "":
		return usagef("-o OUT is for --fix; validate alone writes nothing")
	case !o.fix:
		return usagef("--force is for --fix -o OUT")
	case o.out == "":
		return usagef("--fix needs -o OUT: dateline never writes onto the dataset itself")
	case o.out == "-":
		return usagef("--fix writes a file: give -o a file name, not -")
	case len(args) > 1:
		return usagef("--fix takes one FILE, got %d", len(args))
	}
	in := ""
	if len(args) == 1 {
		in = args[0]
		if atomicfile.SameFile(in, o.out) {
			return fmt.Errorf("will not write %s: it is the input file", o.out)
		}
		// Refuse an imported format before validating it; a file that
		// cannot be read is left for the loader to report.
		if _, err := fix.Format(in); errors.Is(err, fix.ErrNotFixable) {
			return &usageError{err}
		}
	}
	// Refuse OUT before the (maybe long) validation and its warnings, so
	// that the refusal is not lost above them. fix.File checks again when it
	// writes, atomically.
	if _, err := os.Lstat(o.out); err == nil && !o.force {
		return fmt.Errorf("%s exists; add --force to replace it", o.out)
	}
	l := loadArgs(args)
	for _, t := range l.TextFiles {
		if atomicfile.SameFile(t, o.out) {
			return fmt.Errorf("will not write %s: it is the text_file of a source in %s", o.out, l.File)
		}
	}
	for _, p := range l.Problems {
		fmt.Fprintln(a.stderr, p)
	}
	fmt.Fprintln(a.stderr, summary(l))
	if l.Timeline == nil || l.Count(timeline.SeverityError) > 0 {
		fmt.Fprintf(a.stderr, "dateline: %s has errors: nothing written to %s\n", l.File, o.out)
		return &exitError{exitData}
	}
	rep, err := fix.File(l, in, o.out, o.force)
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s exists; add --force to replace it", o.out)
	case errors.Is(err, fix.ErrNotFixable):
		return &usageError{err}
	case err != nil:
		return err
	}
	fmt.Fprintln(a.stdout, timeline.VisibleControls(rep.String())) // it names quotes and files
	out := data.LoadFile(o.out)
	if out.Timeline == nil {
		// Not expected: the copy differs from a dataset that loaded only in
		// recorded positions, quotes and checksums. Say so plainly.
		for _, p := range out.Problems {
			fmt.Fprintln(a.stderr, p)
		}
		return &exitError{exitData}
	}
	a.notice([]string{o.out}, out)
	if out.Count(timeline.SeverityCitation) > 0 || (strict && out.Count(timeline.SeverityWarning) > 0) {
		return &exitError{exitData}
	}
	return nil
}
