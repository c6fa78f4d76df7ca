package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

func newStatsCmd(opt *options) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats [--db PATH]",
		Short: "Count articles, entities by type and relations by predicate",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := graph.Open(opt.db, graph.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer store.Close()
			st, err := store.Stats()
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			printStats(cmd.OutOrStdout(), store.Location().String(), st)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the counts as JSON")
	return cmd
}

func printStats(w io.Writer, where string, st graph.Stats) {
	fmt.Fprintf(w, "store      %s\n", where)
	fmt.Fprintf(w, "quads      %d\n", st.Quads)
	fmt.Fprintf(w, "articles   %d\n", st.Articles)
	fmt.Fprintf(w, "statements %d (with evidence)\n", st.Statements)
	total := 0
	for _, n := range st.Entities {
		total += n
	}
	fmt.Fprintf(w, "entities   %d\n", total)
	for _, k := range sortedByCount(st.Entities) {
		fmt.Fprintf(w, "  %-26s %d\n", k, st.Entities[k])
	}
	total = 0
	for _, n := range st.Relations {
		total += n
	}
	fmt.Fprintf(w, "relations  %d\n", total)
	for _, k := range sortedByCount(st.Relations) {
		fmt.Fprintf(w, "  %-26s %d\n", k, st.Relations[k])
	}
}

func sortedByCount(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
