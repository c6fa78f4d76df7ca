package nlp

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/jdkato/prose/v2"
)

// Tagger assigns Penn Treebank part-of-speech tags. It runs prose's
// averaged-perceptron model (the same weights, the same features) with an
// inference that builds no maps and allocates nothing per token. A Tagger
// is safe for concurrent use.
type Tagger struct {
	classes []string
	index   map[string]int32 // feature -> first entry in entries
	entries []entry          // per feature: (class, weight) pairs, ended by class -1
	tagdict map[string]string
}

type entry struct {
	class  int32
	weight float32
}

var (
	defaultTagger     *Tagger
	defaultTaggerErr  error
	defaultTaggerOnce sync.Once
)

// DefaultTagger loads prose's English model once and returns it.
func DefaultTagger() (*Tagger, error) {
	defaultTaggerOnce.Do(func() {
		defaultTagger, defaultTaggerErr = loadProseTagger()
	})
	return defaultTagger, defaultTaggerErr
}

func loadProseTagger() (*Tagger, error) {
	var (
		weights map[string]map[string]float64
		tags    map[string]string
		classes []string
	)
	for _, part := range []struct {
		name string
		into interface{}
	}{{"classes.gob", &classes}, {"tags.gob", &tags}, {"weights.gob", &weights}} {
		data, err := prose.Asset("model/AveragedPerceptron/" + part.name)
		if err != nil {
			return nil, fmt.Errorf("load tagger model %s: %w", part.name, err)
		}
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(part.into); err != nil {
			return nil, fmt.Errorf("decode tagger model %s: %w", part.name, err)
		}
	}
	t := &Tagger{classes: classes, tagdict: tags, index: make(map[string]int32, len(weights))}
	classIndex := make(map[string]int32, len(classes))
	for i, c := range classes {
		classIndex[c] = int32(i)
	}
	for feat, ws := range weights {
		if len(ws) == 0 {
			continue
		}
		t.index[feat] = int32(len(t.entries))
		for class, w := range ws {
			ci, ok := classIndex[class]
			if !ok {
				ci = int32(len(t.classes))
				t.classes = append(t.classes, class)
				classIndex[class] = ci
			}
			t.entries = append(t.entries, entry{ci, float32(w)})
		}
		t.entries = append(t.entries, entry{class: -1})
	}
	return t, nil
}

// Tag sets the Tag of each token of one sentence.
func (t *Tagger) Tag(toks []Token) {
	ctx := make([]string, len(toks)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	words := make([]string, len(toks))
	for i := range toks {
		words[i] = quoteForm(toks, i)
		ctx[i+2] = normalizeWord(words[i])
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	scores := make([]float32, len(t.classes))
	var key []byte
	p1, p2 := "-START-", "-START2-"
	for i := range toks {
		w := words[i]
		tag, ok := specialTag(w)
		if !ok {
			tag, ok = t.tagdict[w]
		}
		if !ok {
			for c := range scores {
				scores[c] = 0
			}
			c := i + 2
			add := func(parts ...string) {
				key = key[:0]
				for n, p := range parts {
					if n > 0 {
						key = append(key, ' ')
					}
					key = append(key, p...)
				}
				if at, ok := t.index[string(key)]; ok {
					for e := t.entries[at:]; e[0].class >= 0; e = e[1:] {
						scores[e[0].class] += e[0].weight
					}
				}
			}
			add("bias")
			add("i suffix", suffix(w, 3))
			add("i pref1", w[:1])
			add("i-1 tag", p1)
			add("i-2 tag", p2)
			add("i tag+i-2 tag", p1, p2)
			add("i word", ctx[c])
			add("i-1 tag+i word", p1, ctx[c])
			add("i-1 word", ctx[c-1])
			add("i-1 suffix", suffix(ctx[c-1], 3))
			add("i-2 word", ctx[c-2])
			add("i+1 word", ctx[c+1])
			add("i+1 suffix", suffix(ctx[c+1], 3))
			add("i+2 word", ctx[c+2])
			best := 0
			for c := 1; c < len(scores); c++ {
				if scores[c] > scores[best] {
					best = c
				}
			}
			tag = t.classes[best]
		}
		toks[i].Tag = tag
		p2, p1 = p1, tag
	}
}

// quoteForm returns the token's text, with straight and curly double
// quotes written as the treebank's “ (opening) and ” (closing), the forms
// the model was trained on.
func quoteForm(toks []Token, i int) string {
	switch toks[i].Text {
	case "“", "``":
		return "``"
	case "”", "''":
		return "''"
	case "\"":
		opening := (i == 0 || toks[i-1].SpaceAfter) && !toks[i].SpaceAfter && i+1 < len(toks)
		if opening {
			return "``"
		}
		return "''"
	}
	return toks[i].Text
}

// suffix returns the last n bytes of s, as prose does.
func suffix(s string, n int) string {
	if len(s) < n {
		return s
	}
	return s[len(s)-n:]
}

// normalizeWord maps a word to the form the model was trained on.
func normalizeWord(w string) string {
	if w == "" {
		return w
	}
	if strings.Contains(w, "-") && w[0] != '-' {
		return "!HYPHEN"
	}
	if allDigits(w) && len(w) == 4 {
		return "!YEAR"
	}
	if w[0] >= '0' && w[0] <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// specialTag tags tokens prose tags by rule.
func specialTag(w string) (string, bool) {
	switch {
	case w == "-":
		return "-", true
	case strings.HasPrefix(w, "http://"), strings.HasPrefix(w, "https://"), strings.HasPrefix(w, "www."),
		strings.HasPrefix(w, "@") && len(w) > 1, strings.Contains(w, "@") && strings.Contains(w, "."):
		return "NN", true
	case len(w) == 5 && w[0] == '-' && w[4] == '-' && isUpperASCII(w[1:4]):
		return w, true // -LRB- and friends
	}
	return "", false
}

func isUpperASCII(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
