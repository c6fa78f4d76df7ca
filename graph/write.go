package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Update is one article's new content: all the quads it contributes, its
// bookkeeping (text hash) included.
type Update struct {
	ArticleID string
	Quads     []quad.Quad
	// Replace is set when the store already holds an older version of the
	// article: its quads that the new version lacks are removed.
	Replace bool
}

// ArticleHash returns the text hash stored for an article, or "" when the
// store does not hold the article.
func (s *Store) ArticleHash(id string) (string, error) {
	var hash string
	err := s.eachQuad(pattern{sub: schema.ArticleIRI(id), pred: schema.TextHash}, func(q quad.Quad) error {
		if v, ok := q.Object.(quad.String); ok {
			hash = string(v)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("read article %s from %s: %w", id, s.loc, err)
	}
	return hash, nil
}

// Write applies the updates in one transaction: after a crash the store
// holds either all of these articles or none of them, never part of one.
func (s *Store) Write(updates []Update) error {
	if s.ro {
		return fmt.Errorf("write to %s: store is read-only", s.loc)
	}
	var deltas []cgraph.Delta
	for _, u := range updates {
		if !u.Replace {
			deltas = adds(deltas, u.Quads)
			continue
		}
		old, err := s.articleQuads(u.ArticleID)
		if err != nil {
			return err
		}
		keep := make(map[quad.Quad]bool, len(u.Quads))
		for _, q := range u.Quads {
			keep[q] = true
		}
		for _, q := range old {
			if keep[q] {
				delete(keep, q) // already stored: neither delete nor add
				continue
			}
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		}
		for _, q := range u.Quads {
			if keep[q] {
				deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
			}
		}
	}
	if err := s.apply(deltas); err != nil {
		return fmt.Errorf("write %d articles to %s: %w", len(updates), s.loc, err)
	}
	return nil
}

// Retract removes every quad an article contributed and reports how many.
// Entities and facts that other articles also state stay, under those
// articles' labels.
func (s *Store) Retract(id string) (int, error) {
	if s.ro {
		return 0, fmt.Errorf("retract from %s: store is read-only", s.loc)
	}
	old, err := s.articleQuads(id)
	if err != nil {
		return 0, err
	}
	deltas := make([]cgraph.Delta, len(old))
	for i, q := range old {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
	}
	if err := s.apply(deltas); err != nil {
		return 0, fmt.Errorf("retract article %s from %s: %w", id, s.loc, err)
	}
	return len(old), nil
}

func (s *Store) articleQuads(id string) ([]quad.Quad, error) {
	var out []quad.Quad
	err := s.eachQuad(pattern{label: schema.ArticleIRI(id)}, func(q quad.Quad) error {
		out = append(out, q)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read article %s from %s: %w", id, s.loc, err)
	}
	return out, nil
}

func adds(deltas []cgraph.Delta, quads []quad.Quad) []cgraph.Delta {
	for _, q := range quads {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	return deltas
}

func (s *Store) apply(deltas []cgraph.Delta) error {
	if len(deltas) == 0 {
		return nil
	}
	return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
}

func (s *Store) hasQuad(q quad.Quad) (bool, error) {
	found := false
	err := s.eachQuad(pattern{sub: q.Subject, pred: q.Predicate, obj: q.Object, label: q.Label}, func(quad.Quad) error {
		found = true
		return errStop
	})
	return found, err
}

var errStop = fmt.Errorf("stop")

var bg = context.Background()
