package article

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// walkAll runs r.Walk over paths and returns the articles and the problem
// messages, checking that Walk's count matches and that it returned no error.
func walkAll(t *testing.T, r *Reader, paths ...string) ([]newsgraph.Article, []string) {
	t.Helper()
	var arts []newsgraph.Article
	var probs []string
	r.OnProblem = func(p *Problem) { probs = append(probs, p.Error()) }
	n, err := r.Walk(paths, func(a newsgraph.Article) error {
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	if n != len(probs) {
		t.Errorf("Walk returned %d problems, OnProblem saw %d", n, len(probs))
	}
	return arts, probs
}

// write creates dir/name (and its folders) holding data, and returns its path.
func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// gzipped compresses s.
func gzipped(t testing.TB, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// ids lists the articles' IDs.
func ids(arts []newsgraph.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID
	}
	return out
}

// origins lists the articles' origins relative to dir.
func origins(dir string, arts []newsgraph.Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = strings.TrimPrefix(filepath.ToSlash(a.Origin), filepath.ToSlash(dir)+"/")
	}
	return out
}

// relative strips dir from the paths in problem messages.
func relative(dir string, probs []string) []string {
	out := make([]string, len(probs))
	for i, p := range probs {
		out[i] = strings.ReplaceAll(filepath.ToSlash(p), filepath.ToSlash(dir)+"/", "")
	}
	return out
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) != len(want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

// Sample articles, invented for the tests.
const (
	harbourStory = "date 2021-06-04 The harbour authority of Lisvik opened a second ferry terminal on Friday.\n\nOfficials said the terminal would cut waiting times for commuters by half."
	bridgeStory  = "The regional council approved funding for a new footbridge over the Marrow river.\n\nConstruction is expected to begin next spring."
	orchardStory = "Apple growers in the Vell valley reported a record harvest this autumn, helped by a mild summer."
)
