package pipeline

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
)

// FuzzExtract runs the extractor on arbitrary text (the article readers
// hand it valid, non-empty UTF-8) and checks the document it returns:
// facts name entities that exist, evidence lies inside the text, and the
// graph writer takes the document without trouble. Crashers found here
// are kept under testdata/fuzz/FuzzExtract and run by `go test`.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		story(1),
		"The International Criminal Court issued an arrest warrant for Vladimir Putin on Friday.",
		"\"We will not yield,\" said Volodymyr Zelensky, the president of Ukraine.",
		"Президент України Володимир Зеленський відвідав Вашингтон. 习近平 visited Paris 🎉.",
		"Mr. . . \"\"\" ' ' Dr. The the THE of of -- — “ ” ‘ ’",
		"A\n\n\nB\r\n\r\nC.\tD?! E... F",
		strings.Repeat("President Anna Berg of Oslo said. ", 50),
		"he she it they him her",
	} {
		f.Add(s, "2024-03-01")
	}
	f.Add("Russia annexed Crimea in 2014.", "")
	f.Fuzz(func(t *testing.T, text, date string) {
		if !utf8.ValidString(text) || strings.TrimSpace(text) == "" || len(text) > 1<<14 {
			return
		}
		if len(date) != 10 {
			date = ""
		}
		x := extractor(t)
		d := x.Extract(newsgraph.Article{ID: "fuzz", Date: date, Text: text})
		checkDocument(t, d, text)
	})
}

// checkDocument holds the invariants of an extracted document.
func checkDocument(t *testing.T, d *newsgraph.Document, text string) {
	t.Helper()
	if d == nil {
		t.Fatal("Extract returned nil")
	}
	n := len(d.Entities)
	for i, e := range d.Entities {
		if e.Name == "" || !utf8.ValidString(e.Name) {
			t.Errorf("entity %d has name %q", i, e.Name)
		}
		if e.Type == "" {
			t.Errorf("entity %d (%q) has no type", i, e.Name)
		}
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End {
				t.Errorf("entity %q: mention %v outside the text (%d bytes)", e.Name, m, len(text))
			}
		}
	}
	for _, f := range d.Facts {
		if f.Subject < 0 || f.Subject >= n {
			t.Errorf("fact %+v: subject %d not an entity (%d entities)", f, f.Subject, n)
		}
		if f.Object >= n || f.Object < -1 {
			t.Errorf("fact %+v: object %d not an entity (%d entities)", f, f.Object, n)
		}
		if f.Predicate == "" {
			t.Errorf("fact %+v has no predicate", f)
		}
		ev := f.Evidence
		if ev.Start < 0 || ev.End > len(text) || ev.Start > ev.End {
			t.Errorf("fact %s: evidence %v outside the text (%d bytes)", f.Predicate, ev, len(text))
		}
		if !utf8.ValidString(f.Sentence) || !utf8.ValidString(f.Value) {
			t.Errorf("fact %s: invalid UTF-8 in %q / %q", f.Predicate, f.Sentence, f.Value)
		}
		if f.Confidence < 0 || f.Confidence > 1 {
			t.Errorf("fact %s: confidence %v", f.Predicate, f.Confidence)
		}
	}
	for _, q := range graph.Quads(d) {
		if !q.IsValid() {
			t.Errorf("invalid quad %v", q)
		}
	}
}
