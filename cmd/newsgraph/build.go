package main

import (
	"fmt"
	"sync"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/resolve"
)

func newBuildCmd(opt *options) *cobra.Command {
	var workers, batch int
	var maxBytes int64
	cmd := &cobra.Command{
		Use:   "build [--db PATH] PATH...",
		Short: "Read articles, extract their facts and write them into the store",
		Long: `Read articles from files, folders (recursively) or - (stdin), extract
entities, relations, quotes and dates, and write them into the store, one
transaction per batch of whole articles. An article already in the store
with the same content is skipped; one whose content changed replaces its
old quads.

A build can be stopped at any moment (Ctrl-C, kill -9, a crash): the store
then holds whole articles only, and running the same build again finishes
the job. Inputs that cannot be read are reported one by one and skipped;
the exit status is then 2.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := newExtractor(opt)
			if err != nil {
				return err
			}
			store, err := graph.Open(opt.db, graph.Options{})
			if err != nil {
				return err
			}
			defer store.Close()
			index, err := loadIndex(store)
			if err != nil {
				return err
			}
			prog := newProgress(cmd.ErrOrStderr(), args)
			quads := 0
			// Whether each article in flight is already in the store (an
			// older version), as Skip found: Sink need not look again.
			var mu sync.Mutex
			stored := map[string]bool{}
			st, err := pipeline.Run(pipeline.Config{
				Paths:     args,
				Reader:    newReader(cmd.ErrOrStderr(), cmd.InOrStdin(), maxBytes),
				Extractor: x,
				Index:     index,
				Workers:   workers,
				Batch:     batch,
				Skip: func(a *newsgraph.Article) (bool, error) {
					h, err := store.ArticleHash(a.ID)
					if err != nil || h == a.Hash() {
						return true, err
					}
					mu.Lock()
					stored[a.ID] = h != ""
					mu.Unlock()
					return false, nil
				},
				Sink: func(docs []*newsgraph.Document) error {
					updates := make([]graph.Update, len(docs))
					mu.Lock()
					for i, d := range docs {
						updates[i] = graph.Update{ArticleID: d.Article.ID, Quads: graph.Quads(d), Replace: stored[d.Article.ID]}
						delete(stored, d.Article.ID)
						quads += len(updates[i].Quads)
					}
					mu.Unlock()
					return store.Write(updates)
				},
				Progress: prog.update,
			})
			prog.done()
			if err != nil {
				return err
			}
			if err := store.Close(); err != nil {
				return err
			}
			fmt.Fprintln(cmd.ErrOrStderr(), summary("built", st, quads, store.Location().String()))
			if st.Problems > 0 {
				return errProblems
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&workers, "workers", 0, "extraction workers (default: one per core)")
	cmd.Flags().IntVar(&batch, "batch", 0, fmt.Sprintf("articles per store transaction (default: from %d, doubling up to %d while writes are slower than extraction)", pipeline.MinBatch, pipeline.MaxBatch))
	cmd.Flags().Int64Var(&maxBytes, "max-article-size", article.DefaultMaxBytes, "largest article accepted, in bytes")
	return cmd
}

// loadIndex fills an entity index with the entities the store knows.
func loadIndex(store *graph.Store) (*resolve.Index, error) {
	ix := resolve.NewIndex()
	known, err := store.Entities()
	if err != nil {
		return nil, err
	}
	for _, e := range known {
		ix.Add(e)
	}
	return ix, nil
}
