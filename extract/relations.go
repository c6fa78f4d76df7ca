package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/schema"
)

type factKey struct {
	subj, obj int
	pred      string
	value     string
}

// findRelations applies the relation rules to every sentence.
func (d *doc) findRelations() {
	for _, s := range d.sents {
		for _, r := range d.x.rules.candidates(s) {
			for _, b := range d.match(r, s) {
				d.apply(r, s, b)
			}
		}
	}
}

// negators turn a statement into its negation.
var negators = map[string]bool{"not": true, "n't": true, "n’t": true, "never": true, "neither": true, "nor": true, "no": true}

func (d *doc) apply(r *Rule, s *sentence, b binding) {
	pred := r.Predicate
	if pred != "@title" && !ruleHasWord(r, "not", "n't", "never", "neither", "nor", "no") {
		from := b.start
		if from > 0 && (s.lower[from-1] == "neither" || s.lower[from-1] == "nor" || s.lower[from-1] == "not") {
			from-- // "Neither Russia nor Ukraine is a party"
		}
		for i := from; i < b.end; i++ {
			if negators[s.lower[i]] && !s.quoted[i] {
				pred = schema.Negate(pred)
				break
			}
		}
	}
	for _, sm := range b.subj {
		subj := d.agent(sm)
		if subj == nil {
			continue
		}
		if pred == "@title" {
			if b.title == "" {
				continue
			}
			d.addFact(s, subj, "has_title", nil, b.title, r)
			rel := d.x.gaz.titles[b.title]
			if rel == "" {
				rel = "works_for"
			}
			for _, om := range b.obj {
				obj := d.agent(om)
				if obj == nil || obj == subj {
					continue
				}
				if d.x.gaz.jobs[b.title] && newsgraph.IsLocation(obj.typ) {
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
			if obj := d.agent(om); obj != nil && obj != subj {
				d.addRelation(s, subj, pred, obj, r)
			}
		}
	}
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

// agent is the entity a mention stands for in a statement: a capital
// acting for its country stands for the country.
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
	if pred == "has_title" && d.longerTitle(s, subj, value) {
		return
	}
	key := factKey{subj: subj.index, obj: -1, pred: pred, value: strings.ToLower(value)}
	if obj != nil {
		key.obj = obj.index
	}
	if d.seen[key] {
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

// longerTitle reports whether the sentence already gave the subject a title
// that contains this one ("foreign minister" over "minister"); a shorter
// title given before is replaced.
func (d *doc) longerTitle(s *sentence, subj *entity, title string) bool {
	kept := d.facts[:0]
	found := false
	for _, f := range d.facts {
		if f.Predicate == "has_title" && f.Subject == subj.index && f.Evidence.Start == s.Start {
			if strings.Contains(" "+f.Value+" ", " "+title+" ") {
				found = true
			} else if strings.Contains(" "+title+" ", " "+f.Value+" ") {
				delete(d.seen, factKey{subj: subj.index, obj: -1, pred: "has_title", value: strings.ToLower(f.Value)})
				continue
			}
		}
		kept = append(kept, f)
	}
	d.facts = kept
	return found
}
