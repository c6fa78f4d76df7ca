// Package serve is newsgraph's HTTP server: Cayley's API (v2, and the v1
// query route older clients use) and Cayley's web console over a store,
// all from one origin. It knows nothing of extraction.
//
// The console is the one the pinned Cayley embeds (ui.FS), with its CDN
// dependencies (the Monaco editor, the Material Icons font) served from
// copies built into newsgraph, so it works with no network at all. Every
// query runs under a timeout, a result limit, a cap on concurrent queries
// and a memory guard; writes are refused unless the server is writable.
package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"time"

	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/julienschmidt/httprouter"

	// The formats the API reads and writes quads in; the console's Write
	// page sends N-Quads.
	_ "github.com/cayleygraph/quad/json"
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/graph"
)

// Config sets the server's limits. Zero fields take the defaults below.
type Config struct {
	Writable bool          // accept writes and deletes through the API
	Timeout  time.Duration // longest a query may run
	Limit    int           // most results a query may return
	MaxBody  int64         // largest request body, in bytes
	// MaxQueries is how many queries may run at once; a query that finds
	// no free slot within a second is refused with 503.
	MaxQueries int
	// MaxMemory stops running queries when the server's Go heap grows past
	// it, in bytes; negative turns the guard off.
	MaxMemory int64
	// Hosts are the Host header names accepted besides the loopback ones
	// (localhost, 127.0.0.1, [::1]); "*" accepts any. Refusing other names
	// keeps web pages elsewhere from reaching a local server through DNS
	// rebinding.
	Hosts []string
}

// Defaults for Config's zero fields.
const (
	DefaultTimeout    = 30 * time.Second
	DefaultLimit      = 1000
	DefaultMaxBody    = 8 << 20
	DefaultMaxMemory  = 1 << 30
	DefaultMaxQueries = 4
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
	if c.MaxQueries <= 0 {
		c.MaxQueries = max(DefaultMaxQueries, runtime.GOMAXPROCS(0))
	}
	if c.MaxMemory == 0 {
		c.MaxMemory = DefaultMaxMemory
	}
}

// Handler serves, over store:
//
//	/                        Cayley's web console (Query, Query Shape, Visualize, Write)
//	/examples                example queries for this graph, ready to run or visualize
//	/api/v2/query?lang=L     queries (gizmo, graphql, mql), bounded by cfg
//	/api/v2/...              the rest of Cayley's API v2 (read, write, delete, formats)
//	POST /api/v1/query/L     queries, answering {"result": [...]}, for older clients
//	/api/v1/shape/L          501: query shapes are not supported
//	/vendor/...              the console's editor and icon font
func Handler(store *graph.Store, cfg Config) (http.Handler, error) {
	cfg.fill()
	site, err := loadSite()
	if err != nil {
		return nil, err
	}
	q := newQuerier(store.QuadStore(), cfg)

	// Cayley's API v2 for everything but queries, which we run ourselves:
	// its handler neither enforces the limit against GetLimit nor reports
	// truncation, and answers null for an empty result, which breaks the
	// console's Visualize page.
	v2 := cayleyhttp.NewBoundAPIv2(store.Handle(), httprouter.New())
	v2.SetReadOnly(!cfg.Writable)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v2/query", q.serveV2)
	mux.HandleFunc("POST /api/v2/query", q.serveV2)
	mux.Handle("/api/v2/", v2)
	mux.HandleFunc("/api/v1/query/{lang}", q.serveV1)
	mux.HandleFunc("/api/v1/shape/{lang}", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotImplemented, "Query Shape is not supported by newsgraph's server: run the query on the Query or Visualize page instead")
	})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API route: "+r.Method+" "+r.URL.Path)
	})
	mux.HandleFunc("GET /examples", site.serveExamples)
	mux.Handle("/", site)

	var h http.Handler = mux
	h = limitBody(h, cfg.MaxBody)
	h = http.NewCrossOriginProtection().Handler(h)
	h = sameSiteAPI(h)
	h = checkHost(h, cfg.Hosts)
	h = secureHeaders(h)
	return h, nil
}

// NewServer is an http.Server for h with timeouts suited to cfg: a slow
// client cannot hold a connection open, and a query's answer has time to
// be written after its longest run.
func NewServer(h http.Handler, cfg Config) *http.Server {
	cfg.fill()
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      cfg.Timeout + time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// IsLoopback reports whether a listen address (host:port) only accepts
// connections from this machine.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func limitBody(next http.Handler, max int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > max {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body of %d bytes is over the server's limit of %d (--max-body)", r.ContentLength, max))
			return
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, max)
		}
		next.ServeHTTP(w, r)
	})
}

// sameSiteAPI refuses API requests, reads included, that a browser makes
// for a page of another site: another site's page can neither query the
// graph through a visitor's browser nor keep the server busy.
func sameSiteAPI(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			switch r.Header.Get("Sec-Fetch-Site") {
			case "cross-site", "same-site":
				writeError(w, http.StatusForbidden, "cross-origin API requests are not allowed")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// checkHost refuses requests for host names other than loopback ones and
// those allowed.
func checkHost(next http.Handler, allowed []string) http.Handler {
	anyHost := slices.Contains(allowed, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !anyHost && !hostAllowed(r.Host, allowed) {
			writeError(w, http.StatusForbidden, fmt.Sprintf("host %q is not allowed: this server answers to localhost and 127.0.0.1 (serve --addr with another address to allow others)", r.Host))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func hostAllowed(hostport string, allowed []string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, a := range allowed {
		if strings.EqualFold(strings.Trim(a, "[]"), host) {
			return true
		}
	}
	return false
}

// contentSecurityPolicy lets pages load nothing from anywhere but this
// server: the console works offline by construction, and a browser refuses
// (and reports) any attempt to reach another host.
func contentSecurityPolicy(scriptHashes []string) string {
	script := "'self'"
	for _, h := range scriptHashes {
		script += " 'sha256-" + h + "'"
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src " + script,
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data:",
		"font-src 'self' data:",
		"worker-src 'self' blob:",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	}, "; ")
}

func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// writeJSON answers v as JSON, with the Content-Type already set or
// application/json.
func writeJSON(w http.ResponseWriter, code int, v any) {
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

// Serve runs srv on ln until ctx ends, then shuts it down, giving running
// requests up to grace to finish.
func Serve(ctx context.Context, srv *http.Server, ln net.Listener, grace time.Duration) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		srv.Close()
		return err
	}
	return nil
}
