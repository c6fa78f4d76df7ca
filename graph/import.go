package graph

import (
	"errors"
	"fmt"
	"io"

	cgraph "github.com/cayleygraph/cayley/graph"

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
	w := &txWriter{qs: s.qs, per: ImportTx}
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

// ImportTx is the number of quads Import writes per transaction: measured
// on bolt with a million quads (BENCHMARKS.md), 50,000 was as fast as
// Cayley's 200,000 and took 160 MB less memory; 10,000 was a third slower.
var ImportTx = 50000

// txWriter writes through Cayley's bulk writer, committing every per
// quads (Cayley's own writer commits every 200,000, holding the whole
// transaction's pages and index entries in memory until then).
type txWriter struct {
	qs  cgraph.QuadStore
	w   quad.WriteCloser
	n   int
	per int
}

func (t *txWriter) WriteQuads(qs []quad.Quad) (int, error) {
	if t.w == nil {
		w, err := t.qs.NewQuadWriter()
		if err != nil {
			return 0, err
		}
		t.w = w
	}
	n, err := t.w.WriteQuads(qs)
	t.n += n
	if err == nil && t.n >= t.per {
		err = t.Close()
	}
	return n, err
}

func (t *txWriter) Close() error {
	if t.w == nil {
		return nil
	}
	err := t.w.Close()
	t.w, t.n = nil, 0
	return err
}

func (t *txWriter) WriteQuad(q quad.Quad) error {
	_, err := t.WriteQuads([]quad.Quad{q})
	return err
}
