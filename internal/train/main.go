// Command train trains newsgraph's entity model and relation model from
// sentences annotated with entities and relations, and reports their
// precision and recall on held-out sentences. Input files are JSON arrays
// of {"tokens": [...], "tags": [BILOU tags with types Peop, Org, Loc,
// Other], "relations": [{"head", "tail", "type"}]} (the CoNLL04 format of
// public relation-extraction datasets). Usage:
//
//	go run ./internal/train -train train.json -dev dev.json \
//		-ner data/models/ner.bin -rel data/models/relations.bin
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/nlp"
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

// example is one sentence on newsgraph's tokens.
type example struct {
	nlp.Labeled
	lower []string
	spans []tokSpan // the gold entities, in the annotation's order
	rels  map[[2]int]string
}

type tokSpan struct {
	start, end int
	typ        string
}

var typeNames = map[string]string{"Peop": "PER", "Org": "ORG", "Loc": "LOC", "Other": "MISC"}

func main() {
	trainPath := flag.String("train", "", "training sentences (JSON)")
	devPath := flag.String("dev", "", "held-out sentences (JSON)")
	out := flag.String("ner", "", "write the entity model here")
	relOut := flag.String("rel", "", "write the relation model here")
	iters := flag.Int("iter", 12, "training iterations")
	seeds := flag.Int("seeds", 5, "models trained on different shuffles, then averaged")
	dataDir := flag.String("data", "data", "data folder with gazetteer/ and rules/")
	flag.Parse()
	log.SetFlags(0)

	gaz, err := extract.LoadGazetteer(os.DirFS(*dataDir))
	if err != nil {
		log.Fatal(err)
	}
	tagger, err := nlp.DefaultTagger()
	if err != nil {
		log.Fatal(err)
	}
	lex, err := nlp.DefaultLexicon()
	if err != nil {
		log.Fatal(err)
	}
	prep := func(path string) []example {
		var raw []annotated
		data, err := os.ReadFile(path)
		if err != nil {
			log.Fatal(err)
		}
		if err := json.Unmarshal(data, &raw); err != nil {
			log.Fatalf("%s: %v", path, err)
		}
		var out []example
		for _, a := range raw {
			toks, labels, spans := project(a)
			tagger.Tag(toks)
			lower := make([]string, len(toks))
			for i, t := range toks {
				lower[i] = strings.ToLower(t.Text)
			}
			ex := example{Labeled: nlp.Labeled{Tokens: toks, Labels: labels, Hints: gaz.Hints(toks, lower, lex.Known)}, lower: lower, spans: spans, rels: map[[2]int]string{}}
			for _, r := range a.Relations {
				ex.rels[[2]int{r.Head, r.Tail}] = r.Type
			}
			out = append(out, ex)
		}
		return out
	}
	train := prep(*trainPath)
	var dev []example
	if *devPath != "" {
		dev = prep(*devPath)
	}
	log.Printf("training on %d sentences, %d iterations", len(train), *iters)
	var labeled []nlp.Labeled
	for _, ex := range train {
		labeled = append(labeled, ex.Labeled)
	}
	var ners []*nlp.NER
	for seed := 1; seed <= *seeds; seed++ {
		ners = append(ners, nlp.TrainNER(labeled, *iters, int64(seed)))
	}
	m := nlp.AverageNER(ners...)
	if dev != nil {
		report(m, dev)
	}
	var rels []*nlp.PairModel
	for seed := 1; seed <= *seeds; seed++ {
		rels = append(rels, nlp.TrainPairs(pairsOf(train), *iters, int64(seed)))
	}
	rm := nlp.AveragePairs(rels...)
	if dev != nil {
		reportPairs(rm, dev)
	}
	if *relOut != "" {
		f, err := os.Create(*relOut)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := rm.WriteTo(f); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s", *relOut)
	}
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			log.Fatal(err)
		}
		if _, err := m.WriteTo(f); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s", *out)
	}
}

// project re-tokenizes an annotated sentence with newsgraph's tokenizer and
// carries the entity spans over by character offsets, so the model learns
// on the tokens it will see.
func project(a annotated) ([]nlp.Token, []string, []tokSpan) {
	var b strings.Builder
	type span struct {
		start, end int
		typ        string
	}
	var spans []span
	var cur *span
	for i, t := range a.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(t)
		tag := a.Tags[i]
		switch tag[0] {
		case 'B', 'U':
			spans = append(spans, span{start, b.Len(), typeNames[tag[2:]]})
			cur = &spans[len(spans)-1]
		case 'I', 'L':
			if cur != nil {
				cur.end = b.Len()
			}
		}
		if tag[0] == 'U' || tag[0] == 'L' || tag == "O" {
			cur = nil
		}
	}
	text := b.String()
	toks := nlp.Tokenize(text, 0, len(text))
	labels := make([]string, len(toks))
	for i := range labels {
		labels[i] = "O"
	}
	var out []tokSpan
	for _, s := range spans {
		var in []int
		for i, t := range toks {
			if t.Start >= s.start && t.End <= s.end {
				in = append(in, i)
			}
		}
		// A sentence-final period glued to the last word is not part of it.
		for len(in) > 0 && toks[in[len(in)-1]].Text == "." {
			in = in[:len(in)-1]
		}
		if len(in) == 0 {
			out = append(out, tokSpan{-1, -1, s.typ})
			continue
		}
		out = append(out, tokSpan{in[0], in[len(in)-1] + 1, s.typ})
		if len(in) == 1 {
			labels[in[0]] = "U-" + s.typ
			continue
		}
		for k, i := range in {
			switch k {
			case 0:
				labels[i] = "B-" + s.typ
			case len(in) - 1:
				labels[i] = "L-" + s.typ
			default:
				labels[i] = "I-" + s.typ
			}
		}
	}
	return toks, labels, out
}

// pairsOf makes relation examples of every two entities of a sentence.
func pairsOf(data []example) []nlp.LabeledPair {
	var out []nlp.LabeledPair
	for _, ex := range data {
		for i, a := range ex.spans {
			for j, b := range ex.spans {
				if j <= i || a.start < 0 || b.start < 0 || a.typ == "MISC" || b.typ == "MISC" {
					continue
				}
				first, second, fi, si := a, b, i, j
				if b.start < a.start {
					first, second, fi, si = b, a, j, i
				}
				label := "none"
				if r, ok := ex.rels[[2]int{fi, si}]; ok {
					label = r + ">"
				} else if r, ok := ex.rels[[2]int{si, fi}]; ok {
					label = r + "<"
				}
				out = append(out, nlp.LabeledPair{Label: label, Pair: nlp.Pair{
					Tokens: ex.Tokens, Lower: ex.lower,
					AStart: first.start, AEnd: first.end, AType: first.typ,
					BStart: second.start, BEnd: second.end, BType: second.typ,
				}})
			}
		}
	}
	return out
}

// reportPairs scores the relation model on gold entities.
func reportPairs(m *nlp.PairModel, dev []example) {
	var tp, fp, fn int
	for _, p := range pairsOf(dev) {
		got, _ := m.Predict(p.Pair)
		switch {
		case got == p.Label && got != "none":
			tp++
		case got != "none" && p.Label == "none":
			fp++
		case got == "none" && p.Label != "none":
			fn++
		case got != p.Label:
			fp++
			fn++
		}
	}
	pr := float64(tp) / float64(max(tp+fp, 1))
	rc := float64(tp) / float64(max(tp+fn, 1))
	log.Printf("relations on gold entities: P %.3f R %.3f F1 %.3f", pr, rc, 2*pr*rc/(pr+rc))
}

func spansOf(toks []nlp.Token, labels []string) map[string]string {
	out := map[string]string{}
	start := -1
	for i, l := range labels {
		switch {
		case l == "O":
			start = -1
		case l[0] == 'U':
			out[fmt.Sprint(i, i+1)] = l[2:]
		case l[0] == 'B':
			start = i
		case l[0] == 'L' && start >= 0:
			out[fmt.Sprint(start, i+1)] = l[2:]
			start = -1
		}
	}
	return out
}

func report(m *nlp.NER, dev []example) {
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	for _, s := range dev {
		pred := spansOf(s.Tokens, m.Predict(s.Tokens, s.Hints))
		gold := spansOf(s.Tokens, s.Labels)
		for k, t := range pred {
			if gold[k] == t {
				tp[t]++
			} else {
				fp[t]++
			}
		}
		for k, t := range gold {
			if pred[k] != t {
				fn[t]++
			}
		}
	}
	types := []string{"PER", "ORG", "LOC", "MISC"}
	sort.Strings(types)
	var T, F, N int
	for _, t := range types {
		p := float64(tp[t]) / float64(tp[t]+fp[t])
		r := float64(tp[t]) / float64(tp[t]+fn[t])
		log.Printf("%-4s P %.3f R %.3f F1 %.3f", t, p, r, 2*p*r/(p+r))
		if t != "MISC" {
			T, F, N = T+tp[t], F+fp[t], N+fn[t]
		}
	}
	p := float64(T) / float64(T+F)
	r := float64(T) / float64(T+N)
	log.Printf("PER+ORG+LOC P %.3f R %.3f F1 %.3f", p, r, 2*p*r/(p+r))
}
