package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// sampleDir holds the bundled sample articles.
const sampleDir = "../../data/articles"

// sampleCount is how many sample articles there are.
const sampleCount = 15

// result is what one command run printed and returned.
type result struct {
	stdout, stderr string
	err            error
}

// run runs the command line in-process with args, as main would,
// with empty standard input.
func run(t *testing.T, args ...string) result {
	t.Helper()
	return newsgraphIn(t, strings.NewReader(""), args...)
}

func newsgraphIn(t *testing.T, stdin io.Reader, args ...string) result {
	t.Helper()
	root := newRoot()
	var out, errb bytes.Buffer
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(&out)
	root.SetErr(&errb)
	err := root.Execute()
	return result{out.String(), errb.String(), err}
}

// must runs a command that must succeed.
func must(t *testing.T, args ...string) result {
	t.Helper()
	r := run(t, args...)
	if r.err != nil {
		t.Fatalf("newsgraph %s: %v\nstderr:\n%s", strings.Join(args, " "), r.err, r.stderr)
	}
	return r
}

// tempDB is a bolt store location in a fresh temporary folder.
func tempDB(t *testing.T) string {
	t.Helper()
	return "bolt:" + filepath.Join(t.TempDir(), "newsgraph.db")
}

// writeFiles writes files (name -> content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readQuads parses N-Quads.
func readQuads(t *testing.T, s string) []quad.Quad {
	t.Helper()
	qs, err := quad.ReadAll(nquads.NewReader(strings.NewReader(s), false))
	if err != nil {
		t.Fatalf("read N-Quads: %v", err)
	}
	return qs
}

// exportAll exports a store as N-Quads and parses them.
func exportAll(t *testing.T, db string, extra ...string) []quad.Quad {
	t.Helper()
	r := must(t, append([]string{"export", "--db", db}, extra...)...)
	return readQuads(t, r.stdout)
}

// graphSet is a set of quads keyed by their N-Quads form.
type graphSet map[string]quad.Quad

func setOf(qs []quad.Quad) graphSet {
	s := make(graphSet, len(qs))
	for _, q := range qs {
		s[q.NQuad()] = q
	}
	return s
}

// byLabel splits a graph by label.
func (g graphSet) byLabel() map[quad.Value]graphSet {
	out := map[quad.Value]graphSet{}
	for k, q := range g {
		if out[q.Label] == nil {
			out[q.Label] = graphSet{}
		}
		out[q.Label][k] = q
	}
	return out
}

func (g graphSet) has(s, p, o, label quad.Value) bool {
	for _, q := range g {
		if (s == nil || q.Subject == s) && (p == nil || q.Predicate == p) && (o == nil || q.Object == o) && (label == nil || q.Label == label) {
			return true
		}
	}
	return false
}

// sameGraph fails the test when got and want differ, listing the first
// differences.
func sameGraph(t *testing.T, what string, got, want graphSet) {
	t.Helper()
	var missing, extra []string
	for k := range want {
		if _, ok := got[k]; !ok {
			missing = append(missing, k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			extra = append(extra, k)
		}
	}
	if len(missing) == 0 && len(extra) == 0 {
		return
	}
	sort.Strings(missing)
	sort.Strings(extra)
	for i, k := range missing {
		if i == 8 {
			break
		}
		t.Errorf("%s: missing %s", what, k)
	}
	for i, k := range extra {
		if i == 8 {
			break
		}
		t.Errorf("%s: unexpected %s", what, k)
	}
	t.Fatalf("%s: %d quads missing, %d unexpected (got %d, want %d)", what, len(missing), len(extra), len(got), len(want))
}

// stats runs `stats --json`.
func stats(t *testing.T, db string) graph.Stats {
	t.Helper()
	r := must(t, "stats", "--db", db, "--json")
	var st graph.Stats
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, r.stdout)
	}
	return st
}

func entity(id string) quad.IRI     { return schema.EntityIRI(id) }
func articleIRI(id string) quad.IRI { return schema.ArticleIRI(id) }
func pred(name string) quad.IRI     { return schema.PredicateIRI(name) }

// articleIDs lists the ids of the article files in dir: their names
// without extension.
func articleIDs(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range entries {
		ids = append(ids, strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())))
	}
	return ids
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

// binary builds the newsgraph command once per test run, for the tests
// that need a real process (kill -9, two processes on one store).
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command; skipped with -short")
	}
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "newsgraph-test-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "newsgraph")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		out, err := cmd.CombinedOutput()
		if err != nil {
			binErr = &buildError{err, string(out)}
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return "go build: " + e.err.Error() + "\n" + e.out }

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}
