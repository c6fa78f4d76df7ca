package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/extract"
)

var (
	testX     *extract.Extractor
	testXErr  error
	testXOnce sync.Once
)

func extractor(t testing.TB) *extract.Extractor {
	t.Helper()
	testXOnce.Do(func() { testX, testXErr = extract.New(extract.Options{}) })
	if testXErr != nil {
		t.Fatal(testXErr)
	}
	return testX
}

// story is a short article of our own, one per index.
func story(i int) string {
	cities := []string{"Lisbon", "Oslo", "Warsaw", "Dublin", "Vienna"}
	return fmt.Sprintf("date 2024-04-%02d\n\nMayor Anna Berg%d of %s opened a new bridge on Monday. "+
		"\"It joins two halves of the city,\" Berg%d said.\n", i%28+1, i, cities[i%len(cities)], i)
}

func TestRunKeepsInputOrderAcrossWorkers(t *testing.T) {
	fsys := fstest.MapFS{}
	const n = 40
	for i := 0; i < n; i++ {
		fsys[fmt.Sprintf("in/%03d.txt", i)] = &fstest.MapFile{Data: []byte(story(i))}
	}
	var got []string
	st, err := Run(Config{
		FS: fsys, Paths: []string{"in"},
		Reader:    &article.Reader{},
		Extractor: extractor(t),
		Workers:   4, Batch: 3,
		Sink: func(docs []*newsgraph.Document) error {
			if len(docs) > 3 {
				t.Errorf("batch of %d documents, want at most 3", len(docs))
			}
			for _, d := range docs {
				got = append(got, d.Article.ID)
				for _, e := range d.Entities {
					if e.ID == "" {
						t.Errorf("%s: entity %q not resolved", d.Article.ID, e.Name)
					}
				}
			}
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != n || st.Files != n || st.Problems != 0 {
		t.Errorf("stats %+v", st)
	}
	for i, id := range got {
		if want := fmt.Sprintf("%03d", i); id != want {
			t.Fatalf("document %d is %s, want %s (input order)", i, id, want)
		}
	}
}

func TestRunSkipsAndCountsProblems(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", story(1))
	write("b.txt", story(2))
	write("empty.txt", "")
	write("bad.jsonl", `{"id":"j1","text":"Mayor Ola Nord of Oslo spoke."}`+"\n{broken\n")
	var problems []string
	var sunk []string
	st, err := Run(Config{
		Paths: []string{dir, filepath.Join(dir, "missing.txt")},
		Reader: &article.Reader{OnProblem: func(p *article.Problem) {
			problems = append(problems, p.Error())
		}},
		Extractor: extractor(t),
		Skip: func(a *newsgraph.Article) (bool, error) {
			return a.ID == "b", nil
		},
		Sink: func(docs []*newsgraph.Document) error {
			for _, d := range docs {
				sunk = append(sunk, d.Article.ID)
			}
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Problems != 3 || len(problems) != 3 {
		t.Errorf("%d problems (%q), want 3", st.Problems, problems)
	}
	if st.Skipped != 1 || st.Articles != 2 {
		t.Errorf("stats %+v, want 1 skipped and 2 articles", st)
	}
	if strings.Join(sunk, ",") != "a,j1" {
		t.Errorf("sunk %v, want a, j1", sunk)
	}
}

// An error from the sink stops the run and is returned; nothing after the
// failed batch is sunk.
func TestRunStopsOnSinkError(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := 0; i < 50; i++ {
		fsys[fmt.Sprintf("in/%03d.txt", i)] = &fstest.MapFile{Data: []byte(story(i))}
	}
	boom := errors.New("disk full")
	calls := 0
	st, err := Run(Config{
		FS: fsys, Paths: []string{"in"}, Reader: &article.Reader{}, Extractor: extractor(t),
		Batch: 4,
		Sink: func(docs []*newsgraph.Document) error {
			calls++
			if calls == 2 {
				return boom
			}
			return nil
		},
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Run: %v, want the sink's error", err)
	}
	if calls != 2 || st.Articles != 4 {
		t.Errorf("sink called %d times, %d articles counted; want 2 and 4", calls, st.Articles)
	}
}

func TestRunStopsOnSkipError(t *testing.T) {
	fsys := fstest.MapFS{"in/a.txt": {Data: []byte(story(1))}}
	boom := errors.New("store gone")
	_, err := Run(Config{
		FS: fsys, Paths: []string{"in"}, Reader: &article.Reader{}, Extractor: extractor(t),
		Skip: func(*newsgraph.Article) (bool, error) { return false, boom },
		Sink: func([]*newsgraph.Document) error { return nil },
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Run: %v, want the skip error", err)
	}
}

func TestAdaptiveBatchGrowsWhileTheSinkIsSlow(t *testing.T) {
	fsys := fstest.MapFS{}
	const n = 400
	for i := 0; i < n; i++ {
		fsys[fmt.Sprintf("in/%03d.txt", i)] = &fstest.MapFile{Data: []byte(story(i))}
	}
	var sizes []int
	next := 0
	_, err := Run(Config{
		FS: fsys, Paths: []string{"in"},
		Reader:    &article.Reader{},
		Extractor: extractor(t),
		Workers:   2,
		Sink: func(docs []*newsgraph.Document) error {
			sizes = append(sizes, len(docs))
			for _, d := range docs {
				if want := fmt.Sprintf("%03d", next); d.Article.ID != want {
					t.Fatalf("document %s out of order, want %s", d.Article.ID, want)
				}
				next++
			}
			time.Sleep(100 * time.Millisecond) // a store slower than extraction
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if next != n {
		t.Fatalf("sink saw %d documents, want %d", next, n)
	}
	if sizes[0] != MinBatch {
		t.Errorf("first batch %d, want %d", sizes[0], MinBatch)
	}
	largest := 0
	for _, s := range sizes {
		if s > MaxBatch {
			t.Errorf("batch of %d, over MaxBatch %d", s, MaxBatch)
		}
		largest = max(largest, s)
	}
	if largest <= MinBatch*2 {
		t.Errorf("batch sizes %v never grew past %d under a slow sink", sizes, MinBatch*2)
	}
}
