package graph

import (
	"errors"
	"fmt"
	"net/url"
	"sort"

	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/schema"
)

// pattern selects quads; nil fields match anything.
type pattern struct {
	sub, pred, obj, label quad.Value
}

func one(v quad.Value) []quad.Value {
	if v == nil {
		return nil
	}
	return []quad.Value{v}
}

// eachQuad calls fn for every quad matching p; fn returning errStop ends
// the iteration without error.
func (s *Store) eachQuad(p pattern, fn func(quad.Quad) error) error {
	sh := shape.FilterQuads(one(p.sub), one(p.pred), one(p.obj), one(p.label))
	if p.sub == nil && p.pred == nil && p.obj == nil && p.label == nil {
		sh = shape.Quads{}
	}
	scan := sh.BuildIterator(s.qs).Iterate()
	defer scan.Close()
	for scan.Next(bg) {
		q, err := s.qs.Quad(scan.Result())
		if err != nil {
			return err
		}
		if p.label != nil && q.Label != p.label {
			continue
		}
		if err := fn(q); err != nil {
			if errors.Is(err, errStop) {
				return nil
			}
			return err
		}
	}
	return scan.Err()
}

// Export writes the whole graph, or one article's quads when articleID is
// not empty, and reports how many quads it wrote.
func (s *Store) Export(w quad.Writer, articleID string) (int, error) {
	p := pattern{}
	if articleID != "" {
		p.label = schema.ArticleIRI(articleID)
		if h, err := s.ArticleHash(articleID); err != nil {
			return 0, err
		} else if h == "" {
			return 0, fmt.Errorf("export from %s: no article %q", s.loc, articleID)
		}
	}
	n := 0
	batch := make([]quad.Quad, 0, 1000)
	flush := func() error {
		if _, err := w.WriteQuads(batch); err != nil {
			return err
		}
		n += len(batch)
		batch = batch[:0]
		return nil
	}
	err := s.eachQuad(p, func(q quad.Quad) error {
		batch = append(batch, q)
		if len(batch) == cap(batch) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return n, fmt.Errorf("export from %s: %w", s.loc, err)
	}
	return n, nil
}

// Entities lists the entities the store knows (their IRIs' local names as
// IDs, names, aliases and types), for resolving new mentions against them.
func (s *Store) Entities() ([]newsgraph.Entity, error) {
	byIRI := make(map[quad.IRI]*newsgraph.Entity)
	get := func(v quad.Value) *newsgraph.Entity {
		iri, ok := v.(quad.IRI)
		if !ok || len(iri) <= len(schema.EntityNS) || string(iri[:len(schema.EntityNS)]) != schema.EntityNS {
			return nil
		}
		e := byIRI[iri]
		if e == nil {
			e = &newsgraph.Entity{ID: entityID(iri)}
			byIRI[iri] = e
		}
		return e
	}
	err := s.eachQuad(pattern{}, func(q quad.Quad) error {
		switch q.Predicate {
		case schema.Name, schema.AlternateName:
			if e := get(q.Subject); e != nil {
				name, _ := q.Object.(quad.String)
				if q.Predicate == schema.Name && e.Name == "" {
					e.Name = string(name)
				}
				e.Aliases = append(e.Aliases, string(name))
			}
		case schema.Type:
			if e := get(q.Subject); e != nil {
				if t, ok := q.Object.(quad.IRI); ok {
					typ := schema.LocalName(t)
					if e.Type == "" || e.Type == newsgraph.Place {
						e.Type = typ
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read entities from %s: %w", s.loc, err)
	}
	out := make([]newsgraph.Entity, 0, len(byIRI))
	for _, e := range byIRI {
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// entityID is the identifier an entity IRI was made of: the inverse of
// schema.EntityIRI, which escapes characters such as '"', '#', '%' and
// '/'. (Taking the escaped form as the identifier would escape it again
// on the next build: "AT%23T" would become "AT%2523T", another entity.)
func entityID(iri quad.IRI) string {
	s := string(iri[len(schema.EntityNS):])
	if id, err := url.PathUnescape(s); err == nil {
		return id
	}
	return s
}

// Stats counts what the store holds.
type Stats struct {
	Quads      int
	Articles   int
	Entities   map[string]int // by type
	Relations  map[string]int // distinct triples by predicate
	Statements int            // evidence nodes
}

// Stats scans the store once and counts articles, entities by type, and
// relations by predicate.
func (s *Store) Stats() (Stats, error) {
	st := Stats{Entities: map[string]int{}, Relations: map[string]int{}}
	typed := make(map[quad.Value]string)
	triples := make(map[[3]quad.Value]bool)
	err := s.eachQuad(pattern{}, func(q quad.Quad) error {
		st.Quads++
		if q.Label == quad.IRI(schema.VocabularyGraph) {
			return nil
		}
		if q.Predicate == schema.Type {
			switch q.Object {
			case schema.NewsArticle:
				st.Articles++
			case schema.Statement:
				st.Statements++
			default:
				t, _ := q.Object.(quad.IRI)
				if typ := schema.LocalName(t); typ != newsgraph.Place || typed[q.Subject] == "" {
					typed[q.Subject] = typ
				}
			}
			return nil
		}
		if p, ok := q.Predicate.(quad.IRI); ok {
			if name := schema.LocalName(p); schema.IsPredicate(name) {
				triples[[3]quad.Value{q.Subject, q.Predicate, q.Object}] = true
			}
		}
		return nil
	})
	if err != nil {
		return st, fmt.Errorf("stats of %s: %w", s.loc, err)
	}
	for _, typ := range typed {
		st.Entities[typ]++
	}
	for t := range triples {
		st.Relations[schema.LocalName(t[1].(quad.IRI))]++
	}
	return st, nil
}
