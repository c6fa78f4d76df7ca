package extract

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

type factKey struct {
	subj, obj int
	pred      string
	value     string
}

// findRelations applies the relation rules to every sentence, then the
// relation model to every two names of a sentence.
func (d *doc) findRelations() {
	for _, s := range d.sents {
		for _, r := range d.x.rules.candidates(s) {
			for _, b := range d.match(r, s) {
				d.apply(r, s, b)
			}
		}
		d.classifyPairs(s)
	}
}

// modelRelations maps the relation model's labels to predicates, with the
// entity types each takes.
var modelRelations = map[string]struct {
	pred      string
	subj, obj string // coarse types: PER, ORG, LOC
}{
	"Work_For":    {"works_for", "PER", "ORG"},
	"Live_In":     {"lives_in", "PER", "LOC"},
	"Located_In":  {"located_in", "LOC", "LOC"},
	"OrgBased_In": {"based_in", "ORG", "LOC"},
	"Kill":        {"killed", "PER", "PER"},
}

// minMargin is how far the model's best relation must lead the next
// label for the extractor to state it.
// (Measured on held-out CoNLL04 sentences and the sample articles: a
// larger margin or gap changes F1 by less than a point either way.)
const minMargin = 1.0

// maxGap is the most tokens between two names the relation model reads:
// farther apart, its guesses were mostly wrong.
const maxGap = 12

var modelRule = &Rule{Name: "model:relations"}

// classifyPairs asks the relation model about every two named mentions of
// the sentence.
func (d *doc) classifyPairs(s *sentence) {
	var named []*mention
	for _, m := range s.mentions {
		if m.ent != nil && !m.pronoun && !m.nominal && !m.adjectival && coarseType(m.ent.typ) != "" {
			named = append(named, m)
		}
	}
	dl := datelineEnd(s)
	for i, a := range named {
		for _, b := range named[i+1:] {
			if a.ent == b.ent || b.start < a.end || b.start-a.end > maxGap {
				continue
			}

			label, margin := d.x.pairs.Predict(nlp.Pair{
				Tokens: s.Tokens, Lower: s.lower,
				AStart: a.start, AEnd: a.end, AType: coarseType(a.ent.typ),
				BStart: b.start, BEnd: b.end, BType: coarseType(b.ent.typ),
			})
			if label == "none" || float64(margin) < minMargin {
				continue
			}
			rel, ok := modelRelations[strings.TrimRight(label, "<>")]
			if !ok {
				continue
			}
			if g, ok := relGap[rel.pred]; ok && b.start-a.end > g {
				continue
			}
			head, tail := a, b
			if strings.HasSuffix(label, "<") {
				head, tail = b, a
			}
			if coarseType(head.ent.typ) != rel.subj || coarseType(tail.ent.typ) != rel.obj {
				continue
			}
			if rel.pred == "works_for" && onPlatform(s, tail) {
				continue
			}
			if rel.pred == "lives_in" && d.notResidence(s, a, b, head.ent, tail.ent, dl) {
				continue
			}
			r := *modelRule
			r.Predicate = rel.pred
			r.Confidence = float64(margin) / (float64(margin) + 1)
			d.addFact(s, head.ent, rel.pred, tail.ent, "", &r)
		}
	}
}

// datelineEnd is the index of the dash ending a dateline that opens the
// sentence ("KYIV, Ukraine —", "BRISBANE, Australia (AP) --"), or -1.
func datelineEnd(s *sentence) int {
	for k := 0; k < len(s.Tokens) && k < 8; k++ {
		t := s.Tokens[k].Text
		switch {
		case t == "—" || t == "–" || t == "--":
			if k > 0 {
				return k
			}
			return -1
		case t == "," || t == "(" || t == ")" || t == ".":
		case strings.ToUpper(t) != t && !startsUpper(t):
			return -1
		}
	}
	return -1
}

func startsUpper(t string) bool {
	for _, r := range t {
		return unicode.IsUpper(r)
	}
	return false
}

// onPlatform reports an organization after "on": "wrote Kuleba on
// Twitter", "on her Telegram channel" say where, not whom for.
func onPlatform(s *sentence, m *mention) bool {
	k := m.start - 1
	if k > 0 {
		switch s.lower[k] {
		case "his", "her", "its", "their":
			k--
		}
	}
	return k >= 0 && s.lower[k] == "on"
}

// notResidence reports a person and a place the model paired as lives_in
// that say something else: "KYIV, Ukraine — President Biden" (where the
// story was filed), "Ukraine's President Zelenskyy" (leader_of says it),
// "Biden welcomed Sweden's entry", "Rabin was born in Jerusalem"
// (a clause, not an address), "the ICC in The Hague against Putin".
func (d *doc) notResidence(s *sentence, a, b *mention, person, place *entity, dateline int) bool {
	return (a.end <= dateline) != (b.end <= dateline) ||
		d.holdsOffice(person, place) ||
		verbBetween(s, a, b) ||
		a.ent == place && prepositionBetween(s, a, b)
}

// prepositionBetween reports a preposition between two mentions: a place
// before a person then belongs to what comes before it ("the ICC in The
// Hague against Russian President Vladimir Putin").
func prepositionBetween(s *sentence, a, b *mention) bool {
	for k := a.end; k < b.start; k++ {
		if t := s.Tokens[k].Tag; t == "IN" || t == "TO" {
			return true
		}
	}
	return false
}

// verbBetween reports a verb between two mentions.
func verbBetween(s *sentence, a, b *mention) bool {
	for k := a.end; k < b.start; k++ {
		if strings.HasPrefix(s.Tokens[k].Tag, "VB") {
			return true
		}
	}
	return false
}

// holdsOffice reports that the article already gave the person a post in
// the place ("Ukraine's President Volodymyr Zelenskyy"), which says more
// than that the person lives there.
func (d *doc) holdsOffice(person, place *entity) bool {
	for _, p := range []string{"leader_of", "works_for", "spokesperson_for", "member_of"} {
		if d.seen[factKey{subj: person.index, obj: place.index, pred: p}] {
			return true
		}
	}
	return false
}

// relGap narrows maxGap for a relation: the model reads lives_in only
// between close names ("Brian Michaud of Millinocket"); farther apart, in
// long modern sentences, it mostly guessed wrong (measured on CoNLL04
// development sentences and the sample articles: relation F1 -0.01 there,
// +0.02 on the articles).
var relGap = map[string]int{"lives_in": 3}

func coarseType(t string) string {
	switch t {
	case newsgraph.Person:
		return "PER"
	case newsgraph.Organization:
		return "ORG"
	case newsgraph.Country, newsgraph.State, newsgraph.City, newsgraph.Place:
		return "LOC"
	}
	return ""
}

// titleRelation is the relation a title implies between its holder and
// the organization or country it belongs to, and whether it is a job
// rather than a public office. A deputy of a leader works for the
// organization; a former leader led it.
func (d *doc) titleRelation(title string) (rel string, job bool) {
	words := strings.Fields(title)
	deputy := false
	for len(words) > 1 && postModifiers[words[0]] {
		deputy = deputy || words[0] != "former" && words[0] != "acting"
		words = words[1:]
	}
	bare := strings.Join(words, " ")
	rel = d.x.gaz.titles[bare]
	if rel == "" || deputy && rel == "leader_of" {
		rel = "works_for"
	}
	return rel, d.x.gaz.jobs[bare]
}

// negators turn a statement into its negation.
var negators = map[string]bool{"not": true, "n't": true, "n’t": true, "never": true, "neither": true, "nor": true, "no": true}

func (d *doc) apply(r *Rule, s *sentence, b binding) {
	pred := r.Predicate
	if pred != "@title" && !ruleHasWord(r, "not", "n't", "never", "neither", "nor", "no") && negated(s, b) {
		pred = schema.Negate(pred)
	}
	subjElem, objElem := r.slot('S'), r.slot('O')
	subjects := b.subj
	if pred == "@title" && len(subjects) > 1 {
		// A title before names is the first one's ("President Putin and
		// Foreign Minister Lavrov"); an apposition after them is the
		// last one's ("Putin and Lvova-Belova, Russia's commissioner").
		if r.titleBeforeSubject() {
			subjects = subjects[:1]
		} else {
			subjects = subjects[len(subjects)-1:]
		}
	}
	for _, sm := range subjects {
		subj := d.slotEntity(sm, subjElem)
		if subj == nil {
			continue
		}
		if pred == "@title" {
			if b.title == "" {
				continue
			}
			d.addFact(s, subj, "has_title", nil, b.title, r)
			rel, job := d.titleRelation(b.title)
			for _, om := range b.obj {
				obj := d.slotEntity(om, objElem)
				if obj == nil || obj == subj {
					continue
				}
				if job && newsgraph.IsLocation(obj.typ) {
					// "a British lawyer", "a Chicago lawyer": where the person
					// is from, not whom they work for.
					if obj.typ == newsgraph.Country {
						d.addFact(s, subj, "nationality", obj, "", r)
					} else {
						d.addFact(s, subj, "lives_in", obj, "", r)
					}
					continue
				}
				d.addRelation(s, subj, rel, obj, r)
			}
			continue
		}
		if b.objText != "" {
			d.addFact(s, subj, pred, nil, b.objText, r)
			continue
		}
		for _, om := range b.obj {
			if obj := d.slotEntity(om, objElem); obj != nil && obj != subj {
				d.addRelation(s, subj, pred, obj, r)
			}
		}
	}
}

// negated reports a negation of the matched statement: "not", "n't",
// "never", "no" near the pattern's first word, in the same clause ("did
// not ratify", "is not a party"), or "neither"/"nor" before its subject.
func negated(s *sentence, b binding) bool {
	if b.start > 0 {
		switch s.lower[b.start-1] {
		case "neither", "nor", "not":
			return true
		}
	}
	if b.anchor < 0 {
		return false
	}
	boundary := func(i int) bool {
		switch s.lower[i] {
		case ",", ";", "and", "but", "—", "–", "--", "which", "who", "that":
			return true
		}
		return false
	}
	// A negation counts on the same side of the quotation marks as the
	// statement: inside a quote, the quote's own "not".
	quoted := s.quoted[b.anchor]
	for i := b.anchor; i >= b.start && i >= b.anchor-4; i-- {
		if i < b.anchor && boundary(i) {
			break
		}
		if negators[s.lower[i]] && s.quoted[i] == quoted {
			return true
		}
	}
	for i := b.anchor + 1; i < b.end && i <= b.anchor+2; i++ {
		if boundary(i) {
			break
		}
		if negators[s.lower[i]] && s.quoted[i] == quoted {
			return true
		}
	}
	return false
}

func ruleHasWord(r *Rule, words ...string) bool {
	for _, e := range r.elems {
		for _, w := range e.words {
			for _, x := range words {
				if w == x {
					return true
				}
			}
		}
	}
	return false
}

// addRelation adds a fact between two entities, and the works_for fact that
// leading or speaking for an organization implies.
func (d *doc) addRelation(s *sentence, subj *entity, pred string, obj *entity, r *Rule) {
	d.addFact(s, subj, pred, obj, "", r)
	switch pred {
	case "leader_of", "spokesperson_for":
		if obj.typ != newsgraph.Person {
			d.addFact(s, subj, "works_for", obj, "", r)
		}
	}
}

// slotEntity is the entity a mention fills a slot with: in a slot for a
// country, a capital stands for its country ("Moscow denied" is Russia
// denying); elsewhere the mention's own entity.
func (d *doc) slotEntity(m *mention, e elem) *entity {
	if e.country && !e.types[newsgraph.City] && m.ent != nil && m.ent.typ == newsgraph.City {
		if country := d.x.gaz.capitals[strings.ToLower(m.ent.name(d))]; country != "" {
			return d.countryEntity(country)
		}
	}
	return m.ent
}

// agent is the entity a mention stands for as the agent of a statement: a
// capital acting for its country stands for the country.
func (d *doc) agent(m *mention) *entity {
	e := m.ent
	if e == nil {
		return nil
	}
	if e.typ == newsgraph.City {
		if country := d.x.gaz.capitals[strings.ToLower(e.name(d))]; country != "" && d.actsPolitically(m) {
			return d.countryEntity(country)
		}
	}
	return e
}

// actsPolitically reports a capital used as the subject of a clause (the
// government acting), not as a location ("in Moscow").
func (d *doc) actsPolitically(m *mention) bool {
	if m.start == 0 {
		return true
	}
	prev := m.sent.lower[m.start-1]
	switch prev {
	case "in", "at", "to", "from", "near", "of", "into", "outside", "across", "around":
		return false
	}
	return true
}

// countryEntity returns the article's entity for a country, creating an
// implied one (named by no mention) when needed.
func (d *doc) countryEntity(name string) *entity {
	for _, e := range d.entities {
		if e.canonical == name {
			return e
		}
	}
	e := &entity{index: len(d.entities), typ: newsgraph.Country, canonical: name, implied: true}
	d.entities = append(d.entities, e)
	return e
}

func (d *doc) addFact(s *sentence, subj *entity, pred string, obj *entity, value string, r *Rule) {
	if value != "" && d.longerValue(s, subj, pred, value) {
		return
	}
	key := factKey{subj: subj.index, obj: -1, pred: pred, value: strings.ToLower(value)}
	if obj != nil {
		key.obj = obj.index
	}
	if d.seen[key] || (obj != nil && !d.plausible(subj, pred, obj)) {
		return
	}
	d.seen[key] = true
	subj.hasFacts = true
	if obj != nil {
		obj.hasFacts = true
	}
	f := newsgraph.Fact{
		Subject:    subj.index,
		Predicate:  pred,
		Object:     key.obj,
		Value:      value,
		Date:       s.date,
		Evidence:   newsgraph.Span{Start: s.Start, End: s.End},
		Sentence:   d.text[s.Start:s.End],
		Confidence: r.Confidence,
		Rule:       r.Name,
	}
	d.facts = append(d.facts, f)
}

// longerValue reports whether the sentence already gave the subject a
// literal for the predicate that contains this one ("foreign minister"
// over "minister", "being responsible for war crimes" over "being
// responsible"); a shorter one given before is replaced.
func (d *doc) longerValue(s *sentence, subj *entity, pred, value string) bool {
	kept := d.facts[:0]
	found := false
	lv := " " + strings.ToLower(value) + " "
	for _, f := range d.facts {
		if f.Predicate == pred && f.Object < 0 && f.Subject == subj.index && f.Evidence.Start == s.Start {
			fv := " " + strings.ToLower(f.Value) + " "
			if strings.Contains(fv, lv) {
				found = true
			} else if strings.Contains(lv, fv) {
				delete(d.seen, factKey{subj: subj.index, obj: -1, pred: pred, value: strings.ToLower(f.Value)})
				continue
			}
		}
		kept = append(kept, f)
	}
	d.facts = kept
	return found
}

// mayLieInCity reports whether a city may be a district of another
// ("Howard Beach, Queens"): not when the gazetteer puts them in different
// countries ("Oslo" and "Washington") or the first is the larger.
func (d *doc) mayLieInCity(in, city *entity) bool {
	if in.canonical == "" || city.canonical == "" {
		return true
	}
	g := d.x.gaz
	a, b := g.countriesOf[normKey(in.canonical)], g.countriesOf[normKey(city.canonical)]
	shared := len(a) == 0 || len(b) == 0
	for c := range a {
		shared = shared || b[c]
	}
	if !shared {
		return false
	}
	pa, pb := g.Lookup(in.canonical), g.Lookup(city.canonical)
	return pa == nil || pb == nil || pa.Pop == 0 || pb.Pop == 0 || pa.Pop < pb.Pop
}

// placeRank orders places by size: a place lies only in a larger one.
var placeRank = map[string]int{newsgraph.City: 1, newsgraph.State: 2, newsgraph.Country: 3}

// plausible rejects statements about places the gazetteer contradicts: a
// place inside one no larger ("Italy located_in Milan", "Spain located_in
// France"), a city in a country none of its namesakes lies in ("Moscow
// located_in Ukraine"), an organization based away from its known seat;
// and a nationality where the article gives the person an office.
func (d *doc) plausible(subj *entity, pred string, obj *entity) bool {
	switch pred {
	case "nationality":
		// "U.S. President Joe Biden": leader_of says more.
		return !d.holdsOffice(subj, obj)
	case "located_in", "capital_of":
		sr, ok1 := placeRank[subj.typ]
		or, ok2 := placeRank[obj.typ]
		if subj.typ == newsgraph.City && obj.typ == newsgraph.City {
			return d.mayLieInCity(subj, obj)
		}
		if ok1 && ok2 && sr >= or {
			return false
		}
		if obj.typ == newsgraph.Country && subj.canonical != "" && obj.canonical != "" {
			return d.x.gaz.mayLieIn(subj.canonical, obj.canonical)
		}
	case "based_in":
		if subj.canonical == "" || obj.canonical == "" {
			return true
		}
		p := d.x.gaz.Lookup(subj.canonical)
		if p == nil || p.Kind != kindOrg || p.Seat == "" || strings.EqualFold(p.Seat, obj.canonical) {
			return true
		}
		switch obj.typ {
		case newsgraph.City:
			return false // based in one city, its seat
		case newsgraph.Country:
			return d.x.gaz.mayLieIn(p.Seat, obj.canonical)
		}
	}
	return true
}
