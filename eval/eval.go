// Package eval scores extracted quads against a gold list of facts, the
// way ../shared/eval/score.py does, so users can measure the extractor on
// their own beat with `newsgraph eval`.
//
// A gold fact is one JSON line: {"id", "s": [names], "p": [predicates],
// "o": [names], "match": "exact"|"contains"}. It is found when some quad
// has a predicate whose local name is in "p", a subject one of whose names
// equals one of "s", and an object one of whose names equals one of "o"
// ("contains": appears in it as whole words). Precision counts the
// distinct (subject, predicate, object) triples whose predicate is in the
// core vocabulary or the gold.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph/schema"
)

// Fact is one gold fact.
type Fact struct {
	ID    string   `json:"id"`
	S     []string `json:"s"`
	P     []string `json:"p"`
	O     []string `json:"o"`
	Match string   `json:"match,omitempty"`

	s, o []string
	p    map[string]bool
}

// ReadGold reads gold facts, one JSON object per line.
func ReadGold(r io.Reader, name string) ([]Fact, error) {
	var out []Fact
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var f Fact
		if err := json.Unmarshal([]byte(text), &f); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if f.ID == "" || len(f.S) == 0 || len(f.P) == 0 || len(f.O) == 0 {
			return nil, fmt.Errorf("%s:%d: a gold fact needs id, s, p and o", name, line)
		}
		if f.Match != "" && f.Match != "exact" && f.Match != "contains" {
			return nil, fmt.Errorf("%s:%d: match %q is neither exact nor contains", name, line, f.Match)
		}
		for _, s := range f.S {
			f.s = append(f.s, Norm(s))
		}
		for _, o := range f.O {
			f.o = append(f.o, Norm(o))
		}
		f.p = map[string]bool{}
		for _, p := range f.P {
			f.p[p] = true
		}
		out = append(out, f)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// Result is the outcome of scoring.
type Result struct {
	Quads, Triples, Good int
	Found                []string // gold ids found
	Missed               []Fact
	Unmatched            [][3]string // core triples that matched no gold fact
	Precision, Recall    float64
	F1                   float64
}

var namePreds = map[string]bool{"name": true, "label": true, "pref_label": true, "alt_label": true, "alternate_name": true, "alias": true, "additional_name": true}

// Score compares quads with the gold facts.
func Score(gold []Fact, quads []quad.Quad) Result {
	core := map[string]bool{}
	for _, p := range schema.CoreNames() {
		core[p] = true
	}
	for _, g := range gold {
		for p := range g.p {
			core[p] = true
		}
	}
	names := map[string]map[string]bool{}
	for _, q := range quads {
		if s, ok := q.Object.(quad.String); ok && namePreds[localName(q.Predicate)] {
			k := key(q.Subject)
			if names[k] == nil {
				names[k] = map[string]bool{}
			}
			names[k][Norm(string(s))] = true
		}
	}
	type triple struct {
		s, p, o string
	}
	triples := map[triple][2][]string{}
	for _, q := range quads {
		p := localName(q.Predicate)
		if !core[p] {
			continue
		}
		t := triple{key(q.Subject), p, key(q.Object)}
		if _, ok := triples[t]; !ok {
			triples[t] = [2][]string{namesOf(q.Subject, names), namesOf(q.Object, names)}
		}
	}
	keys := make([]triple, 0, len(triples))
	for t := range triples {
		keys = append(keys, t)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.s != b.s {
			return a.s < b.s
		}
		if a.p != b.p {
			return a.p < b.p
		}
		return a.o < b.o
	})
	res := Result{Quads: len(quads), Triples: len(triples)}
	found := map[string]bool{}
	for _, t := range keys {
		n := triples[t]
		hit := false
		for _, g := range gold {
			if g.p[t.p] && matches(n[0], g.s, false) && matches(n[1], g.o, g.Match == "contains") {
				found[g.ID] = true
				hit = true
			}
		}
		if hit {
			res.Good++
		} else {
			res.Unmatched = append(res.Unmatched, [3]string{t.s, t.p, t.o})
		}
	}
	for _, g := range gold {
		if found[g.ID] {
			res.Found = append(res.Found, g.ID)
		} else {
			res.Missed = append(res.Missed, g)
		}
	}
	if res.Triples > 0 {
		res.Precision = float64(res.Good) / float64(res.Triples)
	}
	if len(gold) > 0 {
		res.Recall = float64(len(res.Found)) / float64(len(gold))
	}
	if res.Precision+res.Recall > 0 {
		res.F1 = 2 * res.Precision * res.Recall / (res.Precision + res.Recall)
	}
	return res
}

func key(v quad.Value) string {
	if v == nil {
		return ""
	}
	return v.String()
}

func namesOf(v quad.Value, names map[string]map[string]bool) []string {
	if s, ok := v.(quad.String); ok {
		return []string{Norm(string(s))}
	}
	if ts, ok := v.(quad.TypedString); ok {
		return []string{Norm(string(ts.Value))}
	}
	if set, ok := names[key(v)]; ok {
		out := make([]string, 0, len(set))
		for n := range set {
			out = append(out, n)
		}
		sort.Strings(out)
		return out
	}
	l := localName(v)
	return []string{Norm(strings.ReplaceAll(l, "_", " "))}
}

func matches(cands, golds []string, contains bool) bool {
	for _, c := range cands {
		for _, g := range golds {
			if contains {
				if g != "" && (c == g || strings.HasPrefix(c, g+" ") || strings.HasSuffix(c, " "+g) || strings.Contains(c, " "+g+" ")) {
					return true
				}
			} else if c == g {
				return true
			}
		}
	}
	return false
}

var camel = regexp.MustCompile(`([a-z0-9])([A-Z])`)

// localName is an IRI's last part in snake_case, as score.py reads it.
func localName(v quad.Value) string {
	s := key(v)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">")
	s = strings.TrimRight(s, "/#")
	if i := strings.LastIndexAny(s, "/#:"); i >= 0 {
		s = s[i+1:]
	}
	s = camel.ReplaceAllString(s, "${1}_${2}")
	return strings.ReplaceAll(strings.ToLower(s), "-", "_")
}

var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true}

// Norm is how names compare: case-folded, accents and punctuation dropped,
// a leading "the" or honorific dropped.
func Norm(s string) string {
	s = norm.NFKD.String(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(strings.ToLower(s))
	s = possessive.ReplaceAllString(s, "")
	s = strings.NewReplacer(".", "", "'", "", "`", "").Replace(s)
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	})
	for len(words) > 0 && (words[0] == "the" || honorifics[words[0]]) {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

var possessive = regexp.MustCompile(`'s\b`)
