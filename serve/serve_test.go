package serve

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
)

func newTestServer(t *testing.T, cfg Config) *httptest.Server {
	t.Helper()
	h, err := Handler(sampleStore(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// response is an answer of the API.
type response struct {
	code int
	body []byte
	json map[string]any
}

func (r response) error() string { s, _ := r.json["error"].(string); return s }

func (r response) results(t *testing.T) []any {
	t.Helper()
	res, ok := r.json["result"].([]any)
	if !ok {
		t.Fatalf("no result list in %d %s", r.code, r.body)
	}
	return res
}

func do(t *testing.T, req *http.Request) response {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	out := response{code: res.StatusCode, body: body}
	_ = json.Unmarshal(body, &out.json)
	return out
}

func post(t *testing.T, url, body string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return do(t, req)
}

func get(t *testing.T, url string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, req)
}

const putinName = `g.V("<https://newsgraph.dev/entity/Vladimir_Putin>").Out("<http://schema.org/name>").All()`

func TestReadOnlyRefusesWrites(t *testing.T) {
	srv := newTestServer(t, Config{})
	quad := `<https://newsgraph.dev/entity/Test_ReadOnly> <http://schema.org/name> "read-only test" .`
	for _, route := range []string{"/api/v2/write", "/api/v2/delete"} {
		r := post(t, srv.URL+route, quad)
		if r.code != http.StatusForbidden || !strings.Contains(r.error(), "read-only") {
			t.Errorf("%s on a read-only server: %d %s, want 403 read-only", route, r.code, r.body)
		}
	}
	r := post(t, srv.URL+"/api/v2/node/delete", `<https://newsgraph.dev/entity/Vladimir_Putin>`, "Content-Type", "application/n-quads")
	if r.code != http.StatusForbidden {
		t.Errorf("node delete on a read-only server: %d %s, want 403", r.code, r.body)
	}
	// Nothing was written.
	r = post(t, srv.URL+"/api/v1/query/gizmo", `g.V("<https://newsgraph.dev/entity/Test_ReadOnly>").Out().All()`)
	if n := len(r.results(t)); n != 0 {
		t.Errorf("a refused write left %d results", n)
	}
}

func TestWritableAcceptsWrites(t *testing.T) {
	srv := newTestServer(t, Config{Writable: true})
	quad := `<https://newsgraph.dev/entity/Test_Writable> <http://schema.org/name> "writable test" .`
	r := post(t, srv.URL+"/api/v2/write", quad)
	if r.code != http.StatusOK || !strings.Contains(string(r.body), "Successfully wrote 1 quads") {
		t.Fatalf("write on a writable server: %d %s", r.code, r.body)
	}
	q := `g.V("<https://newsgraph.dev/entity/Test_Writable>").Out("<http://schema.org/name>").All()`
	r = post(t, srv.URL+"/api/v1/query/gizmo", q)
	if got := string(r.body); !strings.Contains(got, "writable test") {
		t.Errorf("the written quad is not found: %s", got)
	}
	r = post(t, srv.URL+"/api/v2/delete", quad)
	if r.code != http.StatusOK {
		t.Fatalf("delete on a writable server: %d %s", r.code, r.body)
	}
	if n := len(post(t, srv.URL+"/api/v1/query/gizmo", q).results(t)); n != 0 {
		t.Errorf("the deleted quad is still found (%d results)", n)
	}
}

func TestLoopingQueryTimesOut(t *testing.T) {
	const timeout = time.Second
	srv := newTestServer(t, Config{Timeout: timeout})
	for _, tc := range []struct{ name, url, query string }{
		{"v2", "/api/v2/query?lang=gizmo", `while (true) {}`},
		{"v1", "/api/v1/query/gizmo", `for (;;) { var x = 1 }`},
		{"callback", "/api/v2/query?lang=gizmo", `g.V().ForEach(function (d) { while (true) {} })`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			done := make(chan response, 1)
			go func() { done <- post(t, srv.URL+tc.url, tc.query) }()
			// The server keeps answering while the loop runs.
			time.Sleep(100 * time.Millisecond)
			qstart := time.Now()
			r := post(t, srv.URL+"/api/v2/query?lang=gizmo", putinName)
			if r.code != http.StatusOK || !strings.Contains(string(r.body), "Vladimir Putin") {
				t.Errorf("a query during the loop: %d %s", r.code, r.body)
			}
			if d := time.Since(qstart); d > timeout/2 {
				t.Errorf("a query during the loop took %v", d)
			}
			var loop response
			select {
			case loop = <-done:
			case <-time.After(10 * timeout):
				t.Fatalf("the looping query still runs after %v", 10*timeout)
			}
			elapsed := time.Since(start)
			if loop.code != http.StatusBadRequest || !strings.Contains(loop.error(), "ran longer than") {
				t.Errorf("looping query: %d %s, want 400 and a timeout error", loop.code, loop.body)
			}
			if elapsed < timeout || elapsed > 3*timeout {
				t.Errorf("looping query answered after %v, want about %v", elapsed, timeout)
			}
		})
	}
}

func heapBytes() uint64 {
	s := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func TestMemoryGuard(t *testing.T) {
	sampleStore(t)
	limit := heapBytes() + 256<<20
	srv := newTestServer(t, Config{Timeout: time.Minute, MaxMemory: int64(limit)})
	start := time.Now()
	r := post(t, srv.URL+"/api/v2/query?lang=gizmo", `var s = "x"; for (var i = 0; i < 20; i++) s += s; var a = []; while (true) { a.push(s + a.length) }`)
	if r.code != http.StatusBadRequest || !strings.Contains(r.error(), "memory") {
		t.Fatalf("a query filling memory: %d %s, want 400 and a memory error", r.code, r.body)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("the memory guard took %v", d)
	}
	// The server still answers.
	if r := post(t, srv.URL+"/api/v2/query?lang=gizmo", putinName); r.code != http.StatusOK {
		t.Errorf("after the memory guard: %d %s", r.code, r.body)
	}
}

func TestResultLimit(t *testing.T) {
	srv := newTestServer(t, Config{Limit: 5})
	for _, tc := range []struct {
		name, url, query string
		want             int
	}{
		{"whole graph", "/api/v2/query?lang=gizmo", `g.V().All()`, 5},
		{"GetLimit above the limit", "/api/v2/query?lang=gizmo", `g.V().GetLimit(100000)`, 5},
		{"Emit loop", "/api/v2/query?lang=gizmo", `for (var i = 0; i < 1e9; i++) g.Emit(i)`, 5},
		{"asked limit", "/api/v2/query?lang=gizmo&limit=2", `g.V().All()`, 2},
		{"asked limit above the server's", "/api/v2/query?lang=gizmo&limit=50", `g.V().All()`, 5},
		{"v1", "/api/v1/query/gizmo", `g.V().All()`, 5},
		{"mql", "/api/v2/query?lang=mql", `[{"id": null}]`, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			r := post(t, srv.URL+tc.url, tc.query)
			if r.code != http.StatusOK {
				t.Fatalf("%d %s", r.code, r.body)
			}
			if n := len(r.results(t)); n != tc.want {
				t.Errorf("%d results, want %d", n, tc.want)
			}
			if r.json["truncated"] != true || r.json["limit"] != float64(tc.want) {
				t.Errorf("truncated=%v limit=%v, want true and %d", r.json["truncated"], r.json["limit"], tc.want)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	// A result within the limit is not marked.
	r := post(t, srv.URL+"/api/v2/query?lang=gizmo", `g.V("<https://newsgraph.dev/entity/Vladimir_Putin>").All()`)
	if n := len(r.results(t)); n != 1 || r.json["truncated"] != nil {
		t.Errorf("a one-result query: %s", r.body)
	}
	// GraphQL lists are cut too.
	r = post(t, srv.URL+"/api/v2/query?lang=graphql", `{ nodes { id } }`)
	nodes, _ := r.json["data"].(map[string]any)["nodes"].([]any)
	if r.code != http.StatusOK || len(nodes) != 5 || r.json["truncated"] != true {
		t.Errorf("graphql over the whole graph: %d, %d nodes, truncated=%v", r.code, len(nodes), r.json["truncated"])
	}
}

func TestV2Query(t *testing.T) {
	srv := newTestServer(t, Config{})
	// JSON-LD, as the console asks.
	r := post(t, srv.URL+"/api/v2/query?lang=gizmo", `g.V("<https://newsgraph.dev/entity/Vladimir_Putin>").Tag("source").All()`, "Accept", "application/ld+json")
	res := r.results(t)
	if len(res) != 1 {
		t.Fatalf("%s", r.body)
	}
	if src, _ := res[0].(map[string]any)["source"].(map[string]any); src["@id"] != "https://newsgraph.dev/entity/Vladimir_Putin" {
		t.Errorf("JSON-LD result: %s", r.body)
	}
	// GET with ?qu=.
	r = get(t, srv.URL+"/api/v2/query?lang=gizmo&qu="+urlEscape(putinName))
	if r.code != http.StatusOK || !strings.Contains(string(r.body), "Vladimir Putin") {
		t.Errorf("GET query: %d %s", r.code, r.body)
	}
	// An empty result is an empty list, not null (the console's Visualize
	// page fails on null).
	r = post(t, srv.URL+"/api/v2/query?lang=gizmo", `g.V("<https://newsgraph.dev/entity/Nobody_At_All>").Out().All()`)
	if r.code != http.StatusOK || !strings.Contains(string(r.body), `"result":[]`) {
		t.Errorf("empty result: %d %s", r.code, r.body)
	}
	for _, tc := range []struct{ url, query, want string }{
		{"/api/v2/query?lang=gizmo", `g.V(`, "SyntaxError"},
		{"/api/v2/query?lang=sparql", `SELECT *`, "unknown query language"},
		{"/api/v2/query?lang=gizmo", ``, "empty"},
		{"/api/v2/query?lang=gizmo", `throw new Error("boom")`, "boom"},
	} {
		r := post(t, srv.URL+tc.url, tc.query)
		if r.code != http.StatusBadRequest || !strings.Contains(r.error(), tc.want) {
			t.Errorf("%s %q: %d %s, want 400 and %q", tc.url, tc.query, r.code, r.body, tc.want)
		}
	}
}

func TestV1Route(t *testing.T) {
	srv := newTestServer(t, Config{})
	r := post(t, srv.URL+"/api/v1/query/gizmo", `g.V().Has("<http://schema.org/name>", "Vladimir Putin").Out("<http://schema.org/name>").All()`)
	if r.code != http.StatusOK {
		t.Fatalf("%d %s", r.code, r.body)
	}
	found := false
	for _, x := range r.results(t) {
		if m, ok := x.(map[string]any); ok && m["id"] == "Vladimir Putin" {
			found = true
		}
	}
	if !found {
		t.Errorf("v1 result lacks Vladimir Putin: %s", r.body)
	}
	if r := get(t, srv.URL+"/api/v1/query/gizmo"); r.code != http.StatusMethodNotAllowed {
		t.Errorf("GET on the v1 route: %d", r.code)
	}
	if r := post(t, srv.URL+"/api/v1/query/sparql", "SELECT *"); r.code != http.StatusBadRequest || !strings.Contains(r.error(), "unknown query language") {
		t.Errorf("unknown language: %d %s", r.code, r.body)
	}
	if r := post(t, srv.URL+"/api/v1/nothing", "x"); r.code != http.StatusNotFound || r.error() == "" {
		t.Errorf("unknown API route: %d %s", r.code, r.body)
	}
}

func TestBodyLimit(t *testing.T) {
	srv := newTestServer(t, Config{MaxBody: 1024, Writable: true})
	big := "/*" + strings.Repeat("x", 2048) + "*/ g.V().All()"
	for _, route := range []string{"/api/v1/query/gizmo", "/api/v2/query?lang=gizmo", "/api/v2/write"} {
		r := post(t, srv.URL+route, big)
		if r.code != http.StatusRequestEntityTooLarge {
			t.Errorf("%s with a body over the limit: %d %s, want 413", route, r.code, r.body)
		}
		// Without a Content-Length, the limit is met while reading.
		req, _ := http.NewRequest(http.MethodPost, srv.URL+route, io.MultiReader(strings.NewReader(big)))
		req.ContentLength = -1
		r = do(t, req)
		if r.code == http.StatusOK {
			t.Errorf("%s with a chunked body over the limit: %d %s", route, r.code, r.body)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/query/gizmo", io.MultiReader(strings.NewReader(big)))
	req.ContentLength = -1
	if r := do(t, req); r.code != http.StatusRequestEntityTooLarge {
		t.Errorf("v1 with a chunked body over the limit: %d %s, want 413", r.code, r.body)
	}
	if r := post(t, srv.URL+"/api/v1/query/gizmo", putinName); r.code != http.StatusOK {
		t.Errorf("a small query: %d %s", r.code, r.body)
	}
}

func TestShapeNotSupported(t *testing.T) {
	srv := newTestServer(t, Config{})
	r := post(t, srv.URL+"/api/v1/shape/gizmo", `g.V().All()`)
	if r.code != http.StatusNotImplemented || !strings.Contains(r.error(), "not supported") {
		t.Errorf("shape: %d %s, want 501 not supported", r.code, r.body)
	}
}

func TestBusy(t *testing.T) {
	srv := newTestServer(t, Config{MaxQueries: 1, Timeout: 2 * time.Second})
	done := make(chan response, 1)
	go func() { done <- post(t, srv.URL+"/api/v2/query?lang=gizmo", `while (true) {}`) }()
	time.Sleep(200 * time.Millisecond)
	r := post(t, srv.URL+"/api/v2/query?lang=gizmo", putinName)
	if r.code != http.StatusServiceUnavailable || !strings.Contains(r.error(), "busy") {
		t.Errorf("a query with no free slot: %d %s, want 503 busy", r.code, r.body)
	}
	<-done
	if r := post(t, srv.URL+"/api/v2/query?lang=gizmo", putinName); r.code != http.StatusOK {
		t.Errorf("a query after the slot is free: %d %s", r.code, r.body)
	}
}

func TestBrowserProtections(t *testing.T) {
	srv := newTestServer(t, Config{Writable: true})
	host := srv.Listener.Addr().String()
	req := func(method, url, body string, header ...string) response {
		r, _ := http.NewRequest(method, url, strings.NewReader(body))
		for i := 0; i+1 < len(header); i += 2 {
			if header[i] == "Host" {
				r.Host = header[i+1]
			} else {
				r.Header.Set(header[i], header[i+1])
			}
		}
		return do(t, r)
	}
	quad := `<https://newsgraph.dev/entity/Test_CSRF> <http://schema.org/name> "csrf" .`
	// Another site's page, through a visitor's browser.
	if r := req("POST", srv.URL+"/api/v2/write", quad, "Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site"); r.code != http.StatusForbidden {
		t.Errorf("cross-site write: %d %s", r.code, r.body)
	}
	if r := req("POST", srv.URL+"/api/v2/write", quad, "Origin", "http://evil.example"); r.code != http.StatusForbidden {
		t.Errorf("cross-origin write (Origin only): %d %s", r.code, r.body)
	}
	if r := req("GET", srv.URL+"/api/v2/query?lang=gizmo&qu="+urlEscape(putinName), "", "Sec-Fetch-Site", "cross-site"); r.code != http.StatusForbidden {
		t.Errorf("cross-site query: %d %s", r.code, r.body)
	}
	// DNS rebinding: a page of evil.example whose name now points here.
	if r := req("GET", srv.URL+"/", "", "Host", "evil.example:"+strings.Split(host, ":")[1]); r.code != http.StatusForbidden {
		t.Errorf("a foreign Host: %d", r.code)
	}
	for _, h := range []string{host, "localhost:1234", "[::1]:80", "127.0.0.1"} {
		if r := req("GET", srv.URL+"/", "", "Host", h); r.code != http.StatusOK {
			t.Errorf("Host %s: %d", h, r.code)
		}
	}
	// The console itself (same origin) and curl (no Origin) may write.
	if r := req("POST", srv.URL+"/api/v2/write", quad, "Origin", srv.URL, "Sec-Fetch-Site", "same-origin"); r.code != http.StatusOK {
		t.Errorf("same-origin write: %d %s", r.code, r.body)
	}
	post(t, srv.URL+"/api/v2/delete", quad)
	if !hostAllowed("intranet:80", []string{"intranet"}) || hostAllowed("other:80", []string{"intranet"}) {
		t.Error("hostAllowed ignores the allowed names")
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	h, err := Handler(sampleStore(t), Config{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(h, Config{})
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.WriteTimeout <= DefaultTimeout || srv.IdleTimeout == 0 {
		t.Errorf("server timeouts not set: %+v", srv)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- Serve(ctx, srv, ln, 5*time.Second) }()
	url := "http://" + ln.Addr().String()
	// A request in flight when the signal comes still gets its answer.
	var wg sync.WaitGroup
	wg.Add(1)
	var slow response
	go func() {
		defer wg.Done()
		slow = post(t, url+"/api/v2/query?lang=gizmo", `var t = Date.now(); while (Date.now() - t < 500) {} g.Emit("done")`)
	}()
	time.Sleep(200 * time.Millisecond)
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
	wg.Wait()
	if slow.code != http.StatusOK || !strings.Contains(string(slow.body), "done") {
		t.Errorf("the request in flight: %d %s", slow.code, slow.body)
	}
	if _, err := http.Get(url + "/"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:64210": true, "localhost:1": true, "[::1]:80": true, "127.0.0.2:80": true,
		":64210": false, "0.0.0.0:64210": false, "192.168.1.2:80": false, "[::]:80": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}
