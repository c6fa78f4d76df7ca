package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/nlp"
)

// speechVerbs introduce what someone said.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "write": true, "state": true, "declare": true,
	"announce": true, "insist": true, "warn": true, "note": true, "claim": true, "argue": true,
	"explain": true, "stress": true, "tweet": true, "post": true, "reiterate": true, "conclude": true,
	"recall": true, "acknowledge": true, "admit": true, "comment": true, "remark": true,
}

var quoteRule = &Rule{Name: "quotes", Predicate: "said", Confidence: 0.85}
var accordingRule = &Rule{Name: "quotes:according-to", Predicate: "said", Confidence: 0.6}

// quotedTokens marks the tokens inside quotation marks. Straight quotes
// toggle; curly and treebank quotes say which way they face.
func quotedTokens(toks []nlp.Token) []bool {
	q := make([]bool, len(toks))
	in := false
	for i, t := range toks {
		switch t.Text {
		case "“", "``":
			in = true
			continue
		case "”", "''":
			in = false
			continue
		case "\"":
			in = !in
			continue
		}
		q[i] = in
	}
	return q
}

// quoteSpan is the token range of a quotation inside a sentence.
type quoteSpan struct{ start, end int }

func quoteSpans(s *sentence) []quoteSpan {
	var out []quoteSpan
	for i := 0; i < len(s.Tokens); i++ {
		if !s.quoted[i] {
			continue
		}
		j := i
		for j < len(s.Tokens) && s.quoted[j] {
			j++
		}
		out = append(out, quoteSpan{i, j})
		i = j
	}
	return out
}

// findQuotes attributes direct quotes to their speakers — "…," Peskov
// said; Kuleba said: "…"; "…," said Khan — and reports introduced by
// "according to".
func (d *doc) findQuotes() {
	for si, s := range d.sents {
		for _, q := range quoteSpans(s) {
			words := 0
			for k := q.start; k < q.end; k++ {
				if hasLetter(s.Tokens[k].Text) {
					words++
				}
			}
			if words < 2 {
				continue // a scare-quoted word, not a quotation
			}
			speaker := d.speakerAfter(s, q.end)
			if speaker == nil {
				speaker = d.speakerBefore(s, q.start)
			}
			if speaker == nil && q.start <= 1 && q.end >= len(s.Tokens)-2 && si+1 < len(d.sents) {
				// A whole-sentence quote attributed in the next sentence.
				next := d.sents[si+1]
				speaker = d.speakerAfter(next, 0)
			}
			if speaker == nil {
				continue
			}
			text := d.text[s.Tokens[q.start].Start:s.Tokens[q.end-1].End]
			d.addFact(s, speaker, "said", nil, strings.TrimRight(text, " ,"), quoteRule)
		}
		d.accordingTo(s)
	}
}

// speakerAfter finds "[,] Speaker said" or "[,] said Speaker" from pos.
func (d *doc) speakerAfter(s *sentence, pos int) *entity {
	i := pos
	for i < len(s.Tokens) && (s.Tokens[i].Text == "," || isQuoteMark(s.Tokens[i].Text)) {
		i++
	}
	if i >= len(s.Tokens) {
		return nil
	}
	if speechVerbs[s.lemma[i]] && strings.HasPrefix(s.Tokens[i].Tag, "VB") {
		if m := d.mentionNear(s, i+1, 1); m != nil {
			return m
		}
	}
	if m := s.at[i]; m != nil && m.ent != nil && speaks(m.ent) {
		for k := m.end; k < len(s.Tokens) && k <= m.end+3; k++ {
			if speechVerbs[s.lemma[k]] && strings.HasPrefix(s.Tokens[k].Tag, "VB") {
				return d.agent(m)
			}
			if s.Tokens[k].Text == "," || s.Tokens[k].Text == "." {
				break
			}
		}
	}
	return nil
}

// speakerBefore finds "Speaker said[:,] …" or "Speaker said the deal was …"
// before a quote starting at pos.
func (d *doc) speakerBefore(s *sentence, pos int) *entity {
	for k := pos - 1; k >= 0 && k >= pos-12; k-- {
		if s.quoted[k] {
			return nil
		}
		if speechVerbs[s.lemma[k]] && strings.HasPrefix(s.Tokens[k].Tag, "VB") {
			// The speaker is the closest speaking mention before the verb.
			for j := k - 1; j >= 0 && j >= k-6; j-- {
				if m := s.at[j]; m != nil && m.ent != nil && speaks(m.ent) && m.end <= k {
					return d.agent(m)
				}
			}
			return nil
		}
	}
	return nil
}

// mentionNear returns the entity of a speaking mention starting within n
// tokens of pos.
func (d *doc) mentionNear(s *sentence, pos, n int) *entity {
	for k := pos; k < len(s.Tokens) && k <= pos+n; k++ {
		if m := s.at[k]; m != nil && m.ent != nil && speaks(m.ent) {
			return d.agent(m)
		}
	}
	return nil
}

func speaks(e *entity) bool {
	switch e.typ {
	case newsgraph.Person, newsgraph.Organization, newsgraph.Country, newsgraph.City:
		return true
	}
	return false
}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "“", "”", "``", "''", "'", "‘", "’":
		return true
	}
	return false
}

// accordingTo reads "…, according to Speaker." as the speaker saying the
// rest of the sentence.
func (d *doc) accordingTo(s *sentence) {
	for i := 0; i+2 < len(s.Tokens); i++ {
		if s.lower[i] != "according" || s.lower[i+1] != "to" {
			continue
		}
		m := d.mentionNear(s, i+2, 2)
		if m == nil {
			return
		}
		var claim string
		if i > 2 {
			claim = d.text[s.Tokens[0].Start:s.Tokens[i-1].End]
		} else {
			// "According to X, …": the claim follows the next comma.
			for k := i + 2; k < len(s.Tokens); k++ {
				if s.Tokens[k].Text == "," && k+1 < len(s.Tokens) {
					claim = d.text[s.Tokens[k+1].Start:s.End]
					break
				}
			}
		}
		claim = strings.Trim(claim, " ,.\"“”")
		if claim != "" {
			d.addFact(s, m, "said", nil, claim, accordingRule)
		}
		return
	}
}
