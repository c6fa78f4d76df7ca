package nlp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/rand"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NER is a named-entity recognizer: an averaged perceptron that labels
// tokens with BILOU tags (B-PER, I-PER, L-PER, U-PER, O, ...), decoded
// greedily left to right under the BILOU constraints. Besides the words,
// their shapes and part-of-speech tags, it reads per-token hints from the
// caller (gazetteer matches, titles), so that knowledge kept in data files
// informs what it learned from annotated text.
type NER struct {
	Labels  []string
	index   map[uint64]int32 // feature hash -> row in weights
	weights []float32        // len(index) rows of len(Labels)
	allowed [][]bool         // allowed[prev][next] under BILOU
}

// Hints are extra features per token (gazetteer matches and the like),
// as short strings such as "country:B".
type Hints [][]string

// Predict returns a label per token of one sentence. Tokens must be tagged.
func (m *NER) Predict(toks []Token, hints Hints) []string {
	f := newFeaturizer(toks, hints)
	out := make([]string, len(toks))
	scores := make([]float32, len(m.Labels))
	prev, prev2 := -1, -1
	for i := range toks {
		for c := range scores {
			scores[c] = 0
		}
		f.each(i, m.label(prev), m.label(prev2), func(h uint64) {
			if row, ok := m.index[h]; ok {
				w := m.weights[int(row)*len(m.Labels):]
				for c := range scores {
					scores[c] += w[c]
				}
			}
		})
		best := -1
		for c := range scores {
			if !m.allowedAfter(prev, c) || (i == len(toks)-1 && !endsSpan(m.Labels[c])) {
				continue
			}
			if best < 0 || scores[c] > scores[best] {
				best = c
			}
		}
		out[i] = m.Labels[best]
		prev2, prev = prev, best
	}
	return out
}

func (m *NER) label(i int) string {
	if i < 0 {
		return "START"
	}
	return m.Labels[i]
}

func (m *NER) allowedAfter(prev, next int) bool {
	if prev < 0 {
		l := m.Labels[next]
		return l == "O" || l[0] == 'B' || l[0] == 'U'
	}
	return m.allowed[prev][next]
}

func endsSpan(l string) bool { return l == "O" || l[0] == 'L' || l[0] == 'U' }

func buildAllowed(labels []string) [][]bool {
	a := make([][]bool, len(labels))
	for i, p := range labels {
		a[i] = make([]bool, len(labels))
		for j, n := range labels {
			pIn := p != "O" && (p[0] == 'B' || p[0] == 'I')
			nIn := n != "O" && (n[0] == 'I' || n[0] == 'L')
			switch {
			case pIn:
				a[i][j] = nIn && p[2:] == n[2:]
			default:
				a[i][j] = !nIn
			}
		}
	}
	return a
}

// featurizer computes the feature hashes of a sentence's tokens.
type featurizer struct {
	toks   []Token
	hints  Hints
	lower  []string
	shapes []string
	buf    []byte
}

func newFeaturizer(toks []Token, hints Hints) *featurizer {
	f := &featurizer{toks: toks, hints: hints, lower: make([]string, len(toks)), shapes: make([]string, len(toks))}
	for i, t := range toks {
		f.lower[i] = strings.ToLower(t.Text)
		f.shapes[i] = Shape(t.Text)
	}
	return f
}

func (f *featurizer) word(i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(f.toks) {
		return "</s>"
	}
	return f.lower[i]
}

func (f *featurizer) shape(i int) string {
	if i < 0 || i >= len(f.toks) {
		return "-"
	}
	return f.shapes[i]
}

func (f *featurizer) pos(i int) string {
	if i < 0 || i >= len(f.toks) {
		return "-"
	}
	return f.toks[i].Tag
}

// each calls fn with the hash of every feature of token i.
func (f *featurizer) each(i int, prev, prev2 string, fn func(uint64)) {
	feat := func(parts ...string) {
		f.buf = f.buf[:0]
		for _, p := range parts {
			f.buf = append(f.buf, p...)
			f.buf = append(f.buf, 0)
		}
		fn(hashBytes(f.buf))
	}
	w, sh := f.lower[i], f.shapes[i]
	feat("bias")
	feat("w", w)
	feat("sh", sh)
	feat("p", f.pos(i))
	feat("p-1", f.pos(i-1))
	feat("p+1", f.pos(i+1))
	feat("p,p+1", f.pos(i), f.pos(i+1))
	feat("p-1,p", f.pos(i-1), f.pos(i))
	feat("w-1", f.word(i-1))
	feat("w+1", f.word(i+1))
	feat("w-2", f.word(i-2))
	feat("w+2", f.word(i+2))
	feat("w-1,w", f.word(i-1), w)
	feat("w,w+1", w, f.word(i+1))
	feat("sh-1", f.shape(i-1))
	feat("sh+1", f.shape(i+1))
	feat("sh-1,sh,sh+1", f.shape(i-1), sh, f.shape(i+1))
	feat("pre3", prefix(w, 3))
	feat("suf2", suffix(w, 2))
	feat("suf3", suffix(w, 3))
	feat("suf4", suffix(w, 4))
	feat("l-1", prev)
	feat("l-2,l-1", prev2, prev)
	feat("l-1,w", prev, w)
	feat("l-1,sh", prev, sh)
	feat("l-1,p", prev, f.pos(i))
	if i == 0 {
		feat("first", sh)
	}
	if f.hints != nil {
		for _, h := range f.hints[i] {
			feat("h", h)
			feat("h,l-1", h, prev)
			feat("h,sh", h, sh)
		}
		if i > 0 {
			for _, h := range f.hints[i-1] {
				feat("h-1", h)
			}
		}
		if i+1 < len(f.toks) {
			for _, h := range f.hints[i+1] {
				feat("h+1", h)
			}
		}
	}
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// Cut on a rune boundary.
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func hashBytes(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

// Shape sketches a word's form: "Xxxx" -> "Xx", "U.S." -> "X.X.",
// "1990" -> "dddd", "Lvova-Belova" -> "Xx-Xx".
func Shape(w string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
			if run >= 2 && c != 'd' {
				continue
			}
			if run >= 4 {
				continue
			}
		} else {
			run = 0
		}
		b.WriteRune(c)
		last = c
	}
	return b.String()
}

// Labeled is one training sentence: tagged tokens, hints, and gold labels.
type Labeled struct {
	Tokens []Token
	Hints  Hints
	Labels []string
}

// TrainNER learns a model from labeled sentences with the averaged
// perceptron, iterating over a deterministic shuffle of the data.
func TrainNER(data []Labeled, iterations int, seed int64) *NER {
	labelSet := map[string]bool{"O": true}
	for _, s := range data {
		for _, l := range s.Labels {
			labelSet[l] = true
		}
	}
	labels := []string{"O"}
	for _, typ := range []string{"PER", "ORG", "LOC", "MISC"} {
		for _, p := range []string{"B-", "I-", "L-", "U-"} {
			if labelSet[p+typ] {
				labels = append(labels, p+typ)
			}
		}
	}
	for l := range labelSet { // any other types, in a stable order
		if !contains(labels, l) {
			labels = append(labels, l)
		}
	}
	m := &NER{Labels: labels, index: map[uint64]int32{}, allowed: buildAllowed(labels)}
	nl := len(labels)
	labelIndex := map[string]int{}
	for i, l := range labels {
		labelIndex[l] = i
	}
	var totals []float64
	var stamps []int
	instances := 0
	row := func(h uint64) int {
		r, ok := m.index[h]
		if !ok {
			r = int32(len(m.index))
			m.index[h] = r
			m.weights = append(m.weights, make([]float32, nl)...)
			totals = append(totals, make([]float64, nl)...)
			stamps = append(stamps, make([]int, nl)...)
		}
		return int(r)
	}
	update := func(r, c int, delta float32) {
		k := r*nl + c
		totals[k] += float64(instances-stamps[k]) * float64(m.weights[k])
		stamps[k] = instances
		m.weights[k] += delta
	}
	rng := rand.New(rand.NewSource(seed))
	order := rng.Perm(len(data))
	scores := make([]float32, nl)
	var feats []uint64
	for it := 0; it < iterations; it++ {
		for _, si := range order {
			s := data[si]
			f := newFeaturizer(s.Tokens, s.Hints)
			prev, prev2 := -1, -1
			for i := range s.Tokens {
				feats = feats[:0]
				f.each(i, m.label(prev), m.label(prev2), func(h uint64) { feats = append(feats, h) })
				for c := range scores {
					scores[c] = 0
				}
				for _, h := range feats {
					if r, ok := m.index[h]; ok {
						w := m.weights[int(r)*nl:]
						for c := range scores {
							scores[c] += w[c]
						}
					}
				}
				best := -1
				for c := range scores {
					if !m.allowedAfter(prev, c) {
						continue
					}
					if best < 0 || scores[c] > scores[best] {
						best = c
					}
				}
				truth := labelIndex[s.Labels[i]]
				instances++
				if best != truth {
					for _, h := range feats {
						r := row(h)
						update(r, truth, 1)
						update(r, best, -1)
					}
				}
				// Follow the gold history while training.
				prev2, prev = prev, truth
			}
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	// Average, and drop features whose weights all vanish.
	for k := range m.weights {
		total := totals[k] + float64(instances-stamps[k])*float64(m.weights[k])
		m.weights[k] = float32(total / float64(instances))
	}
	m.prune(1e-4)
	return m
}

// AverageNER averages models trained on the same labels (say, with
// different shuffles): a steadier model than any one of them.
func AverageNER(models ...*NER) *NER {
	base := models[0]
	nl := len(base.Labels)
	out := &NER{Labels: base.Labels, index: map[uint64]int32{}, allowed: buildAllowed(base.Labels)}
	for _, m := range models {
		for h, r := range m.index {
			row, ok := out.index[h]
			if !ok {
				row = int32(len(out.index))
				out.index[h] = row
				out.weights = append(out.weights, make([]float32, nl)...)
			}
			w := m.weights[int(r)*nl : int(r+1)*nl]
			o := out.weights[int(row)*nl : int(row+1)*nl]
			for c := range o {
				o[c] += w[c] / float32(len(models))
			}
		}
	}
	return out
}

func (m *NER) prune(eps float32) {
	nl := len(m.Labels)
	index := make(map[uint64]int32, len(m.index))
	var weights []float32
	for h, r := range m.index {
		w := m.weights[int(r)*nl : int(r+1)*nl]
		keep := false
		for _, x := range w {
			if x > eps || x < -eps {
				keep = true
				break
			}
		}
		if keep {
			index[h] = int32(len(index))
			weights = append(weights, w...)
		}
	}
	m.index, m.weights = index, weights
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

const nerMagic = "newsgraph-ner-1\n"

// WriteTo saves the model in a compact binary form.
func (m *NER) WriteTo(w io.Writer) (int64, error) {
	var n int64
	write := func(data interface{}) error {
		err := binary.Write(w, binary.LittleEndian, data)
		n += int64(binary.Size(data))
		return err
	}
	if _, err := io.WriteString(w, nerMagic+strings.Join(m.Labels, " ")+"\n"); err != nil {
		return n, err
	}
	// Rows in index order, each with its key.
	keys := make([]uint64, len(m.index))
	for h, r := range m.index {
		keys[r] = h
	}
	if err := write(uint32(len(keys))); err != nil {
		return n, err
	}
	if err := write(keys); err != nil {
		return n, err
	}
	return n, write(m.weights)
}

// ReadNER loads a model saved by WriteTo.
func ReadNER(data []byte) (*NER, error) {
	if !strings.HasPrefix(string(data), nerMagic) {
		return nil, errors.New("read NER model: not a newsgraph NER model")
	}
	data = data[len(nerMagic):]
	nl := strings.IndexByte(string(data), '\n')
	if nl < 0 {
		return nil, errors.New("read NER model: truncated header")
	}
	labels := strings.Fields(string(data[:nl]))
	data = data[nl+1:]
	if len(data) < 4 {
		return nil, errors.New("read NER model: truncated")
	}
	rows := int(binary.LittleEndian.Uint32(data))
	data = data[4:]
	want := rows*8 + rows*len(labels)*4
	if len(data) != want {
		return nil, fmt.Errorf("read NER model: %d bytes of weights, want %d", len(data), want)
	}
	m := &NER{Labels: labels, index: make(map[uint64]int32, rows), allowed: buildAllowed(labels)}
	for r := 0; r < rows; r++ {
		m.index[binary.LittleEndian.Uint64(data[r*8:])] = int32(r)
	}
	data = data[rows*8:]
	m.weights = make([]float32, rows*len(labels))
	for k := range m.weights {
		m.weights[k] = mathFloat32(binary.LittleEndian.Uint32(data[k*4:]))
	}
	return m, nil
}

func mathFloat32(bits uint32) float32 { return math.Float32frombits(bits) }
