package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

func newExportCmd(opt *options) *cobra.Command {
	var format, articleID string
	cmd := &cobra.Command{
		Use:   "export [--db PATH] --format nquads|jsonld|json|pquads|graphml|gml|dot [--article ID]",
		Short: "Write the whole graph, or one article's quads, to stdout",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f := formatByName(format)
			if f == nil || f.Writer == nil {
				return fmt.Errorf("unknown export format %q (want one of %s)", format, strings.Join(writableFormats(), ", "))
			}
			store, err := graph.Open(opt.db, graph.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer store.Close()
			out := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			w := graph.Portable(f.Writer(out), f.Name)
			n, err := store.Export(w, articleID)
			if err != nil {
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
			if err := out.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "exported %d quads as %s\n", n, f.Name)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "nquads", "output format: "+strings.Join(writableFormats(), ", "))
	cmd.Flags().StringVar(&articleID, "article", "", "export only this article's quads")
	return cmd
}
