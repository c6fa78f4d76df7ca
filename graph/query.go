package graph

import (
	"context"
	"errors"
	"fmt"
	"runtime/metrics"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/query"
)

// QueryOptions bound a query: its language, how many results it may
// return, how long it may run and how much memory it may take.
type QueryOptions struct {
	Lang  string // gizmo (default), graphql or mql
	Limit int    // results; 0 means DefaultLimit
	// Timeout stops a query running longer than this; 0 leaves it to the
	// context.
	Timeout time.Duration
	// MaxMemory stops a query when the Go heap grows by more than this many
	// bytes while it runs (a Gizmo loop filling an array); 0 means
	// DefaultMaxMemory, a negative value no guard.
	MaxMemory int64
}

// DefaultLimit caps query results when no limit is given.
const DefaultLimit = 100

// DefaultMaxMemory is the memory guard's bound when none is given.
const DefaultMaxMemory = 1 << 30

// ErrLimit reports a result cut short by the limit.
var ErrLimit = errors.New("result limit reached")

// ErrTimeout and ErrMemory report a query stopped by its bounds.
var (
	ErrTimeout = errors.New("query stopped: it ran past its time limit")
	ErrMemory  = errors.New("query stopped: it took more memory than its limit")
)

// StopError says why a query was stopped and by which bound; it matches
// ErrTimeout or ErrMemory with errors.Is.
type StopError struct {
	Kind  error         // ErrTimeout or ErrMemory
	Limit time.Duration // the timeout, for ErrTimeout
	Bytes int64         // the memory bound, for ErrMemory
}

func (e *StopError) Error() string {
	if e.Kind == ErrMemory {
		return fmt.Sprintf("query stopped: its memory use passed the limit of %s", formatBytes(e.Bytes))
	}
	return fmt.Sprintf("query stopped: it ran longer than the limit of %v", e.Limit)
}

func (e *StopError) Unwrap() error { return e.Kind }

func formatBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Query runs a query and returns its results as JSON-ready values. When the
// limit cuts the results short, it returns them with truncated set. A
// query still running when ctx ends, its timeout passes or its memory
// guard trips is stopped (JavaScript included) and returns an error that
// says why (a *StopError for the timeout and the guard).
func (s *Store) Query(ctx context.Context, text string, opt QueryOptions) (results []interface{}, truncated bool, err error) {
	return Run(ctx, s, text, opt)
}

// Run executes a query against a store with the bounds of opt.
func Run(ctx context.Context, s *Store, text string, opt QueryOptions) ([]interface{}, bool, error) {
	lang := opt.Lang
	if lang == "" {
		lang = "gizmo"
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		return nil, false, fmt.Errorf("unknown query language %q (want gizmo, graphql or mql)", lang)
	}
	if strings.TrimSpace(text) == "" {
		return nil, false, errors.New("query: the query is empty")
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	if opt.Timeout > 0 {
		var tcancel context.CancelFunc
		ctx, tcancel = context.WithTimeoutCause(ctx, opt.Timeout, &StopError{Kind: ErrTimeout, Limit: opt.Timeout})
		defer tcancel()
	}
	if max := opt.MaxMemory; max >= 0 {
		if max == 0 {
			max = DefaultMaxMemory
		}
		guardDone := make(chan struct{})
		defer func() { <-guardDone }()
		go func() {
			defer close(guardDone)
			guardMemory(ctx, max, cancel)
		}()
		defer cancel(nil) // runs first: ends the guard, then the wait above

	}

	ses := l.Session(s.qs)
	// Ask for one result more than the limit, to tell a full result from a
	// truncated one.
	it, err := ses.Execute(ctx, text, query.Options{Collation: query.JSON, Limit: limit + 1})
	if err != nil {
		return nil, false, stopped(ctx, fmt.Errorf("query: %w", err))
	}
	defer CloseQuery(it)
	out := []interface{}{}
	for it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue
		}
		if len(out) == limit {
			return out, true, nil
		}
		out = append(out, r)
	}
	if err := it.Err(); err != nil {
		return nil, false, stopped(ctx, fmt.Errorf("query: %w", err))
	}
	if context.Cause(ctx) != nil && ctx.Err() != nil {
		return nil, false, stopped(ctx, ctx.Err())
	}
	return out, false, nil
}

// CloseQuery closes a query's iterator and waits (a few seconds at most)
// for the query to stop: a Gizmo script cut short by the limit goes on
// running in the background until interrupted, and must not be reading
// the store when it is closed.
func CloseQuery(it query.Iterator) {
	it.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for it.Next(ctx) {
	}
}

// stopped returns why ctx stopped the query, when it did, else err.
func stopped(ctx context.Context, err error) error {
	if ctx.Err() == nil {
		return err
	}
	var stop *StopError
	if cause := context.Cause(ctx); errors.As(cause, &stop) {
		return stop
	}
	return fmt.Errorf("query stopped: %w", ctx.Err())
}

// heapMetric counts the bytes of live and not yet swept heap objects.
const heapMetric = "/memory/classes/heap/objects:bytes"

// guardMemory cancels ctx when the Go heap grows more than max bytes above
// what it was when the query started, and returns when ctx ends.
func guardMemory(ctx context.Context, max int64, cancel context.CancelCauseFunc) {
	sample := []metrics.Sample{{Name: heapMetric}}
	heap := func() uint64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return sample[0].Value.Uint64()
	}
	base := heap()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		if h := heap(); h > base && h-base > uint64(max) {
			cancel(&StopError{Kind: ErrMemory, Bytes: max})
			return
		}
	}
}
