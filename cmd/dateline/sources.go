package main

import (
	"github.com/spf13/cobra"
)

func (a *app) newSourcesCmd() *cobra.Command {
	format := "text"
	cmd := &cobra.Command{
		Use:   "sources [FILE]",
		Short: "Print the sources that citations quote",
		Long: `Print the sources of FILE (or of the built-in dataset): title, publisher,
dates, address, the size of the text and how many citations quote it.

--format json includes each source's full text; the "start" and "end" of a
citation in "dateline list --format json" are code-point offsets into it.`,
		Example: `  dateline sources
  dateline sources --format json | jq -r '.sources[0].text'`,
		Args:              maxArgs(1),
		ValidArgsFunction: fileCompletion(1, datasetExts),
		RunE: func(_ *cobra.Command, args []string) error {
			if err := oneOf("--format", format, "text", "json"); err != nil {
				return err
			}
			l, err := a.load(args)
			if err != nil {
				return err
			}
			return a.write(format,
				func() error { return WriteSourcesText(a.stdout, l.Timeline) },
				func() any { return NewSourcesJSON(l.Timeline) })
		},
	}
	formatFlag(cmd, &format)
	return cmd
}
