package eval

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestNormMatchesScorePy(t *testing.T) {
	for in, want := range map[string]string{
		"The International Criminal Court": "international criminal court",
		"Mr. Putin":                        "putin",
		"Russia's Foreign Ministry":        "russia foreign ministry",
		"U.S.":                             "us",
		"Lvova-Belova":                     "lvova belova",
	} {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestScoreCountsCoreTriplesOnce(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(`{"id":"W1","s":["International Criminal Court","ICC"],"p":["issued_arrest_warrant_for"],"o":["Vladimir Putin"]}
{"id":"Q1","s":["Dmitry Peskov"],"p":["said"],"o":["null and void"],"match":"contains"}
{"id":"X1","s":["Russia"],"p":["annexed"],"o":["Crimea"]}
`), "gold")
	if err != nil {
		t.Fatal(err)
	}
	e := func(s string) quad.IRI { return quad.IRI("https://newsgraph.dev/entity/" + s) }
	p := func(s string) quad.IRI { return quad.IRI("https://newsgraph.dev/ns#" + s) }
	name := quad.IRI("http://schema.org/name")
	a1, a2 := quad.IRI("https://newsgraph.dev/article/a1"), quad.IRI("https://newsgraph.dev/article/a2")
	quads := []quad.Quad{
		{Subject: e("ICC"), Predicate: name, Object: quad.String("ICC"), Label: a1},
		{Subject: e("Vladimir_Putin"), Predicate: name, Object: quad.String("Vladimir Putin"), Label: a1},
		{Subject: e("ICC"), Predicate: p("issued_arrest_warrant_for"), Object: e("Vladimir_Putin"), Label: a1},
		// The same triple from another article counts once.
		{Subject: e("ICC"), Predicate: p("issued_arrest_warrant_for"), Object: e("Vladimir_Putin"), Label: a2},
		{Subject: e("Dmitry_Peskov"), Predicate: p("said"), Object: quad.String("any decisions are null and void for Russia"), Label: a1},
		// A wrong core triple lowers precision; a non-core one does not count.
		{Subject: e("Russia"), Predicate: p("invaded"), Object: e("Crimea"), Label: a1},
		{Subject: e("Russia"), Predicate: p("mentionedIn"), Object: a1, Label: a1},
	}
	r := Score(gold, quads)
	if r.Triples != 3 || r.Good != 2 {
		t.Errorf("triples %d good %d, want 3 and 2", r.Triples, r.Good)
	}
	if len(r.Found) != 2 || len(r.Missed) != 1 || r.Missed[0].ID != "X1" {
		t.Errorf("found %v missed %v", r.Found, r.Missed)
	}
	if r.Precision < 0.66 || r.Precision > 0.67 || r.Recall < 0.66 || r.Recall > 0.67 {
		t.Errorf("precision %.3f recall %.3f, want 2/3 each", r.Precision, r.Recall)
	}
}

func TestReadGoldRejectsBadLines(t *testing.T) {
	for _, bad := range []string{
		`{"id":"A","s":["x"],"p":["said"]}`,
		`{"id":"A","s":["x"],"p":["said"],"o":["y"],"match":"fuzzy"}`,
		`not json`,
	} {
		if _, err := ReadGold(strings.NewReader(bad), "g.jsonl"); err == nil || !strings.Contains(err.Error(), "g.jsonl:1") {
			t.Errorf("%s: error %v, want one naming g.jsonl:1", bad, err)
		}
	}
}
