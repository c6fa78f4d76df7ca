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
	// article: the old version is removed (see Write).
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

// Write stores the updates so that, whatever happens, the store holds
// each article whole (its old version, its new version, or, after a crash
// while replacing it, none) and never part of one:
//
//   - new articles are written in one transaction, with their bookkeeping
//     (the text hash that tells a later build the article is done);
//   - a replaced article's outdated quads are deleted in a first
//     transaction, its old hash among them, and its new quads added in a
//     second. A crash between the two leaves the article absent, and the
//     next build adds it again.
//
// Deletes and adds are not mixed in one transaction because Cayley's
// key-value stores lose the added quads that reference a node whose
// reference count the same transaction lowers (its ApplyDeltas splits
// nodes by their net count, and looks up the added quads' nodes only
// among those that grow): replacing an article with a shorter version
// would write its new quads without their label.
func (s *Store) Write(updates []Update) error {
	if s.ro {
		return fmt.Errorf("write to %s: store is read-only", s.loc)
	}
	var dels, add []cgraph.Delta
	for _, u := range updates {
		if !u.Replace {
			add = adds(add, u.Quads)
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
		stale := false
		for _, q := range old {
			stale = stale || !keep[q]
		}
		if stale {
			// The old version goes whole, its hash with it, so that until
			// the second transaction the article reads as absent.
			for _, q := range old {
				dels = append(dels, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			}
		}
		add = adds(add, u.Quads) // quads already stored are skipped
	}
	if len(dels) > 0 {
		// An entity may go with the old versions: the persisted entity
		// index is rebuilt by the next build.
		if err := s.invalidateEntities(); err != nil {
			return fmt.Errorf("write %d articles to %s: %w", len(updates), s.loc, err)
		}
	}
	if err := s.apply(dels); err != nil {
		return fmt.Errorf("write %d articles to %s: remove old versions: %w", len(updates), s.loc, err)
	}
	if err := s.apply(add); err != nil {
		return fmt.Errorf("write %d articles to %s: %w", len(updates), s.loc, err)
	}
	var quads []quad.Quad
	for _, u := range updates {
		quads = append(quads, u.Quads...)
	}
	return s.indexEntities(quads)
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
	if len(deltas) > 0 {
		if err := s.invalidateEntities(); err != nil {
			return 0, fmt.Errorf("retract article %s from %s: %w", id, s.loc, err)
		}
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
