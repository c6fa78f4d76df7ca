package graph

import (
	"errors"
	"fmt"

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
	var sh shape.Shape = shape.FilterQuads(one(p.sub), one(p.pred), one(p.obj), one(p.label))
	if p.sub == nil && p.pred == nil && p.obj == nil && p.label == nil {
		sh = shape.Quads{}
	}
	return s.eachShape(sh, func(q quad.Quad) error {
		if p.label != nil && q.Label != p.label {
			return nil
		}
		return fn(q)
	})
}

// eachShape calls fn for every quad of a quads shape; fn returning errStop
// ends the iteration without error.
func (s *Store) eachShape(sh shape.Shape, fn func(quad.Quad) error) error {
	scan := sh.BuildIterator(s.qs).Iterate()
	defer scan.Close()
	for scan.Next(bg) {
		q, err := s.qs.Quad(scan.Result())
		if err != nil {
			return err
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
