package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/schema"
)

// kvBackends are the embedded key-value backends newsgraph offers.
var kvBackends = []string{"bolt", "leveldb", "pebble", "badger"}

// corpus is a few hand-made documents sharing entities.
func corpus() []*newsgraph.Document {
	a, b, c := doc("a", "first text"), doc("b", "second text"), doc("c", "third text")
	c.Entities = append(c.Entities, newsgraph.Entity{ID: "ICC", Name: "International Criminal Court", Type: newsgraph.Organization, Aliases: []string{"ICC"}})
	c.Facts = append(c.Facts, newsgraph.Fact{Subject: 2, Predicate: "issued_arrest_warrant_for", Object: 0, Sentence: "x", Confidence: 0.8})
	return []*newsgraph.Document{a, b, c}
}

func updates(docs ...*newsgraph.Document) []Update {
	out := make([]Update, len(docs))
	for i, d := range docs {
		out[i] = Update{ArticleID: d.Article.ID, Quads: Quads(d)}
	}
	return out
}

// queryAll runs a Gizmo query and returns its results as sorted JSON.
func queryAll(t *testing.T, s *Store, q string) []string {
	t.Helper()
	res, _, err := s.Query(context.Background(), q, QueryOptions{Limit: 10000})
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	out := make([]string, len(res))
	for i, r := range res {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = string(b)
	}
	sort.Strings(out)
	return out
}

// backendQueries are Gizmo queries of the kinds the cookbook shows.
var backendQueries = []string{
	`g.V().Tag("source").Out("<https://newsgraph.dev/ns#issued_arrest_warrant_for>").Tag("target").All()`,
	`g.V().Has("<http://schema.org/name>", "Volodymyr Zelensky").In(["<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>"]).Tag("fact").Save("<https://newsgraph.dev/ns#evidence>", "evidence").Save("<https://newsgraph.dev/ns#article>", "article").All()`,
	`g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://schema.org/NewsArticle>").Tag("article").Out("<http://schema.org/datePublished>").Tag("published").All()`,
	`g.Emit(g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://schema.org/Person>").Count())`,
	`g.V("<https://newsgraph.dev/entity/Ukraine>").In().Unique().All()`,
}

// Every embedded backend stores the same documents, answers the same
// queries the same way, gets newsgraph's label index, and keeps the
// persisted entity index.
func TestBackends(t *testing.T) {
	docs := corpus()
	var want [][]string
	var wantAll []string
	var wantEnts []newsgraph.Entity
	for _, backend := range kvBackends {
		t.Run(backend, func(t *testing.T) {
			loc := backend + ":" + filepath.Join(t.TempDir(), "store")
			s, err := Open(loc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Entities(); err != nil { // starts the entity index
				t.Fatal(err)
			}
			if err := s.Write(updates(docs[:2]...)); err != nil {
				t.Fatal(err)
			}
			if err := s.Write(updates(docs[2])); err != nil {
				t.Fatal(err)
			}
			checkIndexes(t, s)
			got := make([][]string, len(backendQueries))
			for i, q := range backendQueries {
				got[i] = queryAll(t, s, q)
				if len(got[i]) == 0 {
					t.Errorf("%s: no results for %s", backend, q)
				}
			}
			all := all(t, s, nil)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}

			// Reopened, read-only: the same graph, and the entity index
			// read from its buckets matches a scan of the graph.
			s, err = Open(loc, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			equalLines(t, backend+" reopened", allQuads(t, s), all)
			ents, ok, err := s.loadEntityIndex()
			if err != nil || !ok {
				t.Fatalf("entity index not kept: ok %v, %v", ok, err)
			}
			scanned, err := s.scanEntities()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ents, scanned) {
				t.Errorf("entity index %+v\nscan %+v", ents, scanned)
			}
			if want == nil {
				want, wantAll, wantEnts = got, all, ents
				return
			}
			for i := range got {
				equalLines(t, fmt.Sprintf("%s query %d", backend, i), got[i], want[i])
			}
			equalLines(t, backend+" quads", all, wantAll)
			if !reflect.DeepEqual(ents, wantEnts) {
				t.Errorf("%s entities differ from bolt's", backend)
			}
		})
	}
}

// checkIndexes checks that a new key-value store has newsgraph's label
// index, and that an article's quads are found through it.
func checkIndexes(t *testing.T, s *Store) {
	t.Helper()
	var have []byte
	err := hkv.View(bg, s.db, func(tx hkv.Tx) error {
		v, err := tx.Get(bg, metaIndexes)
		have = append(have, v...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := mustJSON(quadIndexes); string(have) != want {
		t.Errorf("indexes %s, want %s", have, want)
	}
	if got := all(t, s, schema.ArticleIRI("a")); len(got) != len(Quads(doc("a", "first text"))) {
		t.Errorf("article a: %d quads through the label index, want %d", len(got), len(Quads(doc("a", "first text"))))
	}
}

// The persisted entity index follows the graph: kept by Write, rebuilt
// after a retraction, and ignored when the graph changed without it.
func TestEntityIndex(t *testing.T) {
	s, loc := openTemp(t)
	docs := corpus()
	if err := s.Write(updates(docs[0])); err != nil {
		t.Fatal(err)
	}
	check := func(what string, wantCached bool) {
		t.Helper()
		_, ok, err := s.loadEntityIndex()
		if err != nil {
			t.Fatal(err)
		}
		if ok != wantCached {
			t.Errorf("%s: entity index current = %v, want %v", what, ok, wantCached)
		}
		got, err := s.Entities()
		if err != nil {
			t.Fatal(err)
		}
		want, err := s.scanEntities()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Entities %+v\nscan %+v", what, got, want)
		}
	}
	// Written before any Entities call: no index yet; the first call builds it.
	check("first", false)
	check("second", true)
	if err := s.Write(updates(docs[1], docs[2])); err != nil {
		t.Fatal(err)
	}
	check("after a write", true)

	// Reopened.
	s.Close()
	s2, err := Open(loc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s2.Close() })
	s = s2
	check("reopened", true)

	// A retraction may remove entities: the index is read again.
	if _, err := s.Retract("c"); err != nil {
		t.Fatal(err)
	}
	check("after retract", false)
	check("after rebuild", true)

	// Quads written by others (an import) change the graph's stamp.
	writeAll(t, s, Quads(docs[2]))
	check("after an import", false)

	// A replacement too.
	c2 := doc("c", "changed")
	if err := s.Write([]Update{{ArticleID: "c", Quads: Quads(c2), Replace: true}}); err != nil {
		t.Fatal(err)
	}
	check("after a replacement", false)
}

func allQuads(t *testing.T, s *Store) []string { t.Helper(); return all(t, s, nil) }
