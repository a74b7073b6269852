package main

import (
	"github.com/spf13/cobra"
)

func (a *app) newActorsCmd() *cobra.Command {
	format := "text"
	cmd := &cobra.Command{
		Use:   "actors [FILE]",
		Short: "Print the actors with their kinds, aliases and event counts",
		Long: `Print the actors of FILE (or of the built-in dataset) in the order the dataset
lists them: id, name, kind (person, organisation, state, group or place), how
many events list them, and the other names the sources use for them.

Any of the names works with "dateline list --actor".`,
		Example: `  dateline actors
  dateline actors events.yaml
  dateline actors --format json | jq -r '.actors[] | select(.events > 0) | .id'`,
		Args:              maxArgs(1),
		ValidArgsFunction: fileCompletion(1, datasetExts),
		RunE: func(_ *cobra.Command, args []string) error {
			if err := oneOf("--format", format, "text", "json"); err != nil {
				return err
			}
			if a.scannable(args) {
				return a.actorsScan(args, format)
			}
			l, err := a.load(args)
			if err != nil {
				return err
			}
			return a.write(format,
				func() error { return WriteActorsText(a.stdout, l.Timeline) },
				func() any { return NewActorsJSON(l.Timeline) })
		},
	}
	formatFlag(cmd, &format)
	return cmd
}
