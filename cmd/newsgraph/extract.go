package main

import (
	"bufio"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/pipeline"
)

func newExtractCmd(opt *options) *cobra.Command {
	var workers int
	var format string
	var maxBytes int64
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Extract facts from articles and print them as quads (no store)",
		Long: `Read articles as build does and print their quads on stdout, N-Quads by
default, with no store. Every quad is labelled with its article's IRI.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f := formatByName(format)
			if f == nil || f.Writer == nil {
				return fmt.Errorf("unknown output format %q (want one of %s)", format, strings.Join(writableFormats(), ", "))
			}
			x, err := newExtractor(opt)
			if err != nil {
				return err
			}
			out := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			w := graph.Portable(f.Writer(out), f.Name)
			quads := 0
			st, err := pipeline.Run(pipeline.Config{
				Paths:     args,
				Reader:    newReader(cmd.ErrOrStderr(), cmd.InOrStdin(), maxBytes),
				Extractor: x,
				Workers:   workers,
				Batch:     pipeline.MinBatch, // writing to stdout does not slow as it goes
				Sink: func(docs []*newsgraph.Document) error {
					for _, d := range docs {
						q := graph.Quads(d)
						if _, err := w.WriteQuads(q); err != nil {
							return err
						}
						quads += len(q)
					}
					return nil
				},
			})
			if err != nil {
				return err
			}
			if err := w.Close(); err != nil {
				return err
			}
			if err := out.Flush(); err != nil {
				return err
			}
			fmt.Fprintln(cmd.ErrOrStderr(), summary("extracted", st, quads, ""))
			if st.Problems > 0 {
				return errProblems
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&workers, "workers", 0, "extraction workers (default: one per core)")
	cmd.Flags().StringVar(&format, "format", "nquads", "output format: "+strings.Join(writableFormats(), ", "))
	cmd.Flags().Int64Var(&maxBytes, "max-article-size", article.DefaultMaxBytes, "largest article accepted, in bytes")
	return cmd
}

// writableFormats lists the quad formats that can be written.
func writableFormats() []string {
	var out []string
	for _, f := range quad.Formats() {
		if f.Writer != nil {
			out = append(out, f.Name)
			if f.Name == "graphviz" {
				out = append(out, "dot")
			}
		}
	}
	sort.Strings(out)
	return out
}
