package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/schema"
)

// openTemp opens a fresh bolt store in a temporary folder.
func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	loc := "bolt:" + filepath.Join(t.TempDir(), "test.db")
	s, err := Open(loc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, loc
}

// doc is a small hand-made document: a person leading a country, with
// names in several scripts.
func doc(id, text string) *newsgraph.Document {
	return &newsgraph.Document{
		Article:   newsgraph.Article{ID: id, Title: "Title of " + id, Date: "2024-03-01", Text: text},
		Sentences: 1,
		Entities: []newsgraph.Entity{
			{ID: "Volodymyr_Zelensky", Name: "Volodymyr Zelensky", Type: newsgraph.Person, Aliases: []string{"Volodymyr Zelensky", "Володимир Зеленський"}},
			{ID: "Ukraine", Name: "Ukraine", Type: newsgraph.Country, Aliases: []string{"Україна"}},
		},
		Facts: []newsgraph.Fact{
			{Subject: 0, Predicate: "leader_of", Object: 1, Evidence: newsgraph.Span{Start: 0, End: len(text)}, Sentence: text, Confidence: 0.9, Rule: "test"},
			{Subject: 0, Predicate: "said", Object: -1, Value: "We \"will\" win 🇺🇦\nnext line", Evidence: newsgraph.Span{Start: 0, End: len(text)}, Sentence: text, Confidence: 1, Date: "2024-03"},
		},
	}
}

// all returns every quad of the store as sorted N-Quads lines.
func all(t *testing.T, s *Store, label quad.Value) []string {
	t.Helper()
	var out []string
	err := s.eachQuad(pattern{label: label}, func(q quad.Quad) error {
		out = append(out, q.NQuad())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func nq(qs []quad.Quad) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.NQuad()
	}
	sort.Strings(out)
	return out
}

func equalLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		return
	}
	gs, ws := map[string]bool{}, map[string]bool{}
	for _, g := range got {
		gs[g] = true
	}
	for _, w := range want {
		ws[w] = true
	}
	n := 0
	for _, w := range want {
		if !gs[w] && n < 10 {
			t.Errorf("%s: missing %s", what, w)
			n++
		}
	}
	for _, g := range got {
		if !ws[g] && n < 20 {
			t.Errorf("%s: unexpected %s", what, g)
			n++
		}
	}
	t.Fatalf("%s: %d quads, want %d", what, len(got), len(want))
}

func TestQuadsAreLabelledByTheirArticle(t *testing.T) {
	d := doc("kyiv-1", "President Volodymyr Zelensky of Ukraine spoke.")
	qs := Quads(d)
	art := schema.ArticleIRI("kyiv-1")
	for _, q := range qs {
		if q.Label != art {
			t.Errorf("quad %s has label %v, want %v", q.NQuad(), q.Label, art)
		}
	}
	if !strings.Contains(string(art), "kyiv-1") {
		t.Errorf("article IRI %s does not contain the article id", art)
	}
	want := quad.Quad{Subject: schema.EntityIRI("Volodymyr_Zelensky"), Predicate: schema.PredicateIRI("leader_of"), Object: schema.EntityIRI("Ukraine"), Label: art}
	found := false
	for _, q := range qs {
		found = found || q == want
	}
	if !found {
		t.Errorf("no %s", want.NQuad())
	}
}

func TestQuadsSkipFactsWithBadIndices(t *testing.T) {
	d := doc("a", "text")
	d.Facts = append(d.Facts,
		newsgraph.Fact{Subject: 5, Predicate: "leader_of", Object: 1},
		newsgraph.Fact{Subject: -1, Predicate: "leader_of", Object: 1},
		newsgraph.Fact{Subject: 0, Predicate: "leader_of", Object: 9},
	)
	if n, m := len(Quads(d)), len(Quads(doc("a", "text"))); n != m {
		t.Errorf("facts with bad entity indices added quads: %d, want %d", n, m)
	}
}

func TestWriteReplaceRetract(t *testing.T) {
	s, _ := openTemp(t)
	a1, a2 := doc("a1", "first text"), doc("a2", "second text")
	if err := s.Write([]Update{{ArticleID: "a1", Quads: Quads(a1)}, {ArticleID: "a2", Quads: Quads(a2)}}); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "a1", all(t, s, schema.ArticleIRI("a1")), nq(Quads(a1)))
	equalLines(t, "a2", all(t, s, schema.ArticleIRI("a2")), nq(Quads(a2)))
	if h, err := s.ArticleHash("a1"); err != nil || h != a1.Article.Hash() {
		t.Fatalf("ArticleHash(a1) = %q, %v; want %q", h, err, a1.Article.Hash())
	}
	if h, err := s.ArticleHash("nope"); err != nil || h != "" {
		t.Fatalf("ArticleHash(nope) = %q, %v; want empty", h, err)
	}

	// A new version of a1: a different fact; a2 must not change.
	a1b := doc("a1", "first text, edited")
	a1b.Facts[0].Predicate = "works_for"
	if err := s.Write([]Update{{ArticleID: "a1", Quads: Quads(a1b), Replace: true}}); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "a1 replaced", all(t, s, schema.ArticleIRI("a1")), nq(Quads(a1b)))
	equalLines(t, "a2 after a1 replaced", all(t, s, schema.ArticleIRI("a2")), nq(Quads(a2)))

	// The shared entity quads stay under a2's label after a1 goes.
	before := len(all(t, s, nil))
	n, err := s.Retract("a1")
	if err != nil {
		t.Fatal(err)
	}
	if n != len(Quads(a1b)) {
		t.Errorf("Retract removed %d quads, want %d", n, len(Quads(a1b)))
	}
	if got := all(t, s, schema.ArticleIRI("a1")); len(got) != 0 {
		t.Errorf("%d quads of a1 left after retract", len(got))
	}
	if after := len(all(t, s, nil)); after != before-n {
		t.Errorf("store has %d quads after retract, want %d", after, before-n)
	}
	equalLines(t, "a2 after a1 retracted", all(t, s, schema.ArticleIRI("a2")), nq(Quads(a2)))
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 {
		t.Errorf("Stats().Articles = %d, want 1", st.Articles)
	}
}

// countingQS counts the transactions a store applies.
type countingQS struct {
	cgraph.QuadStore
	applies int
}

func (c *countingQS) ApplyDeltas(in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	c.applies++
	return c.QuadStore.ApplyDeltas(in, opts)
}

// New articles are written in one transaction with their bookkeeping; a
// batch that replaces articles takes two (old versions out, new ones in),
// never more.
func TestWriteTransactions(t *testing.T) {
	s, _ := openTemp(t)
	c := &countingQS{QuadStore: s.qs}
	s.qs = c
	err := s.Write([]Update{{ArticleID: "a", Quads: Quads(doc("a", "t"))}, {ArticleID: "b", Quads: Quads(doc("b", "t"))}})
	if err != nil {
		t.Fatal(err)
	}
	if c.applies != 1 {
		t.Errorf("Write of 2 new articles applied %d transactions, want 1", c.applies)
	}
	c.applies = 0
	a2 := doc("a", "t2")
	err = s.Write([]Update{{ArticleID: "a", Quads: Quads(a2), Replace: true}, {ArticleID: "c", Quads: Quads(doc("c", "t"))}, {ArticleID: "d", Quads: Quads(doc("d", "t"))}})
	s.qs = c.QuadStore
	if err != nil {
		t.Fatal(err)
	}
	if c.applies != 2 {
		t.Errorf("Write of a replacement and 2 new articles applied %d transactions, want 2", c.applies)
	}
	equalLines(t, "a replaced", all(t, s, schema.ArticleIRI("a")), nq(Quads(a2)))
}

// Replacing an article by a shorter version keeps every new quad. (Cayley
// loses added quads when one transaction both adds and deletes quads of
// a node and lowers its count; Write must not hand it such a batch.)
func TestReplaceWithShorterVersion(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.Write([]Update{{ArticleID: "a", Quads: Quads(doc("a", "t"))}, {ArticleID: "b", Quads: Quads(doc("b", "t"))}}); err != nil {
		t.Fatal(err)
	}
	a2 := doc("a", "t2")
	a2.Facts = a2.Facts[:1]
	a2.Entities[0].Aliases = nil
	if err := s.Write([]Update{{ArticleID: "a", Quads: Quads(a2), Replace: true}}); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "a replaced by a shorter version", all(t, s, schema.ArticleIRI("a")), nq(Quads(a2)))
	equalLines(t, "b", all(t, s, schema.ArticleIRI("b")), nq(Quads(doc("b", "t"))))
	if h, _ := s.ArticleHash("a"); h != a2.Article.Hash() {
		t.Errorf("hash after replace %q, want %q", h, a2.Article.Hash())
	}
	// And a longer one again.
	a3 := doc("a", "t3")
	if err := s.Write([]Update{{ArticleID: "a", Quads: Quads(a3), Replace: true}}); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "a replaced by a longer version", all(t, s, schema.ArticleIRI("a")), nq(Quads(a3)))
}

func TestReadOnlyStore(t *testing.T) {
	s, loc := openTemp(t)
	if err := s.Write([]Update{{ArticleID: "a", Quads: Quads(doc("a", "t"))}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := Open(loc, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.Write([]Update{{ArticleID: "b", Quads: Quads(doc("b", "t"))}}); err == nil {
		t.Error("Write to a read-only store succeeded")
	}
	if _, err := ro.Retract("a"); err == nil {
		t.Error("Retract from a read-only store succeeded")
	}
	if _, err := Open("bolt:"+filepath.Join(t.TempDir(), "none"), Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "no such store") {
		t.Errorf("read-only open of a missing store: %v, want \"no such store\"", err)
	}
}

// Bolt allows one writer or many readers; a store in use fails at once
// with ErrInUse instead of waiting. (flock locks conflict between two
// opens of the file even in one process.)
func TestLocking(t *testing.T) {
	s, loc := openTemp(t)
	start := time.Now()
	_, err := Open(loc, Options{})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second writer: %v, want ErrInUse", err)
	}
	if !strings.Contains(err.Error(), "is in use by another newsgraph process") || !strings.Contains(err.Error(), loc) {
		t.Errorf("message %q does not name the store and say it is in use", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("second open took %v", d)
	}
	if _, err := Open(loc, Options{ReadOnly: true}); !errors.Is(err, ErrInUse) {
		t.Fatalf("reader while a writer holds the store: %v, want ErrInUse", err)
	}
	s.Close()

	r1, err := Open(loc, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(loc, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	defer r2.Close()
	if _, err := Open(loc, Options{}); !errors.Is(err, ErrInUse) {
		t.Fatalf("writer while readers hold the store: %v, want ErrInUse", err)
	}
}

func TestParseLocation(t *testing.T) {
	for in, want := range map[string]Location{
		"":                               {Backend: "bolt", Address: "./newsgraph.db"},
		"bolt:/tmp/x":                    {Backend: "bolt", Address: "/tmp/x"},
		"x.db":                           {Backend: "bolt", Address: "x.db"},
		"memstore:":                      {Backend: "memstore"},
		"postgres://u:p@h/db":            {Backend: "postgres", Address: "postgres://u:p@h/db"},
		"cockroach://root@localhost/db":  {Backend: "cockroach", Address: "postgresql://root@localhost/db"},
		"leveldb:/var/lib/newsgraph/ldb": {Backend: "leveldb", Address: "/var/lib/newsgraph/ldb"},
	} {
		got, err := ParseLocation(in)
		if err != nil || got != want {
			t.Errorf("ParseLocation(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"nosuch:x", "bolt:"} {
		if _, err := ParseLocation(bad); err == nil {
			t.Errorf("ParseLocation(%q) succeeded", bad)
		}
	}
	if l, _ := ParseLocation("postgres://user:secret@host/db"); strings.Contains(l.String(), "secret") {
		t.Errorf("location %s shows the password", l)
	}
}

// tricky is a graph whose IRIs and literals are hard to write and read:
// quotes, backslashes, newlines, tabs, non-Latin scripts, emoji, language
// tags, typed literals and a blank node.
func tricky() []quad.Quad {
	art := schema.ArticleIRI("юнікод-文章-🦊")
	ua := schema.EntityIRI("Володимир_Зеленський")
	ru := schema.EntityIRI("Владимир_Путин")
	zh := schema.EntityIRI("习近平")
	return []quad.Quad{
		{Subject: ua, Predicate: schema.Name, Object: quad.String("Володимир Зеленський"), Label: art},
		{Subject: ru, Predicate: schema.Name, Object: quad.String(`Владимир "Вова" Путин`), Label: art},
		{Subject: zh, Predicate: schema.Name, Object: quad.String("习近平"), Label: art},
		{Subject: zh, Predicate: schema.AlternateName, Object: quad.LangString{Value: "Xi Jinping", Lang: "en"}, Label: art},
		{Subject: ua, Predicate: schema.PredicateIRI("said"), Object: quad.String("line one\nline two\r\n\ttabbed \\ backslash \"quoted\" 'single' 🎉🇺🇦👩‍👩‍👧"), Label: art},
		{Subject: ua, Predicate: schema.PredicateIRI("leader_of"), Object: schema.EntityIRI("Україна"), Label: art},
		{Subject: schema.EntityIRI(`Quote"d <name> {x}`), Predicate: schema.Name, Object: quad.String(`Quote"d <name> {x}`), Label: art},
		{Subject: ua, Predicate: schema.Sentences, Object: quad.Int(42), Label: art},
		{Subject: ua, Predicate: schema.Confidence, Object: quad.Float(1), Label: art},
		{Subject: ua, Predicate: schema.Confidence, Object: quad.Float(0.875), Label: art},
		{Subject: ua, Predicate: schema.PredicateIRI("flag"), Object: quad.Bool(true), Label: art},
		{Subject: ua, Predicate: schema.DatePublished, Object: dateValue("2024-02-24"), Label: art},
		{Subject: ua, Predicate: schema.Date, Object: dateValue("2022"), Label: art},
		{Subject: ua, Predicate: schema.PredicateIRI("note"), Object: quad.String("no label, control \x01 char"), Label: nil},
		{Subject: ua, Predicate: schema.PredicateIRI("empty"), Object: quad.String(""), Label: art},
	}
}

func writeAll(t *testing.T, s *Store, qs []quad.Quad) {
	t.Helper()
	if err := s.apply(adds(nil, qs)); err != nil {
		t.Fatal(err)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	for _, format := range []string{"nquads", "jsonld", "pquads"} {
		t.Run(format, func(t *testing.T) {
			src, _ := openTemp(t)
			writeAll(t, src, tricky())
			want := all(t, src, nil)

			f := quad.FormatByName(format)
			if f == nil {
				t.Fatalf("format %s not registered", format)
			}
			var buf bytes.Buffer
			w := Portable(f.Writer(&buf), format)
			n, err := src.Export(w, "")
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if n != len(want) {
				t.Errorf("exported %d quads, want %d", n, len(want))
			}
			if format == "nquads" && strings.Contains(buf.String(), "<xsd:") {
				t.Errorf("N-Quads export uses prefixed datatype IRIs:\n%s", buf.String())
			}

			dst, _ := openTemp(t)
			r := f.Reader(&buf)
			if _, err := dst.Import(r); err != nil {
				t.Fatal(err)
			}
			r.Close()
			equalLines(t, format+" round trip", all(t, dst, nil), want)
		})
	}
}

// A blank node survives a JSON-LD round trip as a blank node (JSON-LD
// readers rename blank nodes, so its name may change).
func TestJSONLDBlankNode(t *testing.T) {
	src, _ := openTemp(t)
	writeAll(t, src, []quad.Quad{{Subject: quad.BNode("n1"), Predicate: schema.Name, Object: quad.String("anonymous"), Label: schema.ArticleIRI("b")}})
	var buf bytes.Buffer
	w := Portable(quad.FormatByName("jsonld").Writer(&buf), "jsonld")
	if _, err := src.Export(w, "b"); err == nil {
		t.Fatal("export of an article without a hash succeeded")
	}
	if _, err := src.Export(w, ""); err != nil {
		t.Fatal(err)
	}
	w.Close()
	dst, _ := openTemp(t)
	if _, err := dst.Import(quad.FormatByName("jsonld").Reader(&buf)); err != nil {
		t.Fatal(err)
	}
	var got []quad.Quad
	dst.eachQuad(pattern{label: schema.ArticleIRI("b")}, func(q quad.Quad) error { got = append(got, q); return nil })
	if len(got) != 1 {
		t.Fatalf("got %d quads, want 1", len(got))
	}
	if b, ok := got[0].Subject.(quad.BNode); !ok || strings.HasPrefix(string(b), "_:") {
		t.Errorf("subject %#v, want a blank node", got[0].Subject)
	}
}

func TestImportReportsWhereItFailed(t *testing.T) {
	s, _ := openTemp(t)
	in := "<a> <b> <c> .\n<a> <b> \"unterminated .\n"
	n, err := s.Import(nquads.NewReader(strings.NewReader(in), false))
	if err == nil {
		t.Fatal("import of broken N-Quads succeeded")
	}
	if !strings.Contains(err.Error(), "after 1 quads") {
		t.Errorf("error %q does not say how far it got", err)
	}
	if n != 1 {
		t.Errorf("imported %d quads before the error, want 1", n)
	}
}

func TestExportOneArticle(t *testing.T) {
	s, _ := openTemp(t)
	a, b := doc("a", "text a"), doc("b", "text b")
	if err := s.Write([]Update{{ArticleID: "a", Quads: Quads(a)}, {ArticleID: "b", Quads: Quads(b)}}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := nquads.NewWriter(&buf)
	n, err := s.Export(w, "a")
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	got, err := quad.ReadAll(nquads.NewReader(&buf, false))
	if err != nil {
		t.Fatal(err)
	}
	if n != len(Quads(a)) {
		t.Errorf("exported %d quads, want %d", n, len(Quads(a)))
	}
	equalLines(t, "export a", nq(got), nq(Quads(a)))
	if _, err := s.Export(w, "missing"); err == nil || !strings.Contains(err.Error(), `no article "missing"`) {
		t.Errorf("export of a missing article: %v", err)
	}
}

func TestEntitiesAndStats(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.Write([]Update{{ArticleID: "a", Quads: Quads(doc("a", "t"))}}); err != nil {
		t.Fatal(err)
	}
	ents, err := s.Entities()
	if err != nil {
		t.Fatal(err)
	}
	var zel *newsgraph.Entity
	for i := range ents {
		if ents[i].ID == "Volodymyr_Zelensky" {
			zel = &ents[i]
		}
	}
	if zel == nil || zel.Type != newsgraph.Person || zel.Name != "Volodymyr Zelensky" {
		t.Fatalf("entity Volodymyr_Zelensky = %+v", zel)
	}
	if !strings.Contains(strings.Join(zel.Aliases, "|"), "Володимир Зеленський") {
		t.Errorf("aliases %q lack the Ukrainian name", zel.Aliases)
	}
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Entities[newsgraph.Person] != 1 || st.Entities[newsgraph.Country] != 1 || st.Relations["leader_of"] != 1 || st.Statements != 2 {
		t.Errorf("stats %+v", st)
	}
}

func TestQueryBounds(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.Write([]Update{{ArticleID: "a", Quads: Quads(doc("a", "t"))}}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	res, truncated, err := s.Query(ctx, "g.V().all()", QueryOptions{Limit: 5})
	if err != nil || !truncated || len(res) != 5 {
		t.Errorf("whole-graph query with limit 5: %d results, truncated %v, %v", len(res), truncated, err)
	}
	res, truncated, err = s.Query(ctx, `g.V("<https://newsgraph.dev/entity/Volodymyr_Zelensky>").out("<https://newsgraph.dev/ns#leader_of>").all()`, QueryOptions{})
	if err != nil || truncated || len(res) != 1 {
		t.Errorf("leader_of query: %v, truncated %v, %v", res, truncated, err)
	}

	start := time.Now()
	_, _, err = s.Query(ctx, "while(true){}", QueryOptions{Timeout: 300 * time.Millisecond})
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("endless loop: %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("endless loop stopped after %v", d)
	}

	_, _, err = s.Query(ctx, `var a=[]; while(true){a.push("xxxxxxxxxx")}`, QueryOptions{Timeout: time.Minute, MaxMemory: 64 << 20})
	if !errors.Is(err, ErrMemory) {
		t.Errorf("endless allocation: %v, want ErrMemory", err)
	}

	cctx, cancel := context.WithCancel(ctx)
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	if _, _, err := s.Query(cctx, "while(true){}", QueryOptions{}); err == nil || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled query: %v", err)
	}

	for _, q := range []struct{ lang, text string }{{"gizmo", "   "}, {"sparql", "SELECT"}, {"gizmo", "g.V(("}} {
		if _, _, err := s.Query(ctx, q.text, QueryOptions{Lang: q.lang}); err == nil {
			t.Errorf("query %s %q succeeded", q.lang, q.text)
		}
	}
	res, _, err = s.Query(ctx, `{ nodes(id: <https://newsgraph.dev/entity/Ukraine>) { id } }`, QueryOptions{Lang: "graphql"})
	if err != nil || len(res) != 1 {
		t.Errorf("graphql: %v, %v", res, err)
	}
}

// Entities read back from the store keep the identifiers they were
// written with, even those with characters the IRI escapes, so that the
// next build gives them the same IRIs.
func TestEntityIDsSurviveTheStore(t *testing.T) {
	s, _ := openTemp(t)
	ids := []string{`Vienna,"_Henrik`, "AT#T", "50%_Off", "A/B_Testing", "Who?", "Зеленський", "习近平", "x<y>z"}
	d := doc("a", "t")
	d.Facts = nil
	d.Entities = nil
	for _, id := range ids {
		d.Entities = append(d.Entities, newsgraph.Entity{ID: id, Name: id, Type: newsgraph.Organization})
	}
	if err := s.Write([]Update{{ArticleID: "a", Quads: Quads(d)}}); err != nil {
		t.Fatal(err)
	}
	ents, err := s.Entities()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, e := range ents {
		got[e.ID] = true
	}
	for _, id := range ids {
		if !got[id] {
			t.Errorf("entity %q read back under another id (have %v)", id, got)
		}
	}
}

// TestPostgres runs the write, replace and retract cycle on PostgreSQL
// when NEWSGRAPH_TEST_POSTGRES names a database
// ("postgres://user@127.0.0.1:5432/db?sslmode=disable"): the server-side
// backend that lets build and serve share a graph.
func TestPostgres(t *testing.T) {
	loc := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if loc == "" {
		t.Skip("set NEWSGRAPH_TEST_POSTGRES to a PostgreSQL URL to run")
	}
	s, err := Open(loc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// A second handle, as a server would hold, sees each write at once.
	reader, err := Open(loc, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	id := fmt.Sprintf("pg-test-%d", time.Now().UnixNano())
	a := doc(id, "first")
	if err := s.Write([]Update{{ArticleID: id, Quads: Quads(a)}}); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "written", all(t, reader, schema.ArticleIRI(id)), nq(Quads(a)))
	b := doc(id, "second")
	b.Facts = b.Facts[:1]
	if err := s.Write([]Update{{ArticleID: id, Quads: Quads(b), Replace: true}}); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "replaced", all(t, reader, schema.ArticleIRI(id)), nq(Quads(b)))
	if _, err := s.Retract(id); err != nil {
		t.Fatal(err)
	}
	if got := all(t, reader, schema.ArticleIRI(id)); len(got) != 0 {
		t.Errorf("%d quads left after retract", len(got))
	}
}

// A new bolt store indexes quads by label, so that an article's quads are
// found without a scan of the whole graph; an old store without that index
// keeps working (and keeps its indexes).
func TestLabelIndex(t *testing.T) {
	s, loc := openTemp(t)
	if err := s.Write([]Update{{ArticleID: "a", Quads: Quads(doc("a", "t"))}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	dir := strings.TrimPrefix(loc, "bolt:")
	indexes := func() string {
		db, err := bolt.Open(boltFile(dir), 0o644, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var v []byte
		db.View(func(tx *bolt.Tx) error {
			v = append(v, tx.Bucket([]byte("meta")).Get([]byte("indexes"))...)
			return nil
		})
		return string(v)
	}
	want, _ := json.Marshal(quadIndexes)
	if got := indexes(); got != string(want) {
		t.Fatalf("indexes of a new store: %s, want %s", got, want)
	}

	// An old store: Cayley's indexes, quads in it.
	old := filepath.Join(t.TempDir(), "old.db")
	if err := cgraph.InitQuadStore("bolt", old, nil); err != nil {
		t.Fatal(err)
	}
	qs, err := cgraph.NewQuadStore("bolt", old, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := qs.ApplyDeltas(adds(nil, []quad.Quad{{Subject: quad.IRI("s"), Predicate: quad.IRI("p"), Object: quad.String("o"), Label: schema.ArticleIRI("x")}}), cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	qs.Close()
	s2, err := Open("bolt:"+old, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s2.Retract("x"); err != nil || n != 1 {
		t.Errorf("retract from an old store: %d, %v", n, err)
	}
	s2.Close()
	dir = old
	if got, def := indexes(), mustJSON(ckv.DefaultQuadIndexes); got != def {
		t.Errorf("indexes of an old store changed: %s, want %s", got, def)
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// slowIterator is a query that, once closed, takes a while to stop, as a
// Gizmo script does between its interrupt and its end.
type slowIterator struct {
	closed, stopped chan struct{}
}

func (it *slowIterator) Next(ctx context.Context) bool {
	select {
	case <-it.stopped:
		return false
	case <-ctx.Done():
		return false
	}
}
func (it *slowIterator) Result() interface{} { return nil }
func (it *slowIterator) Err() error          { return nil }
func (it *slowIterator) Close() error {
	close(it.closed)
	go func() { time.Sleep(30 * time.Millisecond); close(it.stopped) }()
	return nil
}

// TestCloseQueryWaitsForTheQuery checks that a query cut short by the
// result limit has stopped when Query returns, so that closing the store
// cannot pull the data from under a script still running.
func TestCloseQueryWaitsForTheQuery(t *testing.T) {
	it := &slowIterator{closed: make(chan struct{}), stopped: make(chan struct{})}
	CloseQuery(it)
	select {
	case <-it.stopped:
	default:
		t.Fatal("CloseQuery returned before the query stopped")
	}
	// And through Query: a script cut short returns its first results.
	s, _ := openTemp(t)
	res, truncated, err := s.Query(context.Background(), `for (var i = 0; i < 50; i++) { g.Emit(i) }; while (true) {}`, QueryOptions{Limit: 2, MaxMemory: -1})
	if err != nil || !truncated || len(res) != 2 {
		t.Fatalf("results %v truncated %v err %v", res, truncated, err)
	}
}
