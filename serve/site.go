package serve

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/ui"
)

// assets holds what newsgraph adds to Cayley's console: vendor/ (the
// Monaco editor and the Material Icons font, copied from their npm
// packages by tools/console) and console/ (the newsgraph panel, the
// examples page).
//
//go:embed assets
var assets embed.FS

// Where the console's CDN dependencies are served from instead.
const (
	monacoBase    = "/vendor/monaco/min/vs"
	iconsStyle    = "/vendor/material-icons/material-icons.css"
	monacoVersion = "0.18.1"
)

// rewrite is one change made to Cayley's console bundle. Each must apply
// at least once: a Cayley upgrade that moves a URL fails loudly here
// rather than loading it from the network.
type rewrite struct {
	old, new string
	exts     string // file extensions it applies to
}

var rewrites = []rewrite{
	{`"https://cdn.jsdelivr.net/npm/monaco-editor@` + monacoVersion + `/min/vs/loader.js"`, `"` + monacoBase + `/loader.js"`, ".js"},
	{`"https://cdn.jsdelivr.net/npm/monaco-editor@` + monacoVersion + `/min/vs"`, `"` + monacoBase + `"`, ".js"},
	{`@import url(https://fonts.googleapis.com/icon?family=Material+Icons);`, `@import url(` + iconsStyle + `);`, ".css"},
	// The console's server address, fixed at build time: talk to whichever
	// origin served the page.
	{`"http://localhost:64210"`, `window.location.origin`, ".js"},
	{`<title>Cayley</title>`, `<title>newsgraph · Cayley console</title>`, ".html"},
	{`</head>`, `<link href="/newsgraph/console.css" rel="stylesheet"><script src="/newsgraph/console.js"></script></head>`, ".html"},
}

// forbidden are hosts no served console file may name: the CDNs the
// bundle used, the Workbox CDN of its service worker, and the address it
// was built for.
var forbidden = []string{"cdn.jsdelivr.net", "fonts.googleapis.com", "fonts.gstatic.com", "storage.googleapis.com", "localhost:64210", "unpkg.com"}

// serviceWorker replaces the bundle's Workbox worker, which imports its
// code from a CDN. The console never registers a worker; this one only
// removes a worker left by an older Cayley console on the same origin.
const serviceWorker = `// newsgraph: the console needs no service worker; this one removes itself.
self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function () { self.registration.unregister(); });
`

var sourceMap = regexp.MustCompile(`(?m)^(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$`)

// file is one file of the site, held in memory.
type file struct {
	data  []byte
	gz    []byte // gzip of data, when worth it
	ctype string
	etag  string
	cache string
}

// site is everything served outside the API.
type site struct {
	files    map[string]*file // by path, without the leading slash
	csp      string
	examples *template.Template
}

var (
	siteOnce sync.Once
	theSite  *site
	siteErr  error
)

// loadSite builds the site once per process.
func loadSite() (*site, error) {
	siteOnce.Do(func() { theSite, siteErr = buildSite() })
	return theSite, siteErr
}

func buildSite() (*site, error) {
	s := &site{files: map[string]*file{}}
	web, err := fs.Sub(ui.FS, "web")
	if err != nil {
		return nil, err
	}
	applied := make([]int, len(rewrites))
	var hashes []string
	err = fs.WalkDir(web, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch {
		case strings.HasSuffix(name, ".map"), strings.HasPrefix(name, "precache-manifest"):
			return nil // source maps name the CDNs in their sources; not needed
		case name == "service-worker.js":
			s.add(name, []byte(serviceWorker), "no-cache")
			return nil
		}
		data, err := fs.ReadFile(web, name)
		if err != nil {
			return err
		}
		ext := path.Ext(name)
		for i, rw := range rewrites {
			if strings.Contains(rw.exts, ext) && bytes.Contains(data, []byte(rw.old)) {
				data = bytes.ReplaceAll(data, []byte(rw.old), []byte(rw.new))
				applied[i]++
			}
		}
		if ext == ".js" || ext == ".css" {
			data = sourceMap.ReplaceAll(data, nil)
			if h, ok := monacoScriptHash(data); ok {
				hashes = append(hashes, h)
			}
		}
		if ext == ".html" {
			hashes = append(hashes, inlineScriptHashes(data)...)
		}
		cache := "public, max-age=3600"
		if name == "index.html" {
			cache = "no-cache"
		}
		s.add(name, data, cache)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("console: %w", err)
	}
	for i, n := range applied {
		if n == 0 {
			return nil, fmt.Errorf("console: Cayley's bundle has changed: %q not found", rewrites[i].old)
		}
	}
	if len(hashes) < 2 {
		return nil, fmt.Errorf("console: Cayley's bundle has changed: the Monaco loader script or the page's inline script not found")
	}
	for _, dir := range []string{"vendor", "console"} {
		sub, err := fs.Sub(assets, "assets/"+dir)
		if err != nil {
			return nil, err
		}
		prefix := dir + "/"
		if dir == "console" {
			prefix = "newsgraph/"
		}
		err = fs.WalkDir(sub, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(sub, name)
			if err != nil {
				return err
			}
			s.add(prefix+name, data, "public, max-age=86400")
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("console assets: %w", err)
		}
	}
	if _, ok := s.files["vendor/monaco/min/vs/editor/editor.main.js"]; !ok {
		return nil, fmt.Errorf("console assets: the Monaco editor is missing from serve/assets/vendor (see tools/console/README.md)")
	}
	examples, err := json.Marshal(Examples)
	if err != nil {
		return nil, err
	}
	s.add("newsgraph/examples.json", examples, "no-cache")
	for name, f := range s.files {
		if strings.HasPrefix(name, "vendor/") {
			continue // third-party files, checked against their npm packages
		}
		for _, host := range forbidden {
			if bytes.Contains(f.data, []byte(host)) {
				return nil, fmt.Errorf("console: %s still names %s", name, host)
			}
		}
	}
	page, err := fs.ReadFile(assets, "assets/console/examples.html")
	if err != nil {
		return nil, err
	}
	s.examples, err = template.New("examples").Parse(string(page))
	if err != nil {
		return nil, err
	}
	s.csp = contentSecurityPolicy(hashes)
	return s, nil
}

func (s *site) add(name string, data []byte, cache string) {
	sum := sha256.Sum256(data)
	f := &file{data: data, ctype: contentType(name), etag: `"` + hex.EncodeToString(sum[:12]) + `"`, cache: cache}
	if len(data) > 1024 && compressible(f.ctype) {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
		zw.Write(data)
		zw.Close()
		if b.Len() < len(data)*9/10 {
			f.gz = b.Bytes()
		}
	}
	s.files[name] = f
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".ts":
		return "text/plain; charset=utf-8"
	case ".woff2":
		return "font/woff2"
	case ".ico":
		return "image/x-icon"
	case "":
		return "text/plain; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "json") || strings.Contains(ctype, "javascript") || ctype == "image/x-icon"
}

// monacoScriptHash finds the inline script the Monaco loader wrapper
// (in the console's bundle) adds to the page, and returns the hash the
// Content-Security-Policy must allow for it.
func monacoScriptHash(js []byte) (string, bool) {
	m := monacoScript.FindSubmatch(js)
	if m == nil {
		return "", false
	}
	before, err1 := strconv.Unquote(`"` + string(m[1]) + `"`)
	after, err2 := strconv.Unquote(`"` + string(m[2]) + `"`)
	if err1 != nil || err2 != nil {
		return "", false
	}
	return scriptHash(before + monacoBase + after), true
}

var monacoScript = regexp.MustCompile(`innerHTML="((?:[^"\\]|\\.)*)"\.concat\(this\.__config\.urls\.monacoBase,"((?:[^"\\]|\\.)*)"\)`)

var inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

func inlineScriptHashes(html []byte) []string {
	var out []string
	for _, m := range inlineScript.FindAllSubmatch(html, -1) {
		out = append(out, scriptHash(string(m[1])))
	}
	return out
}

func scriptHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// ServeHTTP serves the console and its assets.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	f, ok := s.files[name]
	if !ok {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", f.cache)
	h.Set("Content-Security-Policy", s.csp)
	data, etag := f.data, f.etag
	if f.gz != nil {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			data, etag = f.gz, strings.TrimSuffix(f.etag, `"`)+`-gz"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// serveExamples renders the examples page.
func (s *site) serveExamples(w http.ResponseWriter, r *http.Request) {
	type item struct {
		Example
		Run, Visualize string // console links that load (and run) it
	}
	items := make([]item, len(Examples))
	for i, ex := range Examples {
		items[i] = item{Example: ex, Run: consoleLink(ex.Query, "query")}
		if ex.Visualize {
			items[i].Visualize = consoleLink(ex.Query, "visualize")
		}
	}
	var b bytes.Buffer
	if err := s.examples.Execute(&b, items); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Security-Policy", s.csp)
	w.Write(b.Bytes())
}

// consoleLink opens the console on page with query in its editor, and
// runs it.
func consoleLink(query, page string) string {
	return "/#page=" + page + "&run=1&query=" + strings.ReplaceAll(urlEscape(query), "+", "%20")
}

func urlEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
