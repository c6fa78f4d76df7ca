// Command newsgraph reads news articles and builds a knowledge graph of
// who did what to whom, when, and according to which article, in a Cayley
// store that Gizmo queries and the Cayley web console explore.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

// errProblems marks a run that finished but skipped some inputs.
var errProblems = errors.New("some inputs were skipped")

func main() {
	root := newRoot()
	stopProfiles := startProfiles()
	err := root.Execute()
	stopProfiles()
	if err != nil {
		if !errors.Is(err, errProblems) {
			fmt.Fprintln(os.Stderr, "newsgraph:", err)
			os.Exit(1)
		}
		os.Exit(2)
	}
}

// options shared by the commands.
type options struct {
	db   string // store location
	data string // a folder of data files overriding the embedded ones
}

func newRoot() *cobra.Command {
	opt := &options{}
	root := &cobra.Command{
		Use:   "newsgraph",
		Short: "Build a knowledge graph of people, organizations and events from news articles",
		Long: `newsgraph reads news articles (text, HTML, JSON Lines; gzip or not),
extracts entities, relations, quotes and dates with their evidence, and
stores them as quads in a Cayley graph labelled by article. Query it with
Gizmo on the command line or in the Cayley web console; export it for other
tools.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	def := os.Getenv("NEWSGRAPH_DB")
	if def == "" {
		def = graph.DefaultLocation
	}
	root.PersistentFlags().StringVar(&opt.db, "db", def, "store: bolt:PATH, leveldb:PATH, pebble:PATH, badger:PATH, postgres://..., cockroach://... (env NEWSGRAPH_DB)")
	root.PersistentFlags().StringVar(&opt.data, "data", "", "folder of data files (rules/, gazetteer/, models/) overriding the built-in ones")
	root.AddCommand(
		newBuildCmd(opt),
		newExtractCmd(opt),
		newQueryCmd(opt),
		newExportCmd(opt),
		newImportCmd(opt),
		newRetractCmd(opt),
		newStatsCmd(opt),
		newServeCmd(opt),
		newEvalCmd(opt),
	)
	return root
}
