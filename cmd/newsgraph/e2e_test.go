package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Fixture articles, written for these tests.
const (
	madridTalks = `date 2024-06-03

MADRID — Spanish Prime Minister Pedro Sanchez met Argentine President Javier Milei in Madrid on Monday to discuss trade.

"We want open markets," Milei said after the meeting.
`
	// madridTalks as later corrected: the meeting was in Lisbon, with
	// Portugal's prime minister.
	madridTalksCorrected = `date 2024-06-03

LISBON — Portuguese Prime Minister Luis Montenegro met Argentine President Javier Milei in Lisbon on Monday to discuss trade.

"We want open markets," Milei said after the meeting.
`
	warsawVisit = `date 2024-06-04

WARSAW — German Chancellor Olaf Scholz visited Warsaw on Tuesday, where he met Polish Prime Minister Donald Tusk.

"Our neighbours can count on us," Scholz told reporters.
`
	courtRuling = `date 2024-06-07

The International Criminal Court issued a warrant for Vladimir Putin on Friday. Russian President Vladimir Putin did not comment.

Kremlin spokesman Dmitry Peskov said the decision was "null and void".
`
)

// fixtures writes the three fixture articles into a fresh folder.
func fixtures(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"madrid-talks.txt": madridTalks,
		"warsaw-visit.txt": warsawVisit,
		"court-ruling.txt": courtRuling,
	})
	return dir
}

// checkLabels checks the contract on a built graph: every quad outside the
// vocabulary is labelled with the IRI of one of the articles (which
// contains the article's id), each article has its node under its label,
// and every entity named under a label has a type and a name there.
func checkLabels(t *testing.T, g graphSet, ids []string) {
	t.Helper()
	labels := map[quad.Value]string{}
	for _, id := range ids {
		labels[articleIRI(id)] = id
	}
	vocab := quad.IRI(schema.VocabularyGraph)
	for k, q := range g {
		if q.Label == vocab {
			continue
		}
		id, ok := labels[q.Label]
		if !ok {
			t.Fatalf("quad %s is not labelled with an article's IRI", k)
		}
		if !strings.Contains(string(q.Label.(quad.IRI)), id) {
			t.Fatalf("label %v does not contain the article id %q", q.Label, id)
		}
	}
	for label, part := range g.byLabel() {
		if label == vocab {
			continue
		}
		if !part.has(label, schema.Type, schema.NewsArticle, label) {
			t.Errorf("%v: no article node under its label", label)
		}
		for _, q := range part {
			s, ok := q.Subject.(quad.IRI)
			if !ok || !strings.HasPrefix(string(s), schema.EntityNS) {
				continue
			}
			if !part.has(s, schema.Type, nil, label) {
				t.Errorf("%v: entity %v has no rdf:type", label, s)
			}
			if !part.has(s, schema.Name, nil, label) {
				t.Errorf("%v: entity %v has no schema:name", label, s)
			}
		}
	}
	for id := range labels {
		if _, ok := g.byLabel()[id]; !ok {
			t.Errorf("no quads labelled %v", id)
		}
	}
}

func TestBuildSampleArticles(t *testing.T) {
	db := tempDB(t)
	r := must(t, "build", "--db", db, sampleDir)
	if !strings.Contains(r.stderr, "built 15 articles from 15 files into "+db) {
		t.Errorf("build summary:\n%s", r.stderr)
	}
	st := stats(t, db)
	if st.Articles != sampleCount {
		t.Errorf("stats: %d articles, want %d", st.Articles, sampleCount)
	}
	if st.Entities["Person"] == 0 || st.Entities["Country"] == 0 || st.Relations["leader_of"] == 0 {
		t.Errorf("stats: %+v", st)
	}
	g := setOf(exportAll(t, db))
	if len(g) != st.Quads {
		t.Errorf("export has %d quads, stats counts %d", len(g), st.Quads)
	}
	checkLabels(t, g, articleIDs(t, sampleDir))

	text := must(t, "stats", "--db", db).stdout
	for _, want := range []string{"articles   15", "entities", "relations", "leader_of"} {
		if !strings.Contains(text, want) {
			t.Errorf("stats output lacks %q:\n%s", want, text)
		}
	}
}

// Facts the sample articles state plainly, which the extractor must find.
func TestSampleFacts(t *testing.T) {
	db := tempDB(t)
	must(t, "build", "--db", db, sampleDir)
	g := setOf(exportAll(t, db))
	warrant := false
	for _, q := range g {
		if q.Subject == entity("International_Criminal_Court") && q.Predicate == pred("issued_arrest_warrant_for") && q.Object == entity("Vladimir_Putin") {
			if id, ok := schema.ArticleID(q.Label.(quad.IRI)); !ok || !strings.Contains(string(q.Label.(quad.IRI)), id) {
				t.Errorf("warrant quad labelled %v, not an article", q.Label)
			}
			warrant = true
		}
	}
	if !warrant {
		t.Error("no <ICC> <issued_arrest_warrant_for> <Vladimir_Putin> quad")
	}
	if !g.has(entity("Vladimir_Putin"), pred("leader_of"), entity("Russia"), nil) {
		t.Error("no <Vladimir_Putin> <leader_of> <Russia> quad")
	}
	if !g.has(entity("Vladimir_Putin"), schema.Type, schema.TypeIRI("Person"), nil) ||
		!g.has(entity("Vladimir_Putin"), schema.Name, quad.String("Vladimir Putin"), nil) {
		t.Error("Vladimir_Putin is not a Person named \"Vladimir Putin\"")
	}
	if !g.has(entity("Russia"), schema.Type, schema.TypeIRI("Country"), nil) {
		t.Error("Russia is not a Country")
	}
}

// A second build of the same articles writes nothing and says so.
func TestBuildTwiceChangesNothing(t *testing.T) {
	db := tempDB(t)
	must(t, "build", "--db", db, sampleDir)
	first := setOf(exportAll(t, db))
	r := must(t, "build", "--db", db, sampleDir)
	if !strings.Contains(r.stderr, "built 0 articles from 15 files (15 unchanged)") || !strings.Contains(r.stderr, " 0 quads ") {
		t.Errorf("second build summary:\n%s", r.stderr)
	}
	sameGraph(t, "after a second build", setOf(exportAll(t, db)), first)
}

// Editing an article and building again replaces the article's quads,
// leaves the others alone, and gives the graph a build from scratch gives.
func TestChangedArticleReplacesItsQuads(t *testing.T) {
	dir := fixtures(t)
	db := tempDB(t)
	must(t, "build", "--db", db, dir)
	before := setOf(exportAll(t, db)).byLabel()
	madrid := articleIRI("madrid-talks")
	if !before[madrid].has(entity("Pedro_Sanchez"), schema.Name, quad.String("Pedro Sanchez"), madrid) {
		t.Fatal("first version: no Pedro Sanchez")
	}

	writeFiles(t, dir, map[string]string{"madrid-talks.txt": madridTalksCorrected})
	r := must(t, "build", "--db", db, dir)
	if !strings.Contains(r.stderr, "built 1 articles from 3 files (2 unchanged)") {
		t.Errorf("rebuild summary:\n%s", r.stderr)
	}
	after := setOf(exportAll(t, db))
	byLabel := after.byLabel()
	for k, q := range byLabel[madrid] {
		if q.Subject == entity("Pedro_Sanchez") || q.Object == entity("Pedro_Sanchez") || q.Object == quad.String("Pedro Sanchez") {
			t.Errorf("old fact left after the edit: %s", k)
		}
	}
	if !byLabel[madrid].has(entity("Luis_Montenegro"), schema.Name, quad.String("Luis Montenegro"), madrid) {
		t.Error("corrected version: no Luis Montenegro")
	}
	if !byLabel[madrid].has(entity("Javier_Milei"), pred("said"), quad.String("We want open markets"), madrid) {
		t.Error("the unchanged quote is gone")
	}
	for _, id := range []string{"warsaw-visit", "court-ruling"} {
		sameGraph(t, id+" after another article changed", byLabel[articleIRI(id)], before[articleIRI(id)])
	}
	if st := stats(t, db); st.Articles != 3 {
		t.Errorf("%d articles, want 3", st.Articles)
	}

	scratch := tempDB(t)
	must(t, "build", "--db", scratch, dir)
	sameGraph(t, "rebuilt store vs. a build from scratch", after, setOf(exportAll(t, scratch)))
}

func TestExtract(t *testing.T) {
	dir := fixtures(t)
	r := must(t, "extract", dir)
	if !strings.Contains(r.stderr, "extracted 3 articles from 3 files") {
		t.Errorf("extract summary:\n%s", r.stderr)
	}
	g := setOf(readQuads(t, r.stdout))
	checkLabels(t, g, articleIDs(t, dir))
	court := articleIRI("court-ruling")
	if !g.has(entity("International_Criminal_Court"), pred("issued_arrest_warrant_for"), entity("Vladimir_Putin"), court) {
		t.Error("no warrant fact from court-ruling")
	}
	if !g.has(entity("Vladimir_Putin"), pred("leader_of"), entity("Russia"), court) {
		t.Error("no <Vladimir_Putin> <leader_of> <Russia> from court-ruling")
	}
	if strings.Contains(r.stdout, "<xsd:") {
		t.Error("extract writes prefixed datatype IRIs (<xsd:...>), not absolute ones")
	}

	// Standard input, and another output format.
	r = newsgraphIn(t, strings.NewReader(warsawVisit), "extract", "--format", "jsonld", "-")
	if r.err != nil || !json.Valid([]byte(r.stdout)) || !strings.Contains(r.stdout, "Olaf_Scholz") {
		t.Errorf("extract --format jsonld -: %v\n%s", r.err, r.stdout)
	}
	if r := run(t, "extract", "--format", "nosuch", dir); r.err == nil || !strings.Contains(r.err.Error(), "unknown output format") {
		t.Errorf("extract --format nosuch: %v", r.err)
	}
}

func TestQuery(t *testing.T) {
	db := tempDB(t)
	must(t, "build", "--db", db, fixtures(t))

	var names []map[string]any
	r := must(t, "query", "--db", db, `g.V("<https://newsgraph.dev/entity/Olaf_Scholz>").out("<http://schema.org/name>").all()`)
	if err := json.Unmarshal([]byte(r.stdout), &names); err != nil || len(names) == 0 || names[0]["id"] != "Olaf Scholz" {
		t.Errorf("name query: %v\n%s", err, r.stdout)
	}

	// A whole-graph query is cut at --limit, and says so.
	r = must(t, "query", "--db", db, "--limit", "3", "g.V().all()")
	var all []any
	if err := json.Unmarshal([]byte(r.stdout), &all); err != nil || len(all) != 3 {
		t.Errorf("g.V().all() --limit 3: %d results, %v", len(all), err)
	}
	if !strings.Contains(r.stderr, "results cut at the limit of 3") {
		t.Errorf("no truncation message: %q", r.stderr)
	}

	// GraphQL and MQL.
	r = must(t, "query", "--db", db, "--lang", "graphql", `{ nodes(id: <https://newsgraph.dev/entity/Donald_Tusk>) { id <http://schema.org/name> } }`)
	if !strings.Contains(r.stdout, "Donald Tusk") {
		t.Errorf("graphql:\n%s", r.stdout)
	}
	r = must(t, "query", "--db", db, "--lang", "mql", `[{"id": null, "<http://schema.org/name>": "Donald Tusk"}]`)
	if !strings.Contains(r.stdout, "https://newsgraph.dev/entity/Donald_Tusk") {
		t.Errorf("mql:\n%s", r.stdout)
	}

	// Errors: syntax, unknown language.
	if r := run(t, "query", "--db", db, "g.V(("); r.err == nil {
		t.Error("a query with a syntax error succeeded")
	}
	if r := run(t, "query", "--db", db, "--lang", "sparql", "SELECT *"); r.err == nil || !strings.Contains(r.err.Error(), "unknown query language") {
		t.Errorf("--lang sparql: %v", r.err)
	}

	// The prompt: one query per line; an error does not end it.
	in := strings.NewReader("g.V(\"<https://newsgraph.dev/entity/Donald_Tusk>\")\\\n.out(\"<http://schema.org/name>\").all()\nbroken((\n")
	r = newsgraphIn(t, in, "query", "--db", db)
	if r.err != nil || !strings.Contains(r.stdout, `"Donald Tusk"`) || !strings.Contains(r.stderr, "error:") {
		t.Errorf("prompt: %v\nstdout:\n%s\nstderr:\n%s", r.err, r.stdout, r.stderr)
	}

	// Missing store.
	if r := run(t, "query", "--db", tempDB(t), "g.V().all()"); r.err == nil || !strings.Contains(r.err.Error(), "no such store") {
		t.Errorf("query on a missing store: %v", r.err)
	}
}

// Queries that never end or never stop allocating are stopped, with an
// error that names the bound.
func TestQueryGuards(t *testing.T) {
	db := tempDB(t)
	must(t, "build", "--db", db, fixtures(t))

	start := time.Now()
	r := run(t, "query", "--db", db, "--timeout", "1s", "while(true){}")
	took := time.Since(start)
	if !errors.Is(r.err, graph.ErrTimeout) || !strings.Contains(r.err.Error(), "ran longer than the limit of 1s") || !strings.Contains(r.err.Error(), "--timeout") {
		t.Errorf("endless loop: %v", r.err)
	}
	if took > 5*time.Second {
		t.Errorf("endless loop with --timeout 1s stopped after %v", took)
	}

	start = time.Now()
	r = run(t, "query", "--db", db, "--max-memory", "64", "--timeout", "2m", `var a=[]; while(true){a.push("xxxxxxxxxx")}`)
	if !errors.Is(r.err, graph.ErrMemory) || !strings.Contains(r.err.Error(), "64 MiB") || !strings.Contains(r.err.Error(), "--max-memory") {
		t.Errorf("endless allocation: %v", r.err)
	}
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("endless allocation stopped after %v", took)
	}

	// The query after them runs normally.
	must(t, "query", "--db", db, "g.V().limit(1).all()")
}

var exportFormats = []string{"nquads", "jsonld", "json", "pquads", "graphml", "gml", "dot"}

func TestExportFormats(t *testing.T) {
	db := tempDB(t)
	must(t, "build", "--db", db, fixtures(t))
	n := stats(t, db).Quads
	for _, format := range exportFormats {
		t.Run(format, func(t *testing.T) {
			r := must(t, "export", "--db", db, "--format", format)
			out := r.stdout
			if !strings.Contains(r.stderr, "exported ") {
				t.Errorf("stderr: %q", r.stderr)
			}
			switch format {
			case "nquads":
				if got := len(readQuads(t, out)); got != n {
					t.Errorf("%d quads, want %d", got, n)
				}
			case "jsonld", "json":
				if !json.Valid([]byte(out)) {
					t.Errorf("not JSON:\n%.300s", out)
				}
			case "pquads":
				qs, err := quad.ReadAll(pquads.NewReader(strings.NewReader(out), 0))
				if err != nil || len(qs) != n {
					t.Errorf("pquads: %d quads, %v; want %d", len(qs), err, n)
				}
			case "graphml":
				d := xml.NewDecoder(strings.NewReader(out))
				for {
					if _, err := d.Token(); err == io.EOF {
						break
					} else if err != nil {
						t.Fatalf("graphml is not XML: %v", err)
					}
				}
			case "gml":
				if !strings.Contains(out, "graph [") {
					t.Errorf("gml:\n%.300s", out)
				}
			case "dot":
				if !strings.Contains(out, "digraph") {
					t.Errorf("dot:\n%.300s", out)
				}
			}
			if !strings.Contains(out, "Olaf_Scholz") && format != "pquads" {
				t.Errorf("%s export lacks Olaf_Scholz", format)
			}
		})
	}
}

func TestExportOneArticle(t *testing.T) {
	db := tempDB(t)
	must(t, "build", "--db", db, fixtures(t))
	whole := setOf(exportAll(t, db)).byLabel()
	for _, id := range []string{"warsaw-visit", "court-ruling"} {
		got := setOf(exportAll(t, db, "--article", id))
		sameGraph(t, "export --article "+id, got, whole[articleIRI(id)])
	}
	if r := run(t, "export", "--db", db, "--article", "no-such-article"); r.err == nil || !strings.Contains(r.err.Error(), `no article "no-such-article"`) {
		t.Errorf("export of a missing article: %v", r.err)
	}
	if r := run(t, "export", "--db", db, "--format", "turtle"); r.err == nil || !strings.Contains(r.err.Error(), "unknown export format") {
		t.Errorf("export --format turtle: %v", r.err)
	}
}

func gzipFile(t *testing.T, path string, data []byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Export then import reproduces the graph quad for quad, in N-Quads and
// JSON-LD, gzipped or not.
func TestExportImportRoundTrip(t *testing.T) {
	src := tempDB(t)
	must(t, "build", "--db", src, sampleDir, fixtures(t))
	want := setOf(exportAll(t, src))
	dir := t.TempDir()
	for _, c := range []struct{ format, file string }{
		{"nquads", "graph.nq"},
		{"nquads", "graph.nq.gz"},
		{"jsonld", "graph.jsonld"},
		{"jsonld", "graph.jsonld.gz"},
		{"pquads", "graph.pq"},
	} {
		t.Run(c.file, func(t *testing.T) {
			out := must(t, "export", "--db", src, "--format", c.format).stdout
			path := filepath.Join(dir, c.file)
			if strings.HasSuffix(c.file, ".gz") {
				gzipFile(t, path, []byte(out))
			} else if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"import", "--db", tempDB(t)}
			if c.format == "pquads" {
				args = append(args, "--format", "pquads")
			}
			db := args[2]
			r := must(t, append(args, path)...)
			if !strings.Contains(r.stderr, "imported ") {
				t.Errorf("import stderr: %q", r.stderr)
			}
			sameGraph(t, c.file+" round trip", setOf(exportAll(t, db)), want)
		})
	}
}

// Text with quotes, newlines, non-Latin scripts and emoji survives build,
// export and import.
func TestRoundTripOfHardText(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"kyiv-ua.txt":         "date 2024-02-24\n\nПрезидент Володимир Зеленський сказав: \"Ми вистоїмо\" 🇺🇦.\n\nUkrainian President Volodymyr Zelensky said \"we will stand\" in Kyiv on Saturday.\n",
		"moscow-ru.txt":       "date 2024-02-25\n\nВладимир Путин выступил в Москве.\n\nRussian President Vladimir Putin spoke in Moscow on Sunday, a spokesman said: \"No \\\"comment\\\" today.\"\n",
		"beijing-zh.txt":      "date 2024-02-26\n\n习近平在北京会见了客人。😀\n\nChinese President Xi Jinping met visitors in Beijing on Monday. \"Friends from afar,\" Xi said.\n",
		"tabs and spaces.txt": "date 2024-02-27\n\nMayor\tAnna Berg of Oslo said:\n\"Line one\nline two\" — with a backslash \\ and 'single quotes' and émigré café 👩‍👩‍👧.\n",
	})
	// And literals that no article gives: control characters, a language
	// tag, a blank node, an IRI with escapes.
	extra := filepath.Join(t.TempDir(), "extra.nq")
	writeFiles(t, filepath.Dir(extra), map[string]string{"extra.nq": "" +
		`<https://newsgraph.dev/entity/Володимир_Зеленський> <http://schema.org/name> "Володимир \"Вова\" Зеленський" <https://newsgraph.dev/article/kyiv-ua> .` + "\n" +
		`<https://newsgraph.dev/entity/%E4%B9%A0> <http://schema.org/alternateName> "Xi Jinping"@en <https://newsgraph.dev/article/beijing-zh> .` + "\n" +
		`_:n1 <https://newsgraph.dev/ns#note> "tab\there\r\nnew line \\ \u0001" <https://newsgraph.dev/article/moscow-ru> .` + "\n" +
		`<https://newsgraph.dev/entity/X> <https://newsgraph.dev/ns#confidence> "1"^^<http://www.w3.org/2001/XMLSchema#double> .` + "\n",
	})
	src := tempDB(t)
	must(t, "build", "--db", src, dir)
	must(t, "import", "--db", src, extra)
	want := setOf(exportAll(t, src))
	if !want.has(nil, schema.Name, quad.String(`Володимир "Вова" Зеленський`), nil) {
		t.Fatal("the imported Ukrainian name is not in the store")
	}
	for _, format := range []string{"nquads", "jsonld"} {
		t.Run(format, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "graph."+map[string]string{"nquads": "nq", "jsonld": "jsonld"}[format])
			if err := os.WriteFile(path, []byte(must(t, "export", "--db", src, "--format", format).stdout), 0o644); err != nil {
				t.Fatal(err)
			}
			db := tempDB(t)
			must(t, "import", "--db", db, path)
			got := setOf(exportAll(t, db))
			if format == "jsonld" {
				// JSON-LD readers rename blank nodes; compare them by
				// their quads.
				got, want := renameBlank(got), renameBlank(want)
				sameGraph(t, format+" round trip", got, want)
				return
			}
			sameGraph(t, format+" round trip", got, want)
		})
	}
}

// renameBlank gives every blank node one name, for comparing graphs whose
// blank nodes differ only by name.
func renameBlank(g graphSet) graphSet {
	out := graphSet{}
	for _, q := range g {
		for _, d := range quad.Directions {
			if _, ok := q.Get(d).(quad.BNode); ok {
				q.Set(d, quad.BNode("blank"))
			}
		}
		out[q.NQuad()] = q
	}
	return out
}

func TestImportErrors(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"broken.nq": "<a> <b> <c> .\n<a> <b> \"open\n",
		"cut.nq.gz": "",
	})
	r := run(t, "import", "--db", db, filepath.Join(dir, "broken.nq"))
	if r.err == nil || !strings.Contains(r.err.Error(), "broken.nq") {
		t.Errorf("import of broken N-Quads: %v", r.err)
	}
	if r := run(t, "import", "--db", db, filepath.Join(dir, "missing.nq")); r.err == nil || !strings.Contains(r.err.Error(), "missing.nq") {
		t.Errorf("import of a missing file: %v", r.err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(bytes.Repeat([]byte("<a> <b> <c> .\n"), 1000))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "cut.nq.gz"), buf.Bytes()[:buf.Len()/2], 0o644)
	if r := run(t, "import", "--db", db, filepath.Join(dir, "cut.nq.gz")); r.err == nil || !strings.Contains(r.err.Error(), "cut.nq.gz") {
		t.Errorf("import of a truncated gzip file: %v", r.err)
	}
	// Standard input.
	r = newsgraphIn(t, strings.NewReader("<https://example.org/s> <https://example.org/p> \"from stdin\" .\n"), "import", "--db", db, "-")
	if r.err != nil {
		t.Fatal(r.err)
	}
	if !setOf(exportAll(t, db)).has(nil, nil, quad.String("from stdin"), nil) {
		t.Error("quad from standard input not imported")
	}
}

// Retract removes exactly the article's quads.
func TestRetract(t *testing.T) {
	db := tempDB(t)
	dir := fixtures(t)
	must(t, "build", "--db", db, dir)
	before := setOf(exportAll(t, db))
	mine := before.byLabel()[articleIRI("warsaw-visit")]
	r := must(t, "retract", "--db", db, "warsaw-visit")
	if !strings.Contains(r.stderr, "retracted article warsaw-visit: ") || !strings.Contains(r.stderr, " "+itoa(len(mine))+" quads removed") {
		t.Errorf("retract said %q; the article had %d quads", r.stderr, len(mine))
	}
	want := graphSet{}
	for k, q := range before {
		if _, ok := mine[k]; !ok {
			want[k] = q
		}
	}
	sameGraph(t, "after retract", setOf(exportAll(t, db)), want)
	if st := stats(t, db); st.Articles != 2 {
		t.Errorf("%d articles after retract, want 2", st.Articles)
	}
	if r := run(t, "retract", "--db", db, "warsaw-visit"); r.err == nil || !strings.Contains(r.err.Error(), `no article "warsaw-visit"`) {
		t.Errorf("second retract: %v", r.err)
	}
	// A build brings the article back, as it was.
	r = must(t, "build", "--db", db, dir)
	if !strings.Contains(r.stderr, "built 1 articles from 3 files (2 unchanged)") {
		t.Errorf("build after retract: %s", r.stderr)
	}
	sameGraph(t, "after retract and build", setOf(exportAll(t, db)), before)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestEval(t *testing.T) {
	r := must(t, "eval")
	for _, want := range []string{"precision ", "recall ", "F1 "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval output lacks %q:\n%s", want, r.stdout)
		}
	}
	// A gold of our own over the fixtures.
	dir := fixtures(t)
	gold := filepath.Join(t.TempDir(), "gold.jsonl")
	writeFiles(t, filepath.Dir(gold), map[string]string{"gold.jsonl": `{"id":"F1","s":["International Criminal Court","ICC"],"p":["issued_arrest_warrant_for"],"o":["Vladimir Putin"]}
{"id":"F2","s":["Donald Tusk"],"p":["leader_of"],"o":["Poland"]}
`})
	r = must(t, "eval", "--gold", gold, "-v", dir)
	if !strings.Contains(r.stdout, "gold found 2 of 2") {
		t.Errorf("eval on fixtures:\n%s", r.stdout)
	}
	if r := run(t, "eval", "--gold", gold, "--min-f1", "1.01", dir); r.err == nil || !strings.Contains(r.err.Error(), "below --min-f1") {
		t.Errorf("eval --min-f1 1.01: %v", r.err)
	}
	if r := run(t, "eval", dir); r.err == nil {
		t.Error("eval PATH without --gold succeeded")
	}
}
