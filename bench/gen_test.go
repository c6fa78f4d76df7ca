package bench

import (
	"bytes"
	"testing"
)

// The generator makes the same corpus every time, and varied articles.
func TestGeneratorIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if _, err := (Generator{}).WriteJSONL(&a, 0, 20); err != nil {
		t.Fatal(err)
	}
	if _, err := (Generator{}).WriteJSONL(&b, 0, 20); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatal("two runs made different corpora")
	}
	g := Generator{}
	if g.Article(3).Text == g.Article(4).Text || g.Article(3).ID == g.Article(4).ID {
		t.Error("articles 3 and 4 are the same")
	}
	if (Generator{Seed: 1}).Article(3).Text == g.Article(3).Text {
		t.Error("the seed does not change the corpus")
	}
}
