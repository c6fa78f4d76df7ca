// Package serve is newsgraph's HTTP server: Cayley's API (v2, and the v1
// query route older clients use) and Cayley's web console over a store,
// all from one origin. It knows nothing of extraction.
package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"

	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/cayleygraph/cayley/ui"
	"github.com/julienschmidt/httprouter"

	"github.com/newsgraph/newsgraph/graph"
)

// Config sets the server's limits.
type Config struct {
	Writable bool          // accept writes through the API
	Timeout  time.Duration // longest a query may run
	Limit    int           // most results a query may return
	MaxBody  int64         // largest request body, in bytes
}

// Defaults for Config's zero fields.
const (
	DefaultTimeout = 30 * time.Second
	DefaultLimit   = 1000
	DefaultMaxBody = 8 << 20
)

func (c *Config) fill() {
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Limit <= 0 {
		c.Limit = DefaultLimit
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
}

// Handler serves the API and the console over store.
func Handler(store *graph.Store, cfg Config) (http.Handler, error) {
	cfg.fill()
	r := httprouter.New()
	api := cayleyhttp.NewBoundAPIv2(store.Handle(), r)
	api.SetReadOnly(!cfg.Writable)
	api.SetQueryTimeout(cfg.Timeout)
	api.SetQueryLimit(cfg.Limit)
	v1 := &v1API{store: store, cfg: cfg}
	r.POST("/api/v1/query/:lang", v1.query)
	r.POST("/api/v1/shape/:lang", notSupported("query shapes are not supported by this server; run the query instead"))
	console, err := consoleFS()
	if err != nil {
		return nil, err
	}
	r.NotFound = http.FileServer(http.FS(console))
	var h http.Handler = r
	h = limitBody(h, cfg.MaxBody)
	return h, nil
}

func limitBody(next http.Handler, max int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, max)
		}
		next.ServeHTTP(w, r)
	})
}

func notSupported(msg string) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
		writeJSON(w, http.StatusNotImplemented, map[string]string{"error": msg})
	}
}

func writeJSON(w http.ResponseWriter, code int, v interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// v1API serves POST /api/v1/query/:lang, answering {"result": [...]} or
// {"error": "..."}.
type v1API struct {
	store *graph.Store
	cfg   Config
}

func (a *v1API) query(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": fmt.Sprintf("request body over %d bytes", a.cfg.MaxBody)})
			return
		}
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	limit := a.cfg.Limit
	if s := r.URL.Query().Get("limit"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 && n < limit {
			limit = n
		}
	}
	ctx, cancel := context.WithTimeout(r.Context(), a.cfg.Timeout)
	defer cancel()
	res, truncated, err := a.store.Query(ctx, string(body), graph.QueryOptions{Lang: p.ByName("lang"), Limit: limit})
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	out := map[string]interface{}{"result": res}
	if truncated {
		out["truncated"] = true
		out["limit"] = limit
	}
	writeJSON(w, http.StatusOK, out)
}

// consoleFS is Cayley's web console, with its hard-coded server address
// rewritten so it talks to whichever origin serves it.
func consoleFS() (fs.FS, error) {
	web, err := fs.Sub(ui.FS, "web")
	if err != nil {
		return nil, err
	}
	return rewriteFS{web}, nil
}

type rewriteFS struct{ fs.FS }

func (r rewriteFS) Open(name string) (fs.File, error) {
	f, err := r.FS.Open(name)
	if err != nil || !strings.HasSuffix(name, ".js") {
		return f, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	data = bytes.ReplaceAll(data, []byte(`"http://localhost:64210"`), []byte(`window.location.origin`))
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return &memFile{Reader: bytes.NewReader(data), info: sizedInfo{info, int64(len(data))}}, nil
}

type memFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (m *memFile) Stat() (fs.FileInfo, error) { return m.info, nil }
func (m *memFile) Close() error               { return nil }

type sizedInfo struct {
	fs.FileInfo
	size int64
}

func (s sizedInfo) Size() int64 { return s.size }
