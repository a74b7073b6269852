package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// maxArgs is cobra.MaximumNArgs whose error is a usage error.
func maxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef("%s takes at most %d FILE argument, got %d: %s",
				cmd.CommandPath(), n, len(args), strings.Join(args, " "))
		}
		return nil
	}
}

// oneOf checks that a flag's value is one of want; the first is the default.
func oneOf(flag, value string, want ...string) error {
	if slices.Contains(want, value) {
		return nil
	}
	var shown []string
	for _, w := range want {
		if w != "" {
			shown = append(shown, w)
		}
	}
	return usagef("%s: want %s, not %q", flag, strings.Join(shown, " or "), value)
}

// completeWords makes shell completion offer words for a flag.
func completeWords(cmd *cobra.Command, flag string, words ...string) {
	// The error is for an unknown flag: a programming error caught by tests.
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(words, cobra.ShellCompDirectiveNoFileComp))
}

// The file name extensions completed for a dataset and for an article
// (isArticle's).
var (
	datasetExts = []cobra.Completion{"yaml", "yml", "json", "jsonl", "csv"}
	articleExts = []cobra.Completion{"txt", "md", "markdown", "html", "htm"}
)

// fileCompletion completes up to n FILE arguments (any number for n < 0)
// with the names of files ending in one of exts.
func fileCompletion(n int, exts ...[]cobra.Completion) cobra.CompletionFunc {
	all := slices.Concat(exts...)
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if n >= 0 && len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return all, cobra.ShellCompDirectiveFilterFileExt
	}
}

// completeActors offers the ids of the actors of the dataset named on the
// command line (or the embedded one), described by their names.
func completeActors(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	l := loadArgs(args)
	if l.Timeline == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, a := range l.Timeline.Actors() {
		out = append(out, cobra.CompletionWithDesc(a.ID, a.Name))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// formatFlag adds --format text|json to cmd.
func formatFlag(cmd *cobra.Command, format *string) {
	cmd.Flags().StringVar(format, "format", "text", "output `text|json`: text for people, JSON for scripts")
	completeWords(cmd, "format", "text", "json")
}

// write encodes a report in the chosen format.
func (a *app) write(format string, text func() error, json func() any) error {
	if format == "json" {
		return WriteJSON(a.stdout, json())
	}
	return text()
}
