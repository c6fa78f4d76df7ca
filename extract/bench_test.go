package extract

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/data"
)

// sampleArticles reads the bundled sample articles (their text only).
func sampleArticles(tb testing.TB) ([]newsgraph.Article, int) {
	tb.Helper()
	files, err := fs.Glob(data.FS, "articles/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no sample articles: %v", err)
	}
	var out []newsgraph.Article
	words := 0
	for _, f := range files {
		text, err := fs.ReadFile(data.FS, f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, newsgraph.Article{ID: f, Text: string(text)})
		words += len(strings.Fields(string(text)))
	}
	return out, words
}

// BenchmarkExtract measures the whole extractor (cleaning, sentences,
// tags, entities, coreference, rules, relation model, quotes, dates) on
// one core, in words per second.
func BenchmarkExtract(b *testing.B) {
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	arts, words := sampleArticles(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			x.Extract(a)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkProse measures prose's own tokenizer, tagger and entity
// recognizer on the same text, with its model loaded once and shared, as
// its fastest use allows: the baseline the extractor is compared with.
func BenchmarkProse(b *testing.B) {
	arts, words := sampleArticles(b)
	warm, err := prose.NewDocument("Warm up the model.", prose.WithSegmentation(false))
	if err != nil {
		b.Fatal(err)
	}
	model := warm.Model
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if _, err := prose.NewDocument(a.Text, prose.UsingModel(model), prose.WithSegmentation(false)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
