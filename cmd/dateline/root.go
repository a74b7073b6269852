package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"dateline/data"
	"dateline/timeline"
	"dateline/tui"
)

// Exit codes.
const (
	exitOK    = 0 // success
	exitData  = 1 // errors in the data, an unreadable file, a failed validation
	exitUsage = 2 // bad usage: unknown flag, bad flag value, too many arguments
	// 128+N: the TUI was stopped by signal N (SIGHUP 129, SIGINT 130,
	// SIGTERM 143), after restoring the terminal; see tui.SignalError.
)

// app is one run of dateline and what it talks to. Tests build one with
// fakes for the terminal check and the TUI; main uses run.
type app struct {
	stdin      io.Reader
	stdout     io.Writer
	stderr     io.Writer
	getenv     func(string) string
	isTerminal func(io.Writer) bool   // whether the TUI can draw on w
	runTUI     func(tui.Config) error // starts the TUI; tui.Run outside tests
	started    bool                   // the command's arguments were accepted
	// noScan makes list, actors and validate load JSON Lines files, as
	// the viewer does, instead of scanning them (scan.go): the tests
	// compare the two.
	noScan bool
}

// run executes dateline with args (without the program name) and returns
// the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv,
		isTerminal: isTerminal, runTUI: tui.Run}
	return a.run(args)
}

// run executes the command line and maps its outcome to an exit code. It is
// the one place that prints an error and picks the code.
func (a *app) run(args []string) int {
	// Every message, whatever it quotes, is escaped (issue 17, item 10).
	errOut := visibleText(a.stderr)
	defer errOut.Flush()
	a.stderr = errOut
	root := a.newRootCmd()
	// A nil slice would make cobra read os.Args, which under `go test` are
	// the test binary's flags.
	root.SetArgs(append([]string{}, args...))
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var exit *exitError
	if errors.As(err, &exit) {
		return exit.code
	}
	fmt.Fprintf(a.stderr, "dateline: %v\n", err)
	var usage *usageError
	// Errors cobra raises before our RunE starts (argument checks and the
	// like) are usage errors too.
	if errors.As(err, &usage) || !a.started {
		fmt.Fprintf(a.stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
		return exitUsage
	}
	return exitData
}

// usageError is bad usage of the command line: exit code 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usagef returns a usageError with a formatted message.
func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// exitError ends a run with code after the command has printed its own
// diagnostics; run prints nothing more.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// rootOptions are the flags of the bare `dateline` command.
type rootOptions struct {
	mouse     bool
	theme     string
	color     string
	eventID   string
	watch     bool
	published string
}

func (a *app) newRootCmd() *cobra.Command {
	var opts rootOptions
	root := &cobra.Command{
		Use:   "dateline [FILE|ARTICLE]",
		Short: "Read a chronology of dated, sourced events in the terminal",
		Long: `dateline shows a chronology: dated events, who took part and the verbatim
source quotes behind every claim. With no FILE it opens the dataset built
into dateline (the 2024 report of Putin's car gift to Kim Jong-un).

In a terminal, dateline starts a keyboard-driven viewer. When standard output
is not a terminal, or TERM is "dumb", it prints what "dateline list" prints.

A file named .txt, .md, .markdown, .html or .htm is an ARTICLE: dateline
drafts a chronology from it as "dateline extract" does and shows the draft,
unsaved; the export key (e) saves it as YAML. Any other name is a dataset.`,
		Example: `  dateline                         # the built-in dataset in the viewer
  dateline events.yaml             # your own dataset
  dateline --event car-gift        # start on one event
  dateline --theme light --mouse   # light colours, mouse on
  dateline --watch events.yaml     # reload when the file changes
  dateline article.txt             # draft a chronology from an article, to check and save
  dateline | less                  # piped: the plain list`,
		Args:              maxArgs(1),
		ValidArgsFunction: fileCompletion(1, datasetExts, articleExts), // the viewer opens both
		SilenceUsage:      true,
		SilenceErrors:     true,
		// SuggestionsFor (see unknownCommand) reads this as is; cobra only
		// defaults it to 2 on its own error path.
		SuggestionsMinimumDistance: 2,
		PersistentPreRun:           func(*cobra.Command, []string) { a.started = true },
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runRoot(cmd, args, opts)
		},
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	f := root.Flags()
	f.BoolVar(&opts.mouse, "mouse", false, "turn on the mouse: the wheel scrolls, a click selects")
	f.StringVar(&opts.theme, "theme", "", "colours for a `light|dark` background (default: ask the terminal)")
	f.StringVar(&opts.color, "color", "auto", "use colour: `auto|always|never` (NO_COLOR is honoured)")
	f.StringVar(&opts.eventID, "event", "", "start with the event `ID` selected")
	f.BoolVar(&opts.watch, "watch", false, "reload FILE when it or a source text file it names changes (checked every second), keeping the selection")
	f.StringVar(&opts.published, "published", "", "an ARTICLE's publication date, YYYY-MM-DD, when it does not say (as extract's --published)")
	completeWords(root, "theme", "light", "dark")
	completeWords(root, "color", "auto", "always", "never")
	root.AddCommand(a.newListCmd(), a.newActorsCmd(), a.newSourcesCmd(), a.newValidateCmd())
	root.AddCommand(a.newExportCmd(), a.newCiteCmd(), a.newExtractCmd())
	// cobra's completion command prints its help for a shell it does not
	// know ("completion tcsh") and exits 0; make that a usage error.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					return usagef("no completion for %q: the shells are bash, zsh, fish and powershell", args[0])
				}
				return nil
			}
			c.RunE = func(cmd *cobra.Command, args []string) error {
				return usagef("%s needs a SHELL: bash, zsh, fish or powershell", cmd.CommandPath())
			}
		}
	}
	return root
}

// runRoot starts the TUI, or prints the list when it cannot draw.
func (a *app) runRoot(cmd *cobra.Command, args []string, opts rootOptions) error {
	if err := oneOf("--theme", opts.theme, "", "light", "dark"); err != nil {
		return err
	}
	if err := oneOf("--color", opts.color, "auto", "always", "never"); err != nil {
		return err
	}
	if len(args) == 1 {
		if err := unknownCommand(cmd, args[0]); err != nil {
			return err
		}
	}
	article := len(args) == 1 && isArticle(args[0])
	if opts.published != "" && !article {
		return usagef("--published dates an ARTICLE (.txt, .md, .markdown, .html, .htm), not a dataset")
	}
	if !a.isTerminal(a.stdout) || a.getenv("TERM") == "dumb" {
		if article {
			return a.listDraft(args[0], opts.published)
		}
		return a.list(args, listOptions{format: "text", event: opts.eventID})
	}
	var loads lastLoad
	file := ""
	if len(args) == 1 {
		file = args[0]
	}
	cfg := tui.Config{
		Load: func() *data.Loaded { return loads.do(func() *data.Loaded { return viewerLoad(args) }) },
		LoadProgress: func(progress func(done, total int64)) *data.Loaded {
			return loads.do(func() *data.Loaded { return loadArgsProgress(args, progress) })
		},
		File:    file,
		Watch:   opts.watch,
		Mouse:   opts.mouse,
		Theme:   opts.theme,
		Color:   opts.color,
		EventID: opts.eventID,
	}
	if article {
		v := &articleView{path: args[0], published: opts.published}
		cfg.Load = func() *data.Loaded { return loads.do(v.load) }
		cfg.LoadProgress = nil
		cfg.Draft = &tui.Draft{
			Save: v.save,
			Open: func(path string) *data.Loaded {
				return loads.do(func() *data.Loaded { return loadArgs([]string{path}) })
			},
		}
	}
	err := a.runTUI(cfg)
	// The TUI showed any problem on screen; the alternate screen is gone
	// now, so say it again where it stays visible.
	l := loads.result()
	var sig *tui.SignalError
	if errors.As(err, &sig) {
		return &exitError{sig.ExitCode()} // as a shell reports a killed process
	}
	if err != nil && !(errors.Is(err, tui.ErrLoad) && l != nil) {
		return err
	}
	if l != nil {
		if l.Timeline == nil {
			return a.loadFailed(l)
		}
		a.notice(args, l)
		if opts.eventID != "" {
			if !hasEvent(l.Timeline, opts.eventID) {
				return usagef("--event %q: no event has that id", opts.eventID)
			}
		}
	}
	return nil
}

// unknownCommand turns `dateline lsit` into a usage error with a
// suggestion, rather than "lsit: no such file", when no such file exists.
func unknownCommand(cmd *cobra.Command, arg string) error {
	if _, err := os.Stat(arg); !errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if s := cmd.SuggestionsFor(arg); len(s) > 0 {
		return usagef("unknown command or file %q; did you mean %q?", arg, s[0])
	}
	return nil
}

func hasEvent(tl *timeline.Timeline, id string) bool {
	_, ok := tl.EventIndex(id)
	return ok
}

// listDraft prints the draft of an article as `dateline list` prints a
// dataset: what the viewer would show, for a pipe.
func (a *app) listDraft(path, published string) error {
	l := (&articleView{path: path, published: published}).load()
	if l.Timeline == nil {
		return a.loadFailed(l)
	}
	for _, p := range l.Problems {
		fmt.Fprintln(a.stderr, p)
	}
	return WriteEventsText(a.stdout, l, l.Timeline.Apply(timeline.Filter{}, nil))
}
