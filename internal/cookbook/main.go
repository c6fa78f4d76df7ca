// Command cookbook builds the sample graph (data/articles) in a temporary
// bolt store and prints the README's Gizmo cookbook: each recipe of
// serve/cookbook with the first results it returns. `make docs` pastes it
// into README.md.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/data"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/resolve"
	"github.com/newsgraph/newsgraph/serve"
)

func main() {
	log.SetFlags(0)
	dir, err := os.MkdirTemp("", "cookbook")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	store, err := graph.Open("bolt:"+filepath.Join(dir, "sample.db"), graph.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close()
	x, err := extract.New(extract.Options{})
	if err != nil {
		log.Fatal(err)
	}
	_, err = pipeline.Run(pipeline.Config{
		FS: data.FS, Paths: []string{"articles"}, Reader: &article.Reader{}, Extractor: x, Index: resolve.NewIndex(),
		Sink: func(docs []*newsgraph.Document) error {
			updates := make([]graph.Update, len(docs))
			for i, d := range docs {
				updates[i] = graph.Update{ArticleID: d.Article.ID, Quads: graph.Quads(d)}
			}
			return store.Write(updates)
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	for i, ex := range serve.Cookbook {
		res, truncated, err := store.Query(context.Background(), ex.Query, graph.QueryOptions{Limit: 3})
		if err != nil {
			log.Fatalf("%s: %v", ex.Title, err)
		}
		fmt.Printf("**%d. %s**\n\n```js\n%s\n```\n\n", i+1, ex.Title, ex.Query)
		fmt.Println("```json")
		enc := json.NewEncoder(os.Stdout)
		enc.SetEscapeHTML(false)
		for _, r := range res {
			if err := enc.Encode(r); err != nil {
				log.Fatal(err)
			}
		}
		if truncated {
			fmt.Println("… (first 3 results)")
		}
		fmt.Println("```")
		fmt.Println()
	}
}
