package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/data"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/pipeline"
)

// The sample graph: the bundled sample articles (data/articles) built into
// a bolt store once per test run, as `newsgraph build data/articles` does.
var sample struct {
	once  sync.Once
	dir   string
	store *graph.Store
	quads int
	err   error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sample.store != nil {
		sample.store.Close()
	}
	if sample.dir != "" {
		os.RemoveAll(sample.dir)
	}
	os.Exit(code)
}

// sampleStore returns the store of the sample graph, building it on first
// use. Tests may write to it only under IRIs of their own.
func sampleStore(t testing.TB) *graph.Store {
	t.Helper()
	sample.once.Do(func() { sample.err = buildSample() })
	if sample.err != nil {
		t.Fatalf("building the sample graph: %v", sample.err)
	}
	return sample.store
}

func buildSample() error {
	dir, err := os.MkdirTemp("", "newsgraph-serve-test-")
	if err != nil {
		return err
	}
	sample.dir = dir
	store, err := graph.Open("bolt:"+filepath.Join(dir, "sample.db"), graph.Options{})
	if err != nil {
		return err
	}
	sample.store = store
	x, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	st, err := pipeline.Run(pipeline.Config{
		Paths:     []string{"articles"},
		FS:        data.FS,
		Reader:    &article.Reader{},
		Extractor: x,
		Sink: func(docs []*newsgraph.Document) error {
			updates := make([]graph.Update, len(docs))
			for i, d := range docs {
				updates[i] = graph.Update{ArticleID: d.Article.ID, Quads: graph.Quads(d)}
				sample.quads += len(updates[i].Quads)
			}
			return store.Write(updates)
		},
	})
	if err != nil {
		return err
	}
	if st.Articles == 0 || sample.quads == 0 {
		return fmt.Errorf("no articles built (%+v)", st)
	}
	return nil
}
