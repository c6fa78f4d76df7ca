// Command conlleval measures the extractor on sentences annotated in the
// CoNLL04 JSON format (entities Peop/Org/Loc, relations Work_For,
// Live_In, Located_In, OrgBased_In, Kill), the way an outside check would
// read newsgraph's output: each sentence is an article; entities are the
// typed nodes with their names; relations are the core predicates mapped
// to the five relation types. Development aid; the data stays outside the
// repository.
//
//	go run ./internal/conlleval -v /path/to/conll04_dev.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/extract"
)

type annotated struct {
	Tokens    []string `json:"tokens"`
	Tags      []string `json:"tags"`
	Relations []struct {
		Head int    `json:"head"`
		Tail int    `json:"tail"`
		Type string `json:"type"`
	} `json:"relations"`
}

var typeOf = map[string]string{
	newsgraph.Person: "Peop", newsgraph.Organization: "Org",
	newsgraph.Country: "Loc", newsgraph.State: "Loc", newsgraph.City: "Loc", newsgraph.Place: "Loc",
}

var relOf = map[string]string{
	"works_for": "Work_For", "leader_of": "Work_For", "spokesperson_for": "Work_For",
	"lives_in": "Live_In", "nationality": "Live_In", "born_in": "Live_In",
	"located_in": "Located_In", "based_in": "OrgBased_In", "killed": "Kill",
}

type counts struct{ tp, fp, fn int }

func (c counts) String() string {
	p := float64(c.tp) / float64(max(c.tp+c.fp, 1))
	r := float64(c.tp) / float64(max(c.tp+c.fn, 1))
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, f, c.tp, c.fp, c.fn)
}

func main() {
	verbose := flag.Bool("v", false, "print errors")
	dataDir := flag.String("data", "", "a folder overriding the built-in data (models/ner.bin, models/relations.bin, ...)")
	flag.Parse()
	var data []annotated
	raw, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(raw, &data); err != nil {
		log.Fatal(err)
	}
	var opt extract.Options
	if *dataDir != "" {
		opt.Data = os.DirFS(*dataDir)
	}
	x, err := extract.New(opt)
	if err != nil {
		log.Fatal(err)
	}
	ent := map[string]*counts{"Peop": {}, "Org": {}, "Loc": {}}
	rel := map[string]*counts{}
	for _, r := range relOf {
		rel[r] = &counts{}
	}
	for i, a := range data {
		text := strings.Join(a.Tokens, " ")
		doc := x.Extract(newsgraph.Article{ID: fmt.Sprint(i), Text: text})
		// Gold entities.
		type span struct{ text, typ string }
		var gold []span
		for k := 0; k < len(a.Tokens); k++ {
			t := a.Tags[k]
			if t == "O" {
				continue
			}
			start := k
			for t[0] != 'U' && t[0] != 'L' && k+1 < len(a.Tokens) {
				k++
				t = a.Tags[k]
			}
			gold = append(gold, span{eval.Norm(strings.Join(a.Tokens[start:k+1], " ")), a.Tags[start][2:]})
		}
		names := func(e newsgraph.Entity) map[string]bool {
			m := map[string]bool{}
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				m[eval.Norm(n)] = true
			}
			return m
		}
		matchedGold := map[int]bool{}
		for _, e := range doc.Entities {
			typ := typeOf[e.Type]
			if typ == "" {
				continue
			}
			ns := names(e)
			hit := false
			for gi, g := range gold {
				if g.typ == typ && ns[g.text] {
					hit = true
					matchedGold[gi] = true
				}
			}
			if hit {
				ent[typ].tp++
			} else {
				ent[typ].fp++
				if *verbose {
					fmt.Printf("FP ent %s %q  | %s\n", typ, e.Name, text)
				}
			}
		}
		for gi, g := range gold {
			if _, ok := ent[g.typ]; ok && !matchedGold[gi] {
				ent[g.typ].fn++
				if *verbose {
					fmt.Printf("FN ent %s %q  | %s\n", g.typ, g.text, text)
				}
			}
		}
		// Relations.
		type triple struct{ h, r, t string }
		goldRel := map[triple]bool{}
		for _, r := range a.Relations {
			goldRel[triple{gold[r.Head].text, r.Type, gold[r.Tail].text}] = true
		}
		found := map[triple]bool{}
		seen := map[string]bool{}
		for _, f := range doc.Facts {
			r := relOf[f.Predicate]
			if r == "" || f.Object < 0 {
				continue
			}
			hn, tn := names(doc.Entities[f.Subject]), names(doc.Entities[f.Object])
			key := fmt.Sprint(f.Subject, r, f.Object)
			if seen[key] {
				continue
			}
			seen[key] = true
			hit := false
			for g := range goldRel {
				if g.r == r && hn[g.h] && tn[g.t] {
					hit = true
					found[g] = true
				}
			}
			if hit {
				rel[r].tp++
			} else {
				rel[r].fp++
				if *verbose {
					fmt.Printf("FP rel %s(%s, %s)  | %s\n", r, doc.Entities[f.Subject].Name, doc.Entities[f.Object].Name, text)
				}
			}
		}
		for g := range goldRel {
			if !found[g] {
				rel[g.r].fn++
				if *verbose {
					fmt.Printf("FN rel %s(%s, %s)  | %s\n", g.r, g.h, g.t, text)
				}
			}
		}
	}
	var all counts
	for _, t := range []string{"Peop", "Org", "Loc"} {
		c := ent[t]
		fmt.Printf("entity %-4s %v\n", t, c)
		all.tp, all.fp, all.fn = all.tp+c.tp, all.fp+c.fp, all.fn+c.fn
	}
	fmt.Printf("entity all  %v\n", all)
	var ra counts
	for _, t := range []string{"Work_For", "Live_In", "Located_In", "OrgBased_In", "Kill"} {
		c := rel[t]
		fmt.Printf("rel %-11s %v\n", t, c)
		ra.tp, ra.fp, ra.fn = ra.tp+c.tp, ra.fp+c.fp, ra.fn+c.fn
	}
	fmt.Printf("rel all         %v\n", ra)
}
