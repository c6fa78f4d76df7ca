package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/serve"
)

// postgresURL is the server the PostgreSQL tests use, from
// NEWSGRAPH_TEST_POSTGRES (.ci/run starts one and sets it; `bash
// .ci/postgres` starts one by hand and prints its URL). Without it the
// tests are skipped, and say so.
func postgresURL(t *testing.T) string {
	t.Helper()
	u := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if u == "" {
		t.Skip("NEWSGRAPH_TEST_POSTGRES is not set: PostgreSQL tests skipped " +
			"(run `export NEWSGRAPH_TEST_POSTGRES=$(bash .ci/postgres)` to start a server and run them)")
	}
	return u
}

// freshDatabase creates an empty database on the server of base (whose
// role must be allowed to create databases), drops it when the test ends,
// and returns its URL.
func freshDatabase(t *testing.T, base string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("NEWSGRAPH_TEST_POSTGRES: %v", err)
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	name := fmt.Sprintf("newsgraph_test_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database on %s (the role needs CREATEDB): %v", u.Redacted(), err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Logf("drop test database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}

// queryLines runs a query and returns its results, one JSON value per
// line, sorted: the backends return results in different orders.
func queryLines(t *testing.T, db, q string) []string {
	t.Helper()
	r := must(t, "query", "--db", db, "--limit", "100000", q)
	var res []json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatalf("query output: %v\n%s", err, r.stdout)
	}
	out := make([]string, len(res))
	for i, v := range res {
		var x any
		if err := json.Unmarshal(v, &x); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(x) // canonical: sorted keys, no spaces
		out[i] = string(b)
	}
	sort.Strings(out)
	return out
}

// The sample articles built into PostgreSQL and into bolt by the same
// command make the same graph: the cookbook's queries give the same
// results, and the exports match quad for quad. A second build changes
// nothing, and a retraction removes the same quads from both.
func TestPostgresMatchesBolt(t *testing.T) {
	pg := freshDatabase(t, postgresURL(t))
	bolt := tempDB(t)
	for _, db := range []string{pg, bolt} {
		r := must(t, "build", "--db", db, sampleDir)
		if !strings.Contains(r.stderr, fmt.Sprintf("built %d articles", sampleCount)) {
			t.Fatalf("build into %s: %s", db, r.stderr)
		}
	}

	queries := []string{
		`g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://schema.org/Person>").Out("<http://schema.org/name>").All()`,
		`g.V().Tag("subject").Out("<https://newsgraph.dev/ns#leader_of>").Tag("object").All()`,
	}
	for _, ex := range serve.Examples {
		queries = append(queries, ex.Query)
	}
	nonEmpty := 0
	for _, q := range queries {
		got, want := queryLines(t, pg, q), queryLines(t, bolt, q)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("query %s:\npostgres: %d results\n%s\nbolt: %d results\n%s", q, len(got), head(got), len(want), head(want))
		}
		if len(want) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < len(queries)/2 {
		t.Errorf("only %d of %d queries returned results on the sample graph", nonEmpty, len(queries))
	}

	pgQuads, boltQuads := setOf(exportAll(t, pg)), setOf(exportAll(t, bolt))
	sameGraph(t, "postgres export vs bolt export", pgQuads, boltQuads)
	if len(boltQuads) < 1000 {
		t.Errorf("sample graph has %d quads", len(boltQuads))
	}
	if got, want := stats(t, pg), stats(t, bolt); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("stats: postgres %+v, bolt %+v", got, want)
	}

	// Building again skips every article.
	r := must(t, "build", "--db", pg, sampleDir)
	if !strings.Contains(r.stderr, fmt.Sprintf("(%d unchanged)", sampleCount)) {
		t.Errorf("second build into postgres: %s", r.stderr)
	}

	// Retracting one article removes the same quads from both.
	for _, db := range []string{pg, bolt} {
		must(t, "retract", "--db", db, "05_icc-explainer")
	}
	sameGraph(t, "after retract: postgres vs bolt", setOf(exportAll(t, pg)), setOf(exportAll(t, bolt)))
}

// An article replaced by a new version in PostgreSQL reads back whole.
func TestPostgresReplace(t *testing.T) {
	pg := freshDatabase(t, postgresURL(t))
	bolt := tempDB(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "date 2024-01-02\n\nPresident Volodymyr Zelensky of Ukraine met Olaf Scholz in Berlin on Monday."})
	for _, db := range []string{pg, bolt} {
		must(t, "build", "--db", db, dir)
	}
	writeFiles(t, dir, map[string]string{"a.txt": "date 2024-01-03\n\nOlaf Scholz said Germany would send more aid."})
	for _, db := range []string{pg, bolt} {
		must(t, "build", "--db", db, dir)
	}
	sameGraph(t, "replaced article", setOf(exportAll(t, pg)), setOf(exportAll(t, bolt)))
}

func head(lines []string) string {
	if len(lines) > 5 {
		lines = append(lines[:5:5], "...")
	}
	return strings.Join(lines, "\n")
}
