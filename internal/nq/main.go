// Command nq extracts articles to N-Quads on stdout, like `newsgraph
// extract`, without the rest of the command line: a development aid.
package main

import (
	"bufio"
	"log"
	"os"

	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/pipeline"
)

func main() {
	x, err := extract.New(extract.Options{})
	if err != nil {
		log.Fatal(err)
	}
	out := bufio.NewWriter(os.Stdout)
	w := nquads.NewWriter(out)
	_, err = pipeline.Run(pipeline.Config{
		Paths: os.Args[1:], Reader: &article.Reader{}, Extractor: x,
		Sink: func(docs []*newsgraph.Document) error {
			for _, d := range docs {
				if _, err := w.WriteQuads(graph.Quads(d)); err != nil {
					return err
				}
			}
			return nil
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	w.Close()
	out.Flush()
}
