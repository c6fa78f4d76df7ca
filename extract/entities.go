package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// mention is one stretch of a sentence that names or refers to an entity.
type mention struct {
	sent       *sentence
	start, end int    // token range
	typ        string // entity type (newsgraph constants)
	ent        *entity
	nominal    bool   // a description: "the court"
	pronoun    bool   // "he", "its"
	demonym    bool   // "Russian": refers to a country by its demonym
	adjectival bool   // a demonym found by rule, not a name to report
	title      string // a title read before the name: "president"
	full       string // the surface form with the title, when it was cut
}

func (m *mention) text(d *doc) string {
	toks := m.sent.Tokens
	return d.text[toks[m.start].Start:toks[m.end-1].End]
}

// legislationHeads end the names of treaties and laws.
var legislationHeads = map[string]bool{
	"statute": true, "treaty": true, "convention": true, "conventions": true, "agreement": true,
	"accord": true, "accords": true, "protocol": true, "act": true, "charter": true, "pact": true,
	"resolution": true, "declaration": true, "covenant": true, "law": true, "code": true,
}

// eventHeads end the names of events.
var eventHeads = map[string]bool{
	"war": true, "summit": true, "games": true, "olympics": true, "election": true, "elections": true,
	"conference": true, "crisis": true, "revolution": true, "cup": true, "forum": true, "massacre": true,
}

// findEntities runs the entity model over each sentence and types what it
// finds with the gazetteer.
func (d *doc) findEntities() {
	for _, s := range d.sents {
		hints := d.x.gaz.Hints(s.Tokens, s.lower, d.x.lexicon.Known)
		labels := d.x.ner.Predict(s.Tokens, hints)
		var spans []*mention
		start := -1
		for i, l := range labels {
			switch {
			case l == "O":
				start = -1
			case l[0] == 'U':
				spans = append(spans, &mention{sent: s, start: i, end: i + 1, typ: l[2:]})
			case l[0] == 'B':
				start = i
			case l[0] == 'L' && start >= 0:
				spans = append(spans, &mention{sent: s, start: start, end: i + 1, typ: l[2:]})
				start = -1
			}
		}
		spans = d.addLegislation(s, spans)
		spans = d.splitAtTitles(s, spans)
		for _, m := range spans {
			if d.refine(m) {
				s.mentions = append(s.mentions, m)
			}
		}
		d.addDemonyms(s)
		d.addPronounsAndNominals(s)
		s.at = make([]*mention, len(s.Tokens)+1)
		for _, m := range s.mentions {
			if s.at[m.start] == nil {
				s.at[m.start] = m
			}
		}
	}
}

// refine cuts titles and articles off a span, types it, and reports
// whether it is kept as a mention.
func (d *doc) refine(m *mention) bool {
	s := m.sent
	full := m.text(d)
	// Leading "the".
	for m.end-m.start > 1 && (s.lower[m.start] == "the") {
		m.start++
	}
	// Leading titles: "President Vladimir Putin" -> title president.
	for m.end-m.start > 1 {
		n := d.titleAt(s, m.start, m.end-1)
		if n == 0 {
			break
		}
		title := strings.Join(s.lower[m.start:m.start+n], " ")
		if m.title == "" {
			m.title = title
		} else {
			m.title += " " + title
		}
		m.start += n
		m.typ = "PER"
	}
	if text := m.text(d); text != full {
		m.full = full
	}
	text := m.text(d)
	lower := strings.ToLower(text)
	if d.x.gaz.isNotName(lower) || !hasLetter(text) {
		return false
	}
	place := d.x.gaz.Lookup(text)
	switch m.typ {
	case "PER":
		m.typ = newsgraph.Person
		if place != nil && m.end-m.start == 1 && m.title == "" && place.Kind != kindOrg {
			// A lone known place name the model took for a person.
			m.typ = placeType(place.Kind)
		}
	case "ORG":
		m.typ = newsgraph.Organization
		if place != nil && place.Kind != kindOrg && m.end-m.start == 1 {
			m.typ = placeType(place.Kind)
		}
	case "LOC":
		m.typ = newsgraph.Place
		if place != nil {
			m.typ = placeType(place.Kind)
		} else if country, ok := d.x.gaz.demonyms[lower]; ok {
			m.demonym = true
			m.typ = newsgraph.Country
			_ = country
		}
	case "MISC":
		last := s.lower[m.end-1]
		switch {
		case legislationHeads[last]:
			m.typ = newsgraph.Legislation
		case eventHeads[last]:
			m.typ = newsgraph.Event
		default:
			if _, ok := d.x.gaz.demonyms[lower]; ok {
				m.demonym = true
				m.typ = newsgraph.Country
				return true
			}
			return false
		}
	case newsgraph.Legislation:
	default:
		return false
	}
	return true
}

// splitAtTitles splits a span that runs an organization or a demonym into
// a title and a name ("Kremlin spokesman Dmitry Peskov", "Russian
// President Vladimir Putin") into the organization or country, and the
// person.
func (d *doc) splitAtTitles(s *sentence, spans []*mention) []*mention {
	var out []*mention
	for _, m := range spans {
		split := false
		for k := m.start + 1; k < m.end-1; k++ {
			n := d.titleAt(s, k, m.end-1)
			if n == 0 || isHonorific(s.lower[k]) {
				continue
			}
			prefix := &mention{sent: s, start: m.start, end: k, typ: "ORG"}
			text := strings.ToLower(prefix.text(d))
			if _, ok := d.x.gaz.demonyms[text]; ok {
				prefix.typ = "LOC"
			} else if p := d.x.gaz.Lookup(text); p != nil && p.Kind != kindOrg {
				prefix.typ = "LOC"
			}
			out = append(out, prefix, &mention{sent: s, start: k, end: m.end, typ: "PER"})
			split = true
			break
		}
		if !split {
			out = append(out, m)
		}
	}
	return out
}

// addDemonyms adds a country mention for a demonym before a title or a
// person ("Russian President", "Ukrainian prosecutors"): it refers to the
// country without naming it.
func (d *doc) addDemonyms(s *sentence) {
	covered := make([]bool, len(s.Tokens))
	for _, m := range s.mentions {
		for k := m.start; k < m.end; k++ {
			covered[k] = true
		}
	}
	var extra []*mention
	for i := 0; i+1 < len(s.Tokens); i++ {
		if covered[i] || !capitalized(s.Tokens[i].Text) {
			continue
		}
		if _, ok := d.x.gaz.demonyms[s.lower[i]]; !ok {
			continue
		}
		if d.titleAt(s, i+1, len(s.Tokens)) == 0 && !(covered[i+1] && s.Tokens[i+1].Tag == "NNP") {
			continue
		}
		extra = append(extra, &mention{sent: s, start: i, end: i + 1, typ: newsgraph.Country, demonym: true, adjectival: true})
	}
	if len(extra) > 0 {
		s.mentions = append(s.mentions, extra...)
		sortMentions(s.mentions)
	}
}

// titleAt returns the number of tokens of a title phrase starting at token
// i (and ending before limit), or 0.
func (d *doc) titleAt(s *sentence, i, limit int) int {
	best := 0
	for _, p := range d.x.gaz.phrases[s.lower[i]] {
		if p.kind != kindTitle && !(p.kind == kindNotName && isHonorific(p.key)) {
			continue
		}
		n := len(p.words)
		if i+n > limit || n <= best {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			if s.lower[i+k] != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			best = n
		}
	}
	if best == 0 && isHonorific(s.lower[i]) && i+1 < limit+1 {
		return 1
	}
	return best
}

func isHonorific(w string) bool {
	switch w {
	case "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam", "mme", "m.":
		return true
	}
	return false
}

func (g *Gazetteer) isNotName(lower string) bool {
	for _, p := range g.phrases[strings.Fields(lower + " x")[0]] {
		if p.kind == kindNotName && p.key == lower {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127 {
			return true
		}
	}
	return false
}

// addLegislation finds treaty and law names the model may have cut or
// mistyped: a capitalized run ending in a legislation head word ("Rome
// Statute", "Paris Agreement") or starting with one ("Treaty of
// Versailles"). They replace overlapping model spans.
func (d *doc) addLegislation(s *sentence, spans []*mention) []*mention {
	toks := s.Tokens
	for i := 0; i < len(toks); i++ {
		if !legislationHeads[s.lower[i]] || !capitalized(toks[i].Text) {
			continue
		}
		start, end := i, i+1
		for start > 0 && capitalized(toks[start-1].Text) && s.lower[start-1] != "the" && !isSentenceStart(s, start-1) {
			start--
		}
		if start == i && i+2 < len(toks) && s.lower[i+1] == "of" && capitalized(toks[i+2].Text) {
			end = i + 3
			for end < len(toks) && capitalized(toks[end].Text) {
				end++
			}
		}
		if end-start < 2 {
			continue
		}
		m := &mention{sent: s, start: start, end: end, typ: newsgraph.Legislation}
		kept := spans[:0]
		for _, o := range spans {
			if o.end <= start || o.start >= end {
				kept = append(kept, o)
			}
		}
		spans = append(kept, m)
		i = end - 1
	}
	sortMentions(spans)
	return spans
}

func isSentenceStart(s *sentence, i int) bool {
	return i == 0 || s.Tokens[i-1].Text == "``" || s.Tokens[i-1].Text == "\"" || s.Tokens[i-1].Text == "“"
}

func sortMentions(ms []*mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// pronouns and the entity types they can refer to.
var pronounTypes = map[string]string{
	"he": newsgraph.Person, "him": newsgraph.Person, "his": newsgraph.Person,
	"she": newsgraph.Person, "her": newsgraph.Person,
	"it": "thing", "its": "thing",
}

// nominalHeads are nouns that, after "the", refer back to an entity of a
// type: "the court", "the country".
var nominalHeads = map[string]string{
	"court": newsgraph.Organization, "tribunal": newsgraph.Organization, "company": newsgraph.Organization,
	"firm": newsgraph.Organization, "ministry": newsgraph.Organization, "agency": newsgraph.Organization,
	"organization": newsgraph.Organization, "organisation": newsgraph.Organization, "group": newsgraph.Organization,
	"alliance": newsgraph.Organization, "bank": newsgraph.Organization, "party": newsgraph.Organization,
	"government": newsgraph.Country, "country": newsgraph.Country, "nation": newsgraph.Country,
	"state": newsgraph.Country, "kingdom": newsgraph.Country, "republic": newsgraph.Country,
	"city": newsgraph.City, "capital": newsgraph.City, "town": newsgraph.City,
	"treaty": newsgraph.Legislation, "statute": newsgraph.Legislation, "agreement": newsgraph.Legislation,
	"accord": newsgraph.Legislation, "convention": newsgraph.Legislation, "pact": newsgraph.Legislation,
	"president": newsgraph.Person, "prosecutor": newsgraph.Person, "minister": newsgraph.Person,
}

// addPronounsAndNominals adds mentions for pronouns and definite
// descriptions ("the court", "the Hague-based court"), to be linked to
// their antecedents.
func (d *doc) addPronounsAndNominals(s *sentence) {
	covered := make([]bool, len(s.Tokens))
	for _, m := range s.mentions {
		for k := m.start; k < m.end; k++ {
			covered[k] = true
		}
	}
	var extra []*mention
	for i, w := range s.lower {
		if covered[i] {
			continue
		}
		if typ, ok := pronounTypes[w]; ok && s.Tokens[i].Tag != "" {
			extra = append(extra, &mention{sent: s, start: i, end: i + 1, typ: typ, pronoun: true})
			continue
		}
		if w != "the" || i+1 >= len(s.Tokens) {
			continue
		}
		// the [modifiers] head: up to three words before a known head noun.
		for n := 1; n <= 4 && i+n < len(s.Tokens); n++ {
			head := s.lower[i+n]
			if covered[i+n] {
				break
			}
			typ, ok := nominalHeads[head]
			if !ok {
				if !isModifierTag(s.Tokens[i+n].Tag) {
					break
				}
				continue
			}
			// "the court's", "the court in" are fine; "the court order" is not.
			if i+n+1 < len(s.Tokens) && strings.HasPrefix(s.Tokens[i+n+1].Tag, "NN") {
				break
			}
			extra = append(extra, &mention{sent: s, start: i, end: i + n + 1, typ: typ, nominal: true})
			break
		}
	}
	if len(extra) > 0 {
		s.mentions = append(s.mentions, extra...)
		sortMentions(s.mentions)
	}
}

func isModifierTag(tag string) bool {
	return strings.HasPrefix(tag, "JJ") || tag == "NNP" || tag == "VBN" || tag == "HYPH" || tag == "-"
}
