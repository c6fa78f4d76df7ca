package eval_test

import (
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/data"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/pipeline"
)

// qualityFloor is the extraction F1 on the bundled sample articles against
// their gold that the extractor must keep. Raise it when quality rises;
// a change that drops below it fails here.
const qualityFloor = 0.70

func TestExtractionQualityFloor(t *testing.T) {
	f, err := data.FS.Open("eval/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.ReadGold(f, "data/eval/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var quads []quad.Quad
	_, err = pipeline.Run(pipeline.Config{
		FS: data.FS, Paths: []string{"articles"}, Reader: &article.Reader{}, Extractor: x,
		Sink: func(docs []*newsgraph.Document) error {
			for _, d := range docs {
				quads = append(quads, graph.Quads(d)...)
			}
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := eval.Score(gold, quads)
	t.Logf("sample articles: precision %.3f recall %.3f F1 %.3f (%d of %d gold facts)", r.Precision, r.Recall, r.F1, len(r.Found), len(gold))
	if r.F1 < qualityFloor {
		for _, g := range r.Missed {
			t.Logf("missed %s: %s %v %s", g.ID, g.S[0], g.P, g.O[0])
		}
		t.Errorf("F1 %.3f is below the floor %.2f", r.F1, qualityFloor)
	}
}
