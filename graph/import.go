package graph

import (
	"errors"
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
)

// ImportBatch is the number of quads written per transaction by Import, as
// in Cayley's own loader.
var ImportBatch = quad.DefaultBatch

// Import loads quads from r into the store with Cayley's bulk writer, in
// batches, skipping quads already present. It reports how many quads it
// read.
func (s *Store) Import(r quad.Reader) (int, error) {
	if s.ro {
		return 0, fmt.Errorf("import into %s: store is read-only", s.loc)
	}
	w, err := s.qs.NewQuadWriter()
	if err != nil {
		return 0, fmt.Errorf("import into %s: %w", s.loc, err)
	}
	n, err := copyBatches(w, r, ImportBatch)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return n, fmt.Errorf("import into %s: %w", s.loc, err)
	}
	return n, nil
}

// copyBatches reads the next batch while the previous one is written.
func copyBatches(w quad.Writer, r quad.Reader, size int) (int, error) {
	type batch struct {
		quads []quad.Quad
		err   error
	}
	batches := make(chan batch, 2)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(batches)
		for {
			buf := make([]quad.Quad, 0, size)
			var err error
			for len(buf) < size {
				var q quad.Quad
				q, err = r.ReadQuad()
				if err != nil {
					break
				}
				if q.IsValid() {
					buf = append(buf, importQuad(q))
				}
			}
			select {
			case batches <- batch{buf, err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	n := 0
	for b := range batches {
		if len(b.quads) > 0 {
			if _, err := w.WriteQuads(b.quads); err != nil {
				return n, err
			}
			n += len(b.quads)
		}
		if b.err != nil {
			if errors.Is(b.err, io.EOF) {
				return n, nil
			}
			return n, fmt.Errorf("after %d quads: %w", n, b.err)
		}
	}
	return n, nil
}
