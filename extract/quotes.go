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
	"call": true, "describe": true, "vow": true, "pledge": true, "promise": true, "threaten": true,
}

var quoteRule = &Rule{Name: "quotes", Predicate: "said", Confidence: 0.85}
var accordingRule = &Rule{Name: "quotes:according-to", Predicate: "said", Confidence: 0.6}

// quotedTokens marks the tokens inside quotation marks, starting inside
// a quote when in is set (a quote left open by the previous sentence of
// the paragraph); it returns whether a quote is still open at the end.
// Straight quotes toggle; curly and treebank quotes say which way they
// face.
func quotedTokens(toks []nlp.Token, in bool) ([]bool, bool) {
	q := make([]bool, len(toks))
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
	return q, in
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
		words := 0
		for k := i; k < j; k++ {
			if hasLetter(s.Tokens[k].Text) {
				words++
			}
		}
		if words >= 2 { // one word is a scare quote, not a quotation
			out = append(out, quoteSpan{i, j})
		}
		i = j
	}
	return out
}

// findQuotes attributes direct quotes to their speakers: "…," Peskov
// said; Kuleba said: "…"; "…," said Khan; he said. A quote running over
// several sentences goes to the speaker named where it ends. Reports
// introduced by "according to" are read too.
func (d *doc) findQuotes() {
	type part struct {
		s    *sentence
		text string
	}
	var pending []part
	for si, s := range d.sents {
		if si > 0 && d.sents[si-1].para != s.para {
			pending = nil
		}
		spans := quoteSpans(s)
		speaker := d.speaker(s)
		if speaker == nil {
			for _, q := range spans {
				pending = append(pending, part{s, d.quoteText(s, q)})
			}
			if len(spans) == 0 {
				pending = nil
			}
			d.accordingTo(s)
			continue
		}
		var texts []string
		for _, p := range pending {
			texts = append(texts, p.text)
		}
		pending = nil
		for _, q := range spans {
			texts = append(texts, d.quoteText(s, q))
		}
		if len(texts) > 0 {
			d.addFact(s, speaker, "said", nil, strings.Join(texts, " "), quoteRule)
		}
	}
}

func (d *doc) quoteText(s *sentence, q quoteSpan) string {
	return strings.TrimRight(d.text[s.Tokens[q.start].Start:s.Tokens[q.end-1].End], " ,")
}

// speaker finds who speaks in a sentence with quotes: the subject of a
// speech verb outside the quotes ("Peskov said", "he wrote"), or the
// person after it ("said Khan", "wrote Foreign Minister Dmytro Kuleba").
func (d *doc) speaker(s *sentence) *entity {
	hasQuote := false
	for _, q := range s.quoted {
		if q {
			hasQuote = true
			break
		}
	}
	if !hasQuote {
		return nil
	}
	for k, t := range s.Tokens {
		if s.quoted[k] || !speechVerbs[s.lemma[k]] || !strings.HasPrefix(t.Tag, "VB") {
			continue
		}
		// Subject: the closest speaking mention before the verb, or before
		// an apposition ("Khan, the court's prosecutor, said").
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if s.quoted[j] || s.Tokens[j].Text == "," {
				break
			}
			if m := mentionEndingAt(s, j+1); m != nil && speaks(m.ent) && !m.adjectival {
				return d.agent(m)
			}
		}
		for _, m := range s.mentions {
			if m.end < k && m.ent != nil && speaks(m.ent) && !m.adjectival && !s.quoted[m.start] && relativeClauseEnd(s, m.end) == k {
				return d.agent(m)
			}
		}
		// A verb in a coordinated or participial phrase ("declared three
		// days of mourning and warned that", "condemned it, calling it")
		// has the sentence's subject.
		if k > 0 && (s.lower[k-1] == "and" || s.lower[k-1] == "but" || s.lower[k-1] == "," && t.Tag == "VBG") {
			if m := d.mainSubject(s); m != nil && m.end <= k && speaks(m.ent) && !m.adjectival {
				return d.agent(m)
			}
		}
		// Inverted: "said Peskov", "wrote Ukrainian Foreign Minister Kuleba".
		if k+1 < len(s.Tokens) {
			p := d.skipPremodifiers(s, k+1, elem{})
			if m := s.at[p]; m != nil && m.ent != nil && speaks(m.ent) && !m.adjectival {
				return d.agent(m)
			}
		}
	}
	return nil
}

// mentionEndingAt returns the mention that ends at token end.
func mentionEndingAt(s *sentence, end int) *mention {
	for _, m := range s.mentions {
		if m.end == end && m.ent != nil {
			return m
		}
	}
	return nil
}

func speaks(e *entity) bool {
	if e == nil {
		return false
	}
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
// rest of the sentence. The speaker's mention must end the phrase
// ("according to an NBC translation" names no speaker).
func (d *doc) accordingTo(s *sentence) {
	for i := 0; i+2 < len(s.Tokens); i++ {
		if s.lower[i] != "according" || s.lower[i+1] != "to" {
			continue
		}
		p := d.skipPremodifiers(s, i+2, elem{})
		m := s.at[p]
		// "according to Mexico's Foreign Ministry": the possessed speaks.
		if m != nil && m.end+1 < len(s.Tokens) && s.Tokens[m.end].Tag == "POS" && s.at[m.end+1] != nil {
			m = s.at[m.end+1]
		}
		if m == nil || m.ent == nil || !speaks(m.ent) || m.end >= len(s.Tokens) {
			return
		}
		if next := s.Tokens[m.end].Text; next != "," && next != "." && next != ";" {
			return
		}
		var claim string
		if i > 2 {
			claim = d.text[s.Tokens[0].Start:s.Tokens[i-1].End]
		} else {
			// "According to X, …": the claim follows.
			claim = d.text[s.Tokens[m.end].End:s.End]
		}
		claim = strings.Trim(claim, " ,.\"“”")
		if claim != "" {
			d.addFact(s, d.agent(m), "said", nil, claim, accordingRule)
		}
		return
	}
}
