package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"

	"github.com/cayleygraph/cayley/query/graphql"
	"github.com/newsgraph/newsgraph/graph"
)

// querier runs queries for the HTTP routes, each under the server's
// timeout, result limit, concurrency cap and memory guard.
type querier struct {
	qs    cgraph.QuadStore
	cfg   Config
	slots chan struct{}
	wait  time.Duration // longest a query waits for a free slot
}

func newQuerier(qs cgraph.QuadStore, cfg Config) *querier {
	return &querier{qs: qs, cfg: cfg, slots: make(chan struct{}, cfg.MaxQueries), wait: time.Second}
}

// Errors that stop a query. Their text is what a user reads.
var (
	errBusy = errors.New("the server is busy running other queries; try again in a moment")
)

// stopError is the cause given to a query's context when the server stops
// it; its text says why and which flag moves the bound.
type stopError struct{ msg string }

func (e *stopError) Error() string { return e.msg }

// queryError is a failed query with the HTTP status to answer.
type queryError struct {
	code int
	err  error
}

func (e *queryError) Error() string { return e.err.Error() }
func (e *queryError) Unwrap() error { return e.err }

func badQuery(err error) error { return &queryError{http.StatusBadRequest, err} }

// answer is a query's results: at most limit, with truncated set when the
// limit cut some off.
type answer struct {
	results   []any
	truncated bool
	limit     int
}

// run executes text in lang with the given collation. It returns at most
// limit results; results the query makes past that are never computed.
func (q *querier) run(ctx context.Context, lang, text string, col query.Collation, limit int) (*answer, error) {
	if lang == "" {
		lang = "gizmo"
	}
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		return nil, badQuery(fmt.Errorf("unknown query language %q (want gizmo, graphql or mql)", lang))
	}
	if strings.TrimSpace(text) == "" {
		return nil, badQuery(errors.New("the query is empty"))
	}
	if limit <= 0 || limit > q.cfg.Limit {
		limit = q.cfg.Limit
	}
	ctx, done, err := q.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer done()

	it, err := l.Session(q.qs).Execute(ctx, text, query.Options{Collation: col, Limit: limit + 1})
	var unsupported *query.ErrUnsupportedCollation
	if errors.As(err, &unsupported) && col != query.JSON {
		// MQL and GraphQL have no JSON-LD form: answer plain JSON.
		it, err = l.Session(q.qs).Execute(ctx, text, query.Options{Collation: query.JSON, Limit: limit + 1})
	}
	if err != nil {
		return nil, q.stopped(ctx, err)
	}
	defer graph.CloseQuery(it)
	ans := &answer{results: []any{}, limit: limit}
	for it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue
		}
		if len(ans.results) == limit {
			ans.truncated = true
			return ans, nil
		}
		ans.results = append(ans.results, r)
	}
	if err := it.Err(); err != nil {
		return nil, q.stopped(ctx, err)
	}
	if err := context.Cause(ctx); err != nil {
		return nil, q.stopped(ctx, err)
	}
	return ans, nil
}

// begin takes a query slot and returns the query's context, bounded by
// the timeout and the memory guard, and the function that releases both.
func (q *querier) begin(parent context.Context) (context.Context, func(), error) {
	t := time.NewTimer(q.wait)
	defer t.Stop()
	select {
	case q.slots <- struct{}{}:
	case <-t.C:
		return nil, nil, &queryError{http.StatusServiceUnavailable, errBusy}
	case <-parent.Done():
		return nil, nil, badQuery(parent.Err())
	}
	ctx, cancel := context.WithCancelCause(parent)
	tctx, tcancel := context.WithTimeoutCause(ctx, q.cfg.Timeout, &stopError{fmt.Sprintf(
		"query stopped: it ran longer than the server's limit of %v (serve --timeout)", q.cfg.Timeout)})
	if q.cfg.MaxMemory > 0 {
		go guardMemory(tctx, uint64(q.cfg.MaxMemory), cancel)
	}
	return tctx, func() {
		tcancel()
		cancel(nil)
		<-q.slots
	}, nil
}

// stopped turns a query's error into what the user reads: why the server
// stopped it, when it did.
func (q *querier) stopped(ctx context.Context, err error) error {
	var stop *stopError
	if cause := context.Cause(ctx); cause != nil && errors.As(cause, &stop) {
		return badQuery(stop)
	}
	if ctx.Err() != nil {
		return badQuery(fmt.Errorf("query stopped: %w", ctx.Err()))
	}
	return badQuery(err)
}

// heapMetric counts the bytes of live and not yet swept heap objects.
const heapMetric = "/memory/classes/heap/objects:bytes"

// guardMemory stops the query (through cancel) when the Go heap grows past
// max while it runs: a Gizmo loop that builds a giant array in JavaScript
// is stopped long before its timeout.
func guardMemory(ctx context.Context, max uint64, cancel context.CancelCauseFunc) {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	sample := []metrics.Sample{{Name: heapMetric}}
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > max {
			cancel(&stopError{fmt.Sprintf("query stopped: the server's memory use passed its limit of %d MiB (serve --max-memory)", max>>20)})
			return
		}
	}
}

// readQuery reads the query text of a request: the qu parameter of a GET,
// the body of a POST.
func readQuery(w http.ResponseWriter, r *http.Request, maxBody int64) (string, bool) {
	if r.Method == http.MethodGet {
		return r.URL.Query().Get("qu"), true
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over the server's limit of %d bytes (serve --max-body)", maxBody))
		} else {
			writeError(w, http.StatusBadRequest, err.Error())
		}
		return "", false
	}
	return string(body), true
}

// requestLimit is the limit a request asks for (?limit=N), never above the
// server's.
func (q *querier) requestLimit(r *http.Request) int {
	if n, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && n > 0 && n < q.cfg.Limit {
		return n
	}
	return q.cfg.Limit
}

func answerError(w http.ResponseWriter, err error) {
	code := http.StatusInternalServerError
	var qe *queryError
	if errors.As(err, &qe) {
		code = qe.code
	}
	writeError(w, code, err.Error())
}

// serveV2 answers Cayley's API v2 query route, /api/v2/query?lang=L, with
// the query in the body (POST) or in ?qu= (GET): {"result": [...]}, with
// "truncated": true and "limit": N when the limit cut the results, or
// {"error": "..."}. Accept: application/ld+json asks for JSON-LD values
// (what the console's Visualize page reads). GraphQL answers
// {"data": {...}} as in Cayley.
func (q *querier) serveV2(w http.ResponseWriter, r *http.Request) {
	lang := r.URL.Query().Get("lang")
	text, ok := readQuery(w, r, q.cfg.MaxBody)
	if !ok {
		return
	}
	if lang == graphql.Name {
		q.serveGraphQL(w, r, text)
		return
	}
	col, ctype := query.JSON, "application/json"
	if strings.Contains(r.Header.Get("Accept"), "application/ld+json") {
		col, ctype = query.JSONLD, "application/ld+json"
	}
	ans, err := q.run(r.Context(), lang, text, col, q.requestLimit(r))
	if err != nil {
		answerError(w, err)
		return
	}
	out := map[string]any{"result": ans.results}
	if ans.truncated {
		out["truncated"] = true
		out["limit"] = ans.limit
		w.Header().Set("X-Newsgraph-Truncated", strconv.Itoa(ans.limit))
	}
	w.Header().Set("Content-Type", ctype)
	writeJSON(w, http.StatusOK, out)
}

// serveGraphQL runs a GraphQL query as Cayley's API v2 does, answering
// {"data": {...}} or {"errors": [{"message": "..."}]}, but bounded like
// every other query: lists longer than the limit are cut.
func (q *querier) serveGraphQL(w http.ResponseWriter, r *http.Request, text string) {
	fail := func(code int, err error) {
		writeJSON(w, code, map[string]any{"errors": []map[string]string{{"message": err.Error()}}})
	}
	gq, err := graphql.Parse(strings.NewReader(text))
	if err != nil {
		fail(http.StatusBadRequest, err)
		return
	}
	ctx, done, err := q.begin(r.Context())
	if err != nil {
		var qe *queryError
		errors.As(err, &qe)
		fail(qe.code, err)
		return
	}
	defer done()
	type result struct {
		data map[string]any
		err  error
	}
	resc := make(chan result, 1)
	go func() {
		data, err := gq.Execute(ctx, q.qs)
		resc <- result{data, err}
	}()
	var res result
	select {
	case res = <-resc:
	case <-ctx.Done():
		res.err = ctx.Err()
	}
	if res.err == nil {
		res.err = context.Cause(ctx)
	}
	if res.err != nil {
		var qe *queryError
		errors.As(q.stopped(ctx, res.err), &qe)
		fail(qe.code, qe)
		return
	}
	limit := q.requestLimit(r)
	out := map[string]any{"data": res.data}
	if truncate(res.data, limit) {
		out["truncated"] = true
		out["limit"] = limit
		w.Header().Set("X-Newsgraph-Truncated", strconv.Itoa(limit))
	}
	writeJSON(w, http.StatusOK, out)
}

// truncate cuts every list in v longer than limit, and reports whether it
// cut any.
func truncate(v any, limit int) bool {
	cut := false
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if list, ok := x.([]map[string]any); ok && len(list) > limit {
				v[k], cut = list[:limit], true
			}
			if list, ok := x.([]any); ok && len(list) > limit {
				v[k], cut = list[:limit], true
			}
			cut = truncate(v[k], limit) || cut
		}
	case []map[string]any:
		for _, x := range v {
			cut = truncate(x, limit) || cut
		}
	case []any:
		for _, x := range v {
			cut = truncate(x, limit) || cut
		}
	}
	return cut
}

// serveV1 answers POST /api/v1/query/{lang}, with the query in the body:
// {"result": [...]} (plain JSON values), with "truncated" and "limit" when
// the limit cut the results, or {"error": "..."}.
func (q *querier) serveV1(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, "POST the query to "+r.URL.Path)
		return
	}
	text, ok := readQuery(w, r, q.cfg.MaxBody)
	if !ok {
		return
	}
	ans, err := q.run(r.Context(), r.PathValue("lang"), text, query.JSON, q.requestLimit(r))
	if err != nil {
		answerError(w, err)
		return
	}
	out := map[string]any{"result": ans.results}
	if ans.truncated {
		out["truncated"] = true
		out["limit"] = ans.limit
	}
	writeJSON(w, http.StatusOK, out)
}
