package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/query"
)

// QueryOptions bound a query: its language, how many results it may
// return, and (through the context) how long it may run.
type QueryOptions struct {
	Lang  string // gizmo (default), graphql or mql
	Limit int    // results; 0 means DefaultLimit
}

// DefaultLimit caps query results when no limit is given.
const DefaultLimit = 100

// ErrLimit reports a result cut short by the limit.
var ErrLimit = errors.New("result limit reached")

// Query runs a query and returns its results as JSON-ready values. When the
// limit cuts the results short, it returns them with truncated set. A
// query still running when ctx ends is stopped (JavaScript included) and
// returns ctx's error.
func (s *Store) Query(ctx context.Context, text string, opt QueryOptions) (results []interface{}, truncated bool, err error) {
	return Run(ctx, s, text, opt)
}

// Run executes a query against any store (a *Store, or a Cayley handle's
// quad store wrapped by the server).
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
	ses := l.Session(s.qs)
	// Ask for one result more than the limit, to tell a full result from a
	// truncated one.
	it, err := ses.Execute(ctx, text, query.Options{Collation: query.JSON, Limit: limit + 1})
	if err != nil {
		return nil, false, fmt.Errorf("query: %w", err)
	}
	defer it.Close()
	out := []interface{}{}
	for it.Next(ctx) {
		if len(out) == limit {
			return out, true, nil
		}
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
	}
	if err := it.Err(); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return out, false, fmt.Errorf("query stopped: %w", ctxErr)
		}
		return out, false, fmt.Errorf("query: %w", err)
	}
	return out, false, nil
}
