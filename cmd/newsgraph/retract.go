package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

func newRetractCmd(opt *options) *cobra.Command {
	return &cobra.Command{
		Use:   "retract [--db PATH] ARTICLE...",
		Short: "Remove everything the given articles contributed",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := graph.Open(opt.db, graph.Options{})
			if err != nil {
				return err
			}
			defer store.Close()
			for _, id := range args {
				h, err := store.ArticleHash(id)
				if err != nil {
					return err
				}
				if h == "" {
					return fmt.Errorf("retract: no article %q in %s", id, store.Location())
				}
				n, err := store.Retract(id)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "retracted article %s: %d quads removed\n", id, n)
			}
			return store.Close()
		},
	}
}
