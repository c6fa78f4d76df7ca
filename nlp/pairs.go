package nlp

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand"
	"strings"
)

// PairModel classifies the relation between two entity mentions of a
// sentence (an averaged perceptron over the words between and around
// them, their types and part-of-speech tags). Its labels are "none" or a
// relation with a direction: "Kill>" (the first mention is the head) or
// "Kill<".
type PairModel struct {
	Labels  []string
	index   map[uint64]int32
	weights []float32
}

// Pair is two mentions of one sentence, A before B, by token range.
type Pair struct {
	Tokens       []Token
	Lower        []string
	AStart, AEnd int
	BStart, BEnd int
	AType, BType string // PER, ORG, LOC
}

// Predict returns the best label and its margin over the runner-up.
func (m *PairModel) Predict(p Pair) (string, float32) {
	scores := make([]float32, len(m.Labels))
	pairFeatures(p, func(h uint64) {
		if r, ok := m.index[h]; ok {
			w := m.weights[int(r)*len(m.Labels):]
			for c := range scores {
				scores[c] += w[c]
			}
		}
	})
	best, second := 0, -1
	for c := 1; c < len(scores); c++ {
		if scores[c] > scores[best] {
			best, second = c, best
		} else if second < 0 || scores[c] > scores[second] {
			second = c
		}
	}
	margin := float32(0)
	if second >= 0 {
		margin = scores[best] - scores[second]
	}
	return m.Labels[best], margin
}

func pairFeatures(p Pair, fn func(uint64)) {
	var buf []byte
	feat := func(parts ...string) {
		buf = buf[:0]
		for _, x := range parts {
			buf = append(buf, x...)
			buf = append(buf, 0)
		}
		fn(hashBytes(buf))
	}
	tt := p.AType + ">" + p.BType
	feat("bias")
	feat("tt", tt)
	between := p.BStart - p.AEnd
	dist := "far"
	switch {
	case between <= 0:
		dist = "0"
	case between <= 2:
		dist = "1-2"
	case between <= 5:
		dist = "3-5"
	case between <= 10:
		dist = "6-10"
	}
	feat("dist", tt, dist)
	word := func(i int) string {
		if i < 0 {
			return "<s>"
		}
		if i >= len(p.Tokens) {
			return "</s>"
		}
		return p.Lower[i]
	}
	if between <= 6 {
		var seq, tags strings.Builder
		for k := p.AEnd; k < p.BStart; k++ {
			seq.WriteString(p.Lower[k] + " ")
			tags.WriteString(p.Tokens[k].Tag + " ")
		}
		feat("seq", tt, seq.String())
		feat("tags", tt, tags.String())
	}
	verbs := 0
	for k := p.AEnd; k < p.BStart; k++ {
		feat("bw", tt, p.Lower[k])
		if strings.HasPrefix(p.Tokens[k].Tag, "VB") {
			verbs++
			feat("bverb", tt, p.Lower[k])
		}
	}
	feat("verbs", tt, fmt.Sprint(min(verbs, 3)))
	if between > 0 {
		feat("first", tt, p.Lower[p.AEnd])
		feat("last", tt, p.Lower[p.BStart-1])
		feat("first,last", tt, p.Lower[p.AEnd], p.Lower[p.BStart-1])
	}
	feat("a-1", tt, word(p.AStart-1))
	feat("a-2,a-1", tt, word(p.AStart-2), word(p.AStart-1))
	feat("b+1", tt, word(p.BEnd))
	feat("b+1,b+2", tt, word(p.BEnd), word(p.BEnd+1))
	feat("ahead", tt, p.Lower[p.AEnd-1])
	feat("bhead", tt, p.Lower[p.BEnd-1])
	feat("alen", tt, fmt.Sprint(min(p.AEnd-p.AStart, 3)))
	feat("blen", tt, fmt.Sprint(min(p.BEnd-p.BStart, 3)))
}

// LabeledPair is a training example.
type LabeledPair struct {
	Pair
	Label string
}

// TrainPairs learns a pair model with the averaged perceptron.
func TrainPairs(data []LabeledPair, iterations int, seed int64) *PairModel {
	labelSet := map[string]bool{"none": true}
	for _, d := range data {
		labelSet[d.Label] = true
	}
	labels := []string{"none"}
	for l := range labelSet {
		if l != "none" {
			labels = append(labels, l)
		}
	}
	sortStrings(labels[1:])
	li := map[string]int{}
	for i, l := range labels {
		li[l] = i
	}
	m := &PairModel{Labels: labels, index: map[uint64]int32{}}
	nl := len(labels)
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
		for _, i := range order {
			ex := data[i]
			feats = feats[:0]
			pairFeatures(ex.Pair, func(h uint64) { feats = append(feats, h) })
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
			best := 0
			for c := 1; c < nl; c++ {
				if scores[c] > scores[best] {
					best = c
				}
			}
			truth := li[ex.Label]
			instances++
			if best != truth {
				for _, h := range feats {
					r := row(h)
					update(r, truth, 1)
					update(r, best, -1)
				}
			}
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	for k := range m.weights {
		total := totals[k] + float64(instances-stamps[k])*float64(m.weights[k])
		m.weights[k] = float32(total / float64(max(instances, 1)))
	}
	return m
}

// AveragePairs averages pair models trained on the same labels.
func AveragePairs(models ...*PairModel) *PairModel {
	base := models[0]
	nl := len(base.Labels)
	out := &PairModel{Labels: base.Labels, index: map[uint64]int32{}}
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

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

const pairMagic = "newsgraph-pairs-1\n"

// WriteTo saves the model.
func (m *PairModel) WriteTo(w io.Writer) (int64, error) {
	if _, err := io.WriteString(w, pairMagic+strings.Join(m.Labels, " ")+"\n"); err != nil {
		return 0, err
	}
	keys := make([]uint64, len(m.index))
	for h, r := range m.index {
		keys[r] = h
	}
	if err := binary.Write(w, binary.LittleEndian, uint32(len(keys))); err != nil {
		return 0, err
	}
	if err := binary.Write(w, binary.LittleEndian, keys); err != nil {
		return 0, err
	}
	return 0, binary.Write(w, binary.LittleEndian, m.weights)
}

// ReadPairModel loads a model saved by WriteTo.
func ReadPairModel(data []byte) (*PairModel, error) {
	if !strings.HasPrefix(string(data), pairMagic) {
		return nil, errors.New("read relation model: not a newsgraph relation model")
	}
	data = data[len(pairMagic):]
	nl := strings.IndexByte(string(data), '\n')
	if nl < 0 || len(data) < nl+5 {
		return nil, errors.New("read relation model: truncated")
	}
	labels := strings.Fields(string(data[:nl]))
	data = data[nl+1:]
	rows := int(binary.LittleEndian.Uint32(data))
	data = data[4:]
	if len(data) != rows*8+rows*len(labels)*4 {
		return nil, fmt.Errorf("read relation model: %d bytes of weights, want %d", len(data), rows*8+rows*len(labels)*4)
	}
	m := &PairModel{Labels: labels, index: make(map[uint64]int32, rows)}
	for r := 0; r < rows; r++ {
		m.index[binary.LittleEndian.Uint64(data[r*8:])] = int32(r)
	}
	data = data[rows*8:]
	m.weights = make([]float32, rows*len(labels))
	for k := range m.weights {
		m.weights[k] = math.Float32frombits(binary.LittleEndian.Uint32(data[k*4:]))
	}
	return m, nil
}
