package serve

import (
	"html/template"
	"net/http"
	"strings"
	"testing"
)

// TestExamples runs every example over the sample graph: each returns
// results, and those offered to Visualize return source and target nodes.
func TestExamples(t *testing.T) {
	srv := newTestServer(t, Config{})
	for _, ex := range Examples {
		t.Run(ex.Title, func(t *testing.T) {
			r := post(t, srv.URL+"/api/v2/query?lang=gizmo", ex.Query, "Accept", "application/ld+json")
			if r.code != http.StatusOK {
				t.Fatalf("%d %s\n%s", r.code, r.body, ex.Query)
			}
			res := r.results(t)
			if len(res) == 0 {
				t.Fatalf("no results over the sample graph (data/articles, built by the current extractor): "+
					"the example, or the facts it needs, must change:\n%s", ex.Query)
			}
			if !ex.Visualize {
				return
			}
			if !strings.Contains(ex.Query, `Tag("source")`) || !strings.Contains(ex.Query, `Tag("target")`) {
				t.Errorf("a Visualize example must tag source and target")
			}
			for _, x := range res {
				m, _ := x.(map[string]any)
				src, _ := m["source"].(map[string]any)
				dst, _ := m["target"].(map[string]any)
				if src["@id"] == nil || dst["@id"] == nil {
					t.Errorf("result without source and target nodes: %v", x)
					break
				}
			}
		})
	}
}

func TestExamplesPage(t *testing.T) {
	srv := newTestServer(t, Config{})
	r := get(t, srv.URL+"/examples")
	if r.code != http.StatusOK {
		t.Fatalf("/examples: %d", r.code)
	}
	page := string(r.body)
	for _, ex := range Examples {
		if !strings.Contains(page, template.HTMLEscapeString(ex.Title)) {
			t.Errorf("the page lacks %q", ex.Title)
		}
		if ex.Visualize && !strings.Contains(page, `href="/#page=visualize&amp;run=1&amp;query=`+urlEscape(ex.Query)[:40]) {
			t.Errorf("the page lacks a Visualize link for %q", ex.Title)
		}
	}
	for _, want := range []string{`Tag(&#34;source&#34;)`, "/api/v1/query/gizmo", `href="/"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if refs := externalRefs("examples.html", r.body); len(refs) > 0 {
		t.Errorf("the examples page loads %v", refs)
	}
	// The console's panel reads the same list.
	r = get(t, srv.URL+"/newsgraph/examples.json")
	if r.code != http.StatusOK || !strings.Contains(string(r.body), Examples[0].Title) {
		t.Errorf("examples.json: %d %.200s", r.code, r.body)
	}
}
