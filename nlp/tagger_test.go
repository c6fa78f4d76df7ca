package nlp

import (
	"testing"

	"github.com/jdkato/prose/v2"
)

const sampleNews = `The International Criminal Court in The Hague issued an arrest warrant on Friday for Russian President Vladimir Putin, accusing him of the unlawful deportation of children from occupied parts of Ukraine.
Kremlin spokesman Dmitry Peskov said the decision was "null and void" for Moscow. Russia signed the Rome Statute in 2000 but never ratified it, and it withdrew its signature in 2016.
Ukraine's prosecutor general, Andriy Kostin, welcomed the move. "This is a historic decision," he told reporters in Kyiv.`

// TestTaggerAgreesWithProse checks that the fast inference gives the tags
// prose itself gives, token for token, on the same tokens (quotes aside).
func TestTaggerAgreesWithProse(t *testing.T) {
	tagger, err := DefaultTagger()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := prose.NewDocument(sampleNews, prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatal(err)
	}
	ptoks := doc.Tokens()
	toks := make([]Token, len(ptoks))
	for i, pt := range ptoks {
		toks[i] = Token{Text: pt.Text}
	}
	tagger.Tag(toks)
	diff := 0
	for i := range toks {
		if toks[i].Text == "\"" {
			// Quotes are deliberately tagged as the treebank writes them.
			if toks[i].Tag != "``" && toks[i].Tag != "''" {
				t.Errorf("quote tagged %s", toks[i].Tag)
			}
			continue
		}
		if toks[i].Tag != ptoks[i].Tag {
			diff++
			t.Logf("%q: ours %s, prose %s", toks[i].Text, toks[i].Tag, ptoks[i].Tag)
		}
	}
	if len(toks) < 80 {
		t.Fatalf("only %d tokens", len(toks))
	}
	if diff > 0 {
		t.Errorf("%d of %d tags differ from prose", diff, len(toks))
	}
}

func BenchmarkTagger(b *testing.B) {
	tagger, err := DefaultTagger()
	if err != nil {
		b.Fatal(err)
	}
	sents := Sentences(sampleNews, 0, len(sampleNews))
	words := 0
	for _, s := range sents {
		words += len(s.Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			tagger.Tag(s.Tokens)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkProse(b *testing.B) {
	if _, err := prose.NewDocument("warm up"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := prose.NewDocument(sampleNews, prose.WithSegmentation(false)); err != nil {
			b.Fatal(err)
		}
	}
}
