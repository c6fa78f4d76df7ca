package serve

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
)

// URLs a script may name without the browser loading them: XML
// namespaces, and documentation links inside error messages.
var harmlessURL = regexp.MustCompile(`^https?://(www\.w3\.org/|reactjs\.org/docs/error-decoder|fb\.me/)`)

var (
	anyURL  = regexp.MustCompile(`(?:https?:)?//[a-zA-Z0-9][-a-zA-Z0-9.]*\.[a-zA-Z]{2,}[^"'()\s]*`)
	htmlRef = regexp.MustCompile(`(?i)\b(?:src|href|action|poster|data|srcset)\s*=\s*["']?\s*((?:[a-z][a-z0-9+.-]*:)?//[^"'\s>]*)`)
	cssRef  = regexp.MustCompile(`(?i)(?:url\(|@import)\s*["']?\s*((?:[a-z][a-z0-9+.-]*:)?//[^"')\s]*)`)
)

// externalRefs lists what a file, by its type, would have a browser load
// from another host: any URL a script names (but harmless ones), the
// absolute URLs of a page's attributes, a stylesheet's imports and urls.
// Data files (JSON, the Gizmo typings, robots.txt) load nothing.
func externalRefs(name string, data []byte) []string {
	var out []string
	switch {
	case strings.HasSuffix(name, ".js"):
		for _, u := range anyURL.FindAllString(string(data), -1) {
			if !harmlessURL.MatchString(u) {
				out = append(out, u)
			}
		}
	case strings.HasSuffix(name, ".html"):
		for _, m := range htmlRef.FindAllStringSubmatch(string(data), -1) {
			out = append(out, m[1])
		}
		fallthrough // inline styles
	case strings.HasSuffix(name, ".css"):
		for _, m := range cssRef.FindAllStringSubmatch(string(data), -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// TestConsoleLoadsNothingElsewhere checks every file of the console as
// served: none would have a browser load anything from another host.
func TestConsoleLoadsNothingElsewhere(t *testing.T) {
	s, err := loadSite()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for name, f := range s.files {
		if strings.HasPrefix(name, "vendor/") && strings.HasSuffix(name, ".js") {
			continue // Monaco, byte for byte its npm package: see TestVendoredAssets
		}
		if refs := externalRefs(name, f.data); len(refs) > 0 {
			t.Errorf("%s loads %v", name, refs)
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("checked only %d files", checked)
	}
	// The check itself finds what the bundle named before its rewrite.
	for name, bad := range map[string]string{
		"a.js":   `var base = "https://cdn.jsdelivr.net/npm/monaco-editor@0.18.1/min/vs"`,
		"a.css":  `@import url(https://fonts.googleapis.com/icon?family=Material+Icons);`,
		"a.html": `<link href="//fonts.googleapis.com/css" rel="stylesheet">`,
	} {
		if len(externalRefs(name, []byte(bad))) == 0 {
			t.Errorf("externalRefs misses %s", bad)
		}
	}
}

// TestConsoleServed follows what the console's page loads, as served over
// HTTP: every reference resolves on this server.
func TestConsoleServed(t *testing.T) {
	srv := newTestServer(t, Config{})
	page := get(t, srv.URL+"/")
	if page.code != http.StatusOK {
		t.Fatalf("/: %d", page.code)
	}
	html := string(page.body)
	for _, want := range []string{`/newsgraph/console.js`, `/newsgraph/console.css`, `/static/js/`} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(html, -1)
	if len(refs) < 5 {
		t.Fatalf("index.html references only %v", refs)
	}
	var scripts []string
	for _, m := range refs {
		u := m[1]
		if !strings.HasPrefix(u, "/") {
			u = "/" + u
		}
		if strings.HasPrefix(u, "//") {
			t.Errorf("index.html loads %s", m[1])
			continue
		}
		r := get(t, srv.URL+u)
		if r.code != http.StatusOK {
			t.Errorf("%s: %d", u, r.code)
		}
		if strings.HasSuffix(u, ".js") {
			scripts = append(scripts, string(r.body))
		}
	}
	bundle := strings.Join(scripts, "\n")
	for _, want := range []string{`"/vendor/monaco/min/vs/loader.js"`, `"/vendor/monaco/min/vs"`, `window.location.origin`} {
		if !strings.Contains(bundle, want) {
			t.Errorf("the console's scripts lack %s", want)
		}
	}
	css := get(t, srv.URL+"/static/css/main.72fe53e6.chunk.css")
	if !strings.Contains(string(css.body), "@import url(/vendor/material-icons/material-icons.css)") {
		t.Errorf("the console's stylesheet does not import the local icon font: %.200s", css.body)
	}
	// What Monaco and the icon font load.
	for path, ctype := range map[string]string{
		"/vendor/monaco/min/vs/loader.js":                       "text/javascript",
		"/vendor/monaco/min/vs/editor/editor.main.js":           "text/javascript",
		"/vendor/monaco/min/vs/editor/editor.main.css":          "text/css",
		"/vendor/monaco/min/vs/editor/editor.main.nls.js":       "text/javascript",
		"/vendor/monaco/min/vs/base/worker/workerMain.js":       "text/javascript",
		"/vendor/monaco/min/vs/language/typescript/tsWorker.js": "text/javascript",
		"/vendor/material-icons/material-icons.css":             "text/css",
		"/vendor/material-icons/material-icons.woff2":           "font/woff2",
		"/gizmo.d.ts":              "text/plain",
		"/newsgraph/examples.json": "application/json",
		"/examples":                "text/html",
	} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %s, want 200 %s", path, res.StatusCode, res.Header.Get("Content-Type"), ctype)
		}
	}
	icons := get(t, srv.URL+"/vendor/material-icons/material-icons.css")
	if !strings.Contains(string(icons.body), `url("./material-icons.woff2")`) || !strings.Contains(string(icons.body), ".material-icons") {
		t.Errorf("the icon font's stylesheet: %s", icons.body)
	}
	// No source maps, no Workbox worker, no directory listings.
	for _, path := range []string{"/static/js/main.84d3ab8c.chunk.js.map", "/static/", "/vendor/", "/nothing"} {
		if r := get(t, srv.URL+path); r.code != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, r.code)
		}
	}
	sw := get(t, srv.URL+"/service-worker.js")
	if sw.code != http.StatusOK || strings.Contains(string(sw.body), "importScripts") || !strings.Contains(string(sw.body), "unregister") {
		t.Errorf("service worker: %d %s", sw.code, sw.body)
	}
	if r := post(t, srv.URL+"/", ""); r.code != http.StatusMethodNotAllowed {
		t.Errorf("POST /: %d", r.code)
	}
}

func TestConsoleHeaders(t *testing.T) {
	srv := newTestServer(t, Config{})
	res, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "connect-src 'self'", "font-src 'self'", "frame-ancestors 'none'", "'sha256-"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %s: %s", want, csp)
		}
	}
	if strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
		t.Errorf("CSP allows any script: %s", csp)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("headers: %v", res.Header)
	}
	// Compressed when asked, and the same bytes.
	req, _ := http.NewRequest("GET", srv.URL+"/vendor/monaco/min/vs/editor/editor.main.js", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err = http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("editor.main.js not compressed: %v", res.Header)
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := fs.ReadFile(assets, "assets/vendor/monaco/min/vs/editor/editor.main.js")
	if !bytes.Equal(got, want) {
		t.Error("gzip answer differs from the file")
	}
	// Cached by ETag.
	req, _ = http.NewRequest("GET", srv.URL+"/vendor/material-icons/material-icons.woff2", nil)
	res2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	req.Header.Set("If-None-Match", res2.Header.Get("ETag"))
	res3, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res3.Body.Close()
	if res3.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: %d", res3.StatusCode)
	}
}

// TestVendoredAssets checks serve/assets/vendor against SOURCES.json,
// written by tools/console/vendor.js from the packages pinned in
// tools/console/package-lock.json: same files, same bytes.
func TestVendoredAssets(t *testing.T) {
	var sources struct {
		Packages map[string]struct{ Version, Integrity string }
		Files    map[string]struct {
			Package string
			Bytes   int
			SHA256  string `json:"sha256"`
		}
	}
	data, err := fs.ReadFile(assets, "assets/vendor/SOURCES.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &sources); err != nil {
		t.Fatal(err)
	}
	var lock struct {
		Packages map[string]struct{ Version, Integrity string }
	}
	data, err = os.ReadFile("../tools/console/package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &lock); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"monaco-editor": monacoVersion, "material-icons": "1.13.14"}
	for name, version := range want {
		p, l := sources.Packages[name], lock.Packages["node_modules/"+name]
		if p.Version != version || l.Version != version || p.Integrity == "" || p.Integrity != l.Integrity {
			t.Errorf("%s: SOURCES.json %+v, package-lock.json %+v, want %s", name, p, l, version)
		}
	}
	seen := map[string]bool{}
	err = fs.WalkDir(assets, "assets/vendor", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == "assets/vendor/SOURCES.json" {
			return err
		}
		name := strings.TrimPrefix(path, "assets/vendor/")
		seen[name] = true
		f, ok := sources.Files[name]
		if !ok {
			t.Errorf("%s is not in SOURCES.json", name)
			return nil
		}
		data, err := fs.ReadFile(assets, path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != f.SHA256 || len(data) != f.Bytes {
			t.Errorf("%s differs from what %s gave (regenerate: tools/console/README.md)", name, f.Package)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name := range sources.Files {
		if !seen[name] {
			t.Errorf("%s is in SOURCES.json but missing", name)
		}
	}
}
