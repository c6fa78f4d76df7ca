package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/data"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/pipeline"
)

func newEvalCmd(opt *options) *cobra.Command {
	var goldPath string
	var verbose bool
	var minF1 float64
	cmd := &cobra.Command{
		Use:   "eval [--gold FILE] [PATH...]",
		Short: "Score the extractor against a gold list of facts (precision, recall, F1)",
		Long: `Extract the articles under PATH (or read quads from .nq files) and score
the result against a gold file of facts in JSON Lines ({"id", "s", "p", "o",
"match"}; see data/eval/README.md). With no arguments it scores the bundled
sample articles against their bundled gold.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var gold []eval.Fact
			var err error
			if goldPath == "" {
				if len(args) > 0 {
					return fmt.Errorf("eval: --gold is required with PATH arguments")
				}
				f, err := data.FS.Open("eval/gold.jsonl")
				if err != nil {
					return err
				}
				defer f.Close()
				gold, err = eval.ReadGold(f, "data/eval/gold.jsonl")
				if err != nil {
					return err
				}
			} else {
				f, err := os.Open(goldPath)
				if err != nil {
					return fmt.Errorf("eval: %w", err)
				}
				defer f.Close()
				if gold, err = eval.ReadGold(f, goldPath); err != nil {
					return err
				}
			}
			quads, err := evalQuads(opt, cmd, args)
			if err != nil {
				return err
			}
			res := eval.Score(gold, quads)
			printScore(cmd.OutOrStdout(), res, verbose)
			if res.F1 < minF1 {
				return fmt.Errorf("F1 %.3f is below --min-f1 %.3f", res.F1, minF1)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&goldPath, "gold", "", "gold facts, JSON Lines (default: the bundled gold for the bundled articles)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list missed gold facts and unmatched triples")
	cmd.Flags().Float64Var(&minF1, "min-f1", 0, "fail when F1 is below this")
	return cmd
}

// evalQuads extracts the articles (or reads the quad files) to score.
func evalQuads(opt *options, cmd *cobra.Command, paths []string) ([]quad.Quad, error) {
	var quads []quad.Quad
	var articles []string
	for _, p := range paths {
		if strings.HasSuffix(p, ".nq") || strings.HasSuffix(p, ".nquads") || strings.HasSuffix(p, ".nq.gz") {
			f, err := os.Open(p)
			if err != nil {
				return nil, err
			}
			r, err := decompress(f)
			if err == nil {
				var qs []quad.Quad
				qs, err = quad.ReadAll(quad.FormatByName("nquads").Reader(r))
				quads = append(quads, qs...)
			}
			f.Close()
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", p, err)
			}
			continue
		}
		articles = append(articles, p)
	}
	x, err := newExtractor(opt)
	if err != nil {
		return nil, err
	}
	reader := newReader(cmd.ErrOrStderr(), cmd.InOrStdin(), 0)
	sink := func(docs []*newsgraph.Document) error {
		for _, d := range docs {
			quads = append(quads, graph.Quads(d)...)
		}
		return nil
	}
	if len(paths) == 0 {
		// The bundled sample articles.
		_, err := pipeline.Run(pipeline.Config{Reader: reader, FS: data.FS, Paths: []string{"articles"}, Extractor: x, Sink: sink})
		return quads, err
	}
	if len(articles) > 0 {
		if _, err := pipeline.Run(pipeline.Config{Paths: articles, Reader: reader, Extractor: x, Sink: sink}); err != nil {
			return nil, err
		}
	}
	return quads, nil
}

func printScore(w io.Writer, r eval.Result, verbose bool) {
	if verbose {
		for _, g := range r.Missed {
			fmt.Fprintf(w, "missed   %s: %s %s %s\n", g.ID, g.S[0], strings.Join(g.P, "|"), g.O[0])
		}
		for _, t := range r.Unmatched {
			o := t[2]
			if len(o) > 120 {
				o = o[:117] + "..."
			}
			fmt.Fprintf(w, "unmatched %s %s %s\n", t[0], t[1], o)
		}
	}
	fmt.Fprintf(w, "quads read %d, core triples %d\n", r.Quads, r.Triples)
	fmt.Fprintf(w, "precision %.3f  recall %.3f  (gold found %d of %d)\n", r.Precision, r.Recall, len(r.Found), len(r.Found)+len(r.Missed))
	fmt.Fprintf(w, "F1 %.3f\n", r.F1)
}
