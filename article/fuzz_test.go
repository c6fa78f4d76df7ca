package article

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

const fuzzMax = 1 << 16

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// checkArticle holds the invariants of every delivered article.
func checkArticle(t *testing.T, a newsgraph.Article) {
	t.Helper()
	if a.ID == "" {
		t.Errorf("empty ID: %+v", a)
	}
	if strings.TrimSpace(a.Text) == "" {
		t.Errorf("empty text: %+v", a)
	}
	for _, s := range []string{a.ID, a.Title, a.Date, a.URL, a.Source, a.Text} {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8 %q in %+v", s, a)
		}
	}
	if a.Date != "" && !isoDate.MatchString(a.Date) {
		t.Errorf("date %q is not YYYY-MM-DD", a.Date)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		harbourStory, bridgeStory, "", " date 2023-03-17", "date: 2023-03-17\nx",
		"---\ntitle: T\n---\nBody", "Title: A\nDate: March 1, 2020\n\nBody\r\n", "Caf\xe9", "a\x00b",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := readText(bytes.NewReader(data), "fuzz", fuzzMax)
		if err != nil {
			return
		}
		checkArticle(t, a)
		if a.ID != "fuzz" || strings.Contains(a.Text, "\r") || a.Text != strings.TrimSpace(a.Text) {
			t.Errorf("readText(%q) = %+v", data, a)
		}
		// The text is the input's, less its header and outer space.
		if !strings.Contains(normalizeNewlines(string(data)), a.Text) {
			t.Errorf("readText(%q): text %q is not in the input", data, a.Text)
		}
	})
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		newsPage, samplePage, "<p>x</p>", "<article><article>a</article></article>", "<svg><title>t</title></svg><p>x",
		"<template><p>x</p></template>", "<table><td>a<td>b", "<time datetime=2020-01-01>", "\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := readHTML(bytes.NewReader(data), "fuzz", fuzzMax)
		if err != nil {
			return
		}
		checkArticle(t, a)
		if strings.Contains(a.Text, "\n\n\n") || strings.Contains(a.Text, "  ") {
			t.Errorf("readHTML(%q): text %q has runs of space", data, a.Text)
		}
	})
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"b"}`, `{"id":1,"text":"b","date":"2023-03-17T10:00:00Z"}` + "\n\n" + `{"id":"c"}`,
		`{"id":"a","text":"b"}` + "\r\n" + `[1]`, "\ufeff{}", `{"id":"\ud800","text":"\u0000"}`, "{\"id\":\"x\",\"text\":\"\xff\"}",
		`{"id":"a","text":"` + strings.Repeat("x", 300) + `"}`,
	} {
		f.Add([]byte(s), int64(256))
	}
	f.Fuzz(func(t *testing.T, data []byte, max int64) {
		if max <= 0 || max > fuzzMax {
			max = fuzzMax
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		delivered, bad := 0, 0
		lastLine := 0
		err := readJSONL(bytes.NewReader(data), max,
			func(line int, a newsgraph.Article) error {
				delivered++
				checkArticle(t, a)
				if line <= lastLine || line > lines {
					t.Errorf("line %d after %d, of %d lines", line, lastLine, lines)
				}
				lastLine = line
				return nil
			},
			func(line int, err error) {
				bad++
				if err == nil || line < 0 || line > lines {
					t.Errorf("problem at line %d of %d: %v", line, lines, err)
				}
			})
		if err != nil {
			t.Fatalf("readJSONL: %v", err)
		}
		if delivered > lines || delivered+bad > lines {
			t.Errorf("%d articles and %d problems from %d lines", delivered, bad, lines)
		}
		if delivered == 0 && bad == 0 {
			t.Errorf("no article and no problem from %q", data)
		}
	})
}

// FuzzStdin feeds bytes through Walk's whole pipeline: gzip, sniffing and
// the three parsers.
func FuzzStdin(f *testing.F) {
	for _, s := range []string{harbourStory, samplePage, `{"id":"a","text":"b"}`, "\x1f\x8b", "", "\xff\xfe"} {
		f.Add([]byte(s))
	}
	f.Add(gzipped(f, `{"id":"a","text":"b"}`+"\n"+`{"id":"a","text":"b"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		delivered := 0
		r := &Reader{Stdin: bytes.NewReader(data), MaxBytes: fuzzMax}
		problems, err := r.Walk([]string{"-"}, func(a newsgraph.Article) error {
			delivered++
			checkArticle(t, a)
			if a.Origin != "-" && !strings.HasPrefix(a.Origin, "-:") {
				t.Errorf("origin %q", a.Origin)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if delivered == 0 && problems == 0 {
			t.Errorf("no article and no problem from %q", data)
		}
	})
}
