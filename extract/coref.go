package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/resolve"
)

// entity is one real-world entity of the article with its mentions.
type entity struct {
	index     int
	typ       string
	canonical string // the gazetteer's name, when it knows the entity
	mentions  []*mention
	words     []string // lower-cased tokens of the best name
	titles    []string
	implied   bool // named by no mention: a country behind its capital or demonym
	hasFacts  bool // some statement is about it
}

func (e *entity) dropped() bool {
	if e.implied {
		return false
	}
	for _, m := range e.mentions {
		if !m.pronoun && !m.nominal && !m.adjectival {
			return false
		}
	}
	return !e.hasFacts
}

// name is the entity's best name: the gazetteer's, else its longest
// named mention.
func (e *entity) name(d *doc) string {
	if e.canonical != "" {
		// The gazetteer's name, or a shorter one of its names the article
		// used ("Crimea" for "Autonomous Republic of Crimea", "Turkey" for
		// "Türkiye").
		name := e.canonical
		for _, m := range e.mentions {
			if m.pronoun || m.nominal || m.demonym || m.qualified != "" || !newsgraph.IsLocation(e.typ) || isAcronym(m.text(d)) {
				continue
			}
			if t := m.text(d); len([]rune(t)) < len([]rune(name)) && t != strings.ToUpper(t) && d.x.gaz.Lookup(t) != nil && d.x.gaz.Lookup(t).Name == e.canonical {
				name = t
			}
		}
		return name
	}
	var best *mention
	for _, m := range e.mentions {
		if m.pronoun || m.nominal || m.demonym {
			continue
		}
		if best == nil || m.end-m.start > best.end-best.start || m.end-m.start == best.end-best.start && len(m.text(d)) > len(best.text(d)) {
			best = m
		}
	}
	if best == nil {
		return ""
	}
	// "Rome Statute of the International Criminal Court" is named by its
	// short form when the article uses it.
	for _, m := range e.mentions {
		if !m.pronoun && !m.nominal && ofPrefix(best.sent.lower[best.start:best.end], m.sent.lower[m.start:m.end]) {
			return m.text(d)
		}
	}
	return best.text(d)
}

func (x *Extractor) export(e *entity, text string) newsgraph.Entity {
	d := &doc{x: x, text: text}
	out := newsgraph.Entity{Name: e.name(d), Type: e.typ}
	if e.canonical != "" {
		// A place the gazetteer knows is identified by its gazetteer name,
		// whatever the article called it ("New York" the city is New York
		// City, not the state).
		out.ID = resolve.Slug(e.canonical)
	}
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out.Aliases = append(out.Aliases, s)
		}
	}
	add(out.Name)
	add(e.canonical)
	for _, m := range e.mentions {
		if m.pronoun || m.nominal || m.adjectival {
			continue
		}
		add(m.text(d))
		add(m.full)
		toks := m.sent.Tokens
		if m.qualified != "" {
			add(ownedName(d, m)) // "Mexico's Foreign Ministry", as the article wrote it
		}
		out.Mentions = append(out.Mentions, newsgraph.Span{Start: toks[m.start].Start, End: toks[m.end-1].End})
	}
	return out
}

// linkMentions groups mentions into entities: the same name, a surname
// after a full name, an acronym after its expansion, a gazetteer alias;
// then descriptions ("the court") and pronouns to their antecedents.
func (d *doc) linkMentions() {
	for _, s := range d.sents {
		for _, m := range s.mentions {
			if m.pronoun || m.nominal {
				continue
			}
			d.linkName(m)
		}
	}
	d.mergeAliases()
	d.mergeAcronyms()
	for si, s := range d.sents {
		for _, m := range s.mentions {
			switch {
			case m.nominal:
				m.ent = d.antecedentByHead(si, m)
			case m.pronoun:
				m.ent = d.antecedentOfPronoun(si, m)
			}
		}
		// Unresolved descriptions and pronouns are not mentions.
		kept := s.mentions[:0]
		for _, m := range s.mentions {
			if m.ent != nil {
				kept = append(kept, m)
			}
		}
		s.mentions = kept
		for i := range s.at {
			s.at[i] = nil
		}
		for _, m := range s.mentions {
			if s.at[m.start] == nil {
				s.at[m.start] = m
			}
		}
	}
	for _, e := range d.entities {
		e.typ = voteType(e)
	}
}

func (d *doc) newEntity(m *mention, canonical string) *entity {
	e := &entity{index: len(d.entities), typ: m.typ, canonical: canonical}
	d.entities = append(d.entities, e)
	return e
}

func (d *doc) attach(e *entity, m *mention) {
	m.ent = e
	e.mentions = append(e.mentions, m)
	if m.title != "" {
		e.titles = append(e.titles, m.title)
	}
	if !m.demonym && m.end-m.start > len(e.words) {
		e.words = append([]string(nil), m.sent.lower[m.start:m.end]...)
	}
}

// linkName links a named mention to an existing entity or a new one.
func (d *doc) linkName(m *mention) {
	text := m.text(d)
	canonical := ""
	if m.demonym {
		canonical = d.x.gaz.demonyms[strings.ToLower(text)]
	} else if p := d.x.gaz.Lookup(text); p != nil && placeType(p.Kind) == m.typ && p.Name != "" {
		canonical = p.Name
	}
	words := m.sent.lower[m.start:m.end]
	if canonical == "" && m.typ == newsgraph.Organization {
		// "Mexico's Foreign Ministry" and "Russia's Foreign Ministry" are
		// two ministries: a generic name takes its country.
		if country := d.ownerCountry(m); country != "" && d.genericName(m) {
			canonical = m.text(d) + " of " + country
			m.qualified = canonical
		}
	}
	if canonical == "" && len(words) == 1 {
		// A lone surname of a person named in full earlier is that person,
		// whatever the model typed it ("Putin" as a place).
		for _, e := range d.entities {
			if e.typ == newsgraph.Person && len(e.words) > 1 && familyName(e.words, words[0]) {
				m.typ = newsgraph.Person
				d.attach(e, m)
				return
			}
		}
	}
	for _, e := range d.entities {
		if canonical != "" && e.canonical == canonical {
			d.attach(e, m)
			return
		}
		if canonical != "" || e.canonical != "" {
			continue
		}
		if e.typ == newsgraph.Organization && len(words) == 1 && e.words[0] == words[0] && (len(e.words) > 2 || len(e.words) > 1 && m.typ != newsgraph.Person) {
			m.typ = newsgraph.Organization
			d.attach(e, m) // "Riverbend" after "Riverbend Mutual Insurance Co.", whatever the model typed it
			return
		}
		if !compatible(e.typ, m.typ) {
			continue
		}
		if equalWords(e.words, words) || m.typ == newsgraph.Legislation && e.typ == newsgraph.Legislation && (ofPrefix(words, e.words) || ofPrefix(e.words, words)) {
			d.attach(e, m) // "Rome Statute of the International Criminal Court" is the Rome Statute
			return
		}
		if m.typ == newsgraph.Person && e.typ == newsgraph.Person && (isSuffix(words, e.words) || isSuffix(e.words, words) || len(words) == 1 && len(e.words) > 1 && familyName(e.words, words[0])) {
			d.attach(e, m)
			return
		}
	}
	d.attach(d.newEntity(m, canonical), m)
}

// ofPrefix reports a name that is another followed by "of ...".
func ofPrefix(long, short []string) bool {
	return len(long) > len(short)+1 && long[len(short)] == "of" && equalWords(long[:len(short)], short)
}

// ownerCountry returns the country a mention's name belongs to when a
// possessor or a demonym says so: "Mexico's Foreign Ministry", "the
// Russian Defense Ministry".
func (d *doc) ownerCountry(m *mention) string {
	s := m.sent
	k := m.start - 1
	if k >= 0 && s.lower[k] == "the" {
		k--
	}
	if k >= 1 && s.Tokens[k].Tag == "POS" {
		if o := mentionEndingAt(s, k); o != nil && o.typ == newsgraph.Country {
			if p := d.x.gaz.Lookup(o.text(d)); p != nil && p.Kind == kindCountry {
				return p.Name
			}
		}
	}
	if k >= 0 {
		if c := d.x.gaz.demonyms[s.lower[k]]; c != "" {
			return c
		}
	}
	if w := s.lower[m.start]; d.x.gaz.demonyms[w] != "" && m.end-m.start > 1 {
		return d.x.gaz.demonyms[w]
	}
	return ""
}

// ownedName is a qualified mention with its owner as written: "Mexico's
// Foreign Ministry", "the Mexican Foreign Ministry" (without "the").
func ownedName(d *doc, m *mention) string {
	s := m.sent
	k := m.start - 1
	if k >= 0 && s.lower[k] == "the" {
		k--
	}
	start := m.start
	switch {
	case k >= 1 && s.Tokens[k].Tag == "POS":
		if o := mentionEndingAt(s, k); o != nil {
			start = o.start
		}
	case k >= 0 && d.x.gaz.demonyms[s.lower[k]] != "":
		start = k
	}
	return d.text[s.Tokens[start].Start:s.Tokens[m.end-1].End]
}

// genericName reports an organization named only by common words ("Foreign
// Ministry", "Defense Ministry", "Supreme Court"), which many countries share.
func (d *doc) genericName(m *mention) bool {
	s := m.sent
	if d.x.gaz.demonyms[s.lower[m.start]] != "" {
		return false // "Russian Embassy" names its country itself
	}
	start := m.start
	for k := start; k < m.end; k++ {
		if !d.x.lexicon.Known(s.lower[k]) && !nameConnectors[s.lower[k]] {
			return false
		}
	}
	return true
}

// familyName reports whether w is one of the names after the first of a
// full name: "Guzman" and "Loera" of "joaquin guzman loera".
func familyName(full []string, w string) bool {
	for _, x := range full[1:] {
		if x == w {
			return true
		}
	}
	return false
}

func compatible(a, b string) bool {
	if a == b {
		return true
	}
	return newsgraph.IsLocation(a) && newsgraph.IsLocation(b)
}

// isSuffix reports whether short is the last words of long ("putin" of
// "vladimir putin"), with long strictly longer.
func isSuffix(short, long []string) bool {
	if len(short) >= len(long) || len(short) == 0 {
		return false
	}
	return equalWords(short, long[len(long)-len(short):])
}

// mergeAliases joins a name given as another's alias: "Joaquin Guzman
// Loera, known as "El Chapo"", "Hamas, also called the Islamic Resistance
// Movement".
func (d *doc) mergeAliases() {
	for _, s := range d.sents {
		for i := 0; i+1 < len(s.Tokens); i++ {
			n := 0
			switch {
			case s.lower[i] == "known" && s.lower[i+1] == "as":
				n = 2
			case s.lower[i] == "nicknamed" || s.lower[i] == "dubbed" || s.lower[i] == "alias" || s.lower[i] == "aka":
				n = 1
			case s.lower[i] == "also" && i+2 < len(s.Tokens) && s.lower[i+1] == "called":
				n = 2
			}
			if n == 0 {
				continue
			}
			k := i + n
			for k < len(s.Tokens) && (isQuoteMark(s.Tokens[k].Text) || s.lower[k] == "the") {
				k++
			}
			var alias, named *mention
			for _, m := range s.mentions {
				if m.start == k && !m.pronoun && !m.nominal {
					alias = m
				}
				if m.end <= i && !m.pronoun && !m.nominal && !m.adjectival {
					named = m // the last name before "known as"
				}
			}
			if alias == nil || named == nil || alias.ent == nil || named.ent == nil || alias.ent == named.ent || alias.ent.canonical != "" {
				continue
			}
			from := alias.ent
			for _, m := range from.mentions {
				d.attach(named.ent, m)
			}
			from.mentions = nil
		}
	}
}

// mergeAcronyms joins an acronym ("ICC") with the entity whose initials it
// spells ("International Criminal Court").
func (d *doc) mergeAcronyms() {
	// An acronym defined in parentheses ("Government Accountability
	// Office (GAO)") names that organization wherever the article uses it,
	// even where the letters alone read as something else (Gao, Mali).
	defined := map[string]*entity{}
	for _, e := range d.entities {
		for _, m := range e.mentions {
			if org := d.definedBy(m); org != nil {
				defined[m.text(d)] = org
			}
		}
	}
	if len(defined) > 0 {
		for _, a := range d.entities {
			var kept []*mention
			for _, m := range a.mentions {
				if org := defined[m.text(d)]; org != nil && org != a && !m.pronoun && !m.nominal {
					m.typ = newsgraph.Organization
					d.attach(org, m)
					continue
				}
				kept = append(kept, m)
			}
			a.mentions = kept
		}
	}
	for _, a := range d.entities {
		if len(a.mentions) == 0 || a.canonical != "" {
			continue
		}
		name := a.name(d)
		if !isAcronym(name) {
			continue
		}
		for _, e := range d.entities {
			if e == a || len(e.mentions) == 0 || len(e.words) < 2 {
				continue
			}
			if initials(e.words) == strings.ToLower(strings.ReplaceAll(name, ".", "")) {
				for _, m := range a.mentions {
					d.attach(e, m)
				}
				a.mentions = nil
				break
			}
		}
	}
	kept := d.entities[:0]
	for _, e := range d.entities {
		if len(e.mentions) > 0 {
			e.index = len(kept)
			kept = append(kept, e)
		}
	}
	d.entities = kept
}

// definedBy returns the organization whose name comes just before an
// acronym defined in parentheses ("Union of Democratic Forces (SDS)"), or
// nil when m is no such acronym.
func (d *doc) definedBy(m *mention) *entity {
	if !m.defined {
		return nil
	}
	for _, n := range m.sent.mentions {
		if n.end == m.start-1 && n.ent != nil && n.ent.typ == newsgraph.Organization {
			return n.ent
		}
	}
	return nil
}

func isAcronym(s string) bool {
	s = strings.ReplaceAll(s, ".", "")
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		switch w {
		case "of", "the", "for", "and", "on", "in", "de", "&":
			continue
		}
		for _, r := range w {
			b.WriteRune(r)
			break
		}
	}
	return b.String()
}

// antecedentByHead resolves "the court" to the latest entity whose name
// holds the head noun, or, for countries and cities, the latest entity of
// that type.
func (d *doc) antecedentByHead(si int, m *mention) *entity {
	head := m.sent.lower[m.end-1]
	var byType *entity
	for k := si; k >= 0; k-- {
		ms := d.sents[k].mentions
		for j := len(ms) - 1; j >= 0; j-- {
			o := ms[j]
			if o.ent == nil || o.nominal || o.pronoun || (k == si && o.start >= m.start) {
				continue
			}
			for _, w := range o.ent.words {
				if w == head {
					return o.ent
				}
			}
			if m.typ == newsgraph.Person {
				for _, t := range o.ent.titles {
					if strings.Contains(t, head) {
						return o.ent
					}
				}
			}
			if byType == nil && k >= si-6 && o.ent.typ == m.typ && (m.typ != newsgraph.Person && m.typ != newsgraph.Organization || companyHeads[head]) {
				byType = o.ent
			}
		}
	}
	return byType
}

// companyHeads are descriptions that stand for the organization the
// article is about: "the company", "the firm".
var companyHeads = map[string]bool{"company": true, "firm": true, "insurer": true, "group": true, "corporation": true, "bank": true}

// antecedentOfPronoun resolves he/she to a person and it/its to an
// organization, country or treaty: first a fitting mention earlier in the
// same sentence, else the first fitting mention (the subject) of the
// closest earlier sentence that has one.
func (d *doc) antecedentOfPronoun(si int, m *mention) *entity {
	fits := func(o *mention) bool {
		if o.ent == nil || o.pronoun {
			return false
		}
		if m.typ == newsgraph.Person {
			return o.ent.typ == newsgraph.Person && d.genderFits(o.ent, m.sent.lower[m.start])
		}
		// "it" stands for an organization, a country or a treaty: places
		// and cities are rarely what "it" does something.
		switch o.ent.typ {
		case newsgraph.Organization, newsgraph.Country, newsgraph.Legislation:
			return !o.demonym
		}
		return false
	}
	ms := m.sent.mentions
	// A pronoun that is a subject ("but it has granted") takes the
	// sentence's subject when it fits; otherwise the nearest fitting
	// mention before it.
	if startsVerbPhrase(m.sent, m.end) {
		if subj := d.mainSubject(m.sent); subj != nil && subj.start < m.start && fits(subj) {
			return subj.ent
		}
	}
	for j := len(ms) - 1; j >= 0; j-- {
		if o := ms[j]; o.start < m.start && fits(o) && !o.sent.quoted[o.start] {
			return o.ent
		}
	}
	reach := 3
	if m.typ != newsgraph.Person {
		reach = 1
	}
	// Earlier sentences: their subject first, then a mention that is not
	// a possessor ("Obama's presidency"), then any.
	for k := si - 1; k >= 0 && k >= si-reach; k-- {
		prev := d.sents[k]
		if subj := d.mainSubject(prev); subj != nil && fits(subj) && !prev.quoted[subj.start] {
			return subj.ent
		}
		var possessor *entity
		for _, o := range prev.mentions {
			if !fits(o) || prev.quoted[o.start] {
				continue
			}
			if o.end < len(prev.Tokens) && prev.Tokens[o.end].Tag == "POS" {
				if possessor == nil {
					possessor = o.ent
				}
				continue
			}
			return o.ent
		}
		if possessor != nil && k == si-reach {
			return possessor
		}
	}
	return nil
}

// genderFits reports whether a person may be "he" or "she": by a title
// (Mr., Mrs.) or the given name, when either tells.
func (d *doc) genderFits(e *entity, pronoun string) bool {
	want := byte('m')
	switch pronoun {
	case "she", "her", "hers", "herself":
		want = 'f'
	}
	for _, t := range e.titles {
		switch t {
		case "mr", "mr.", "sir", "king", "prince":
			return want == 'm'
		case "mrs", "mrs.", "ms", "ms.", "madam", "dame", "queen", "princess":
			return want == 'f'
		}
	}
	if len(e.words) > 1 {
		if g, ok := d.x.gaz.gender[e.words[0]]; ok {
			return g == want
		}
	}
	return true
}

// voteType settles an entity's type from its named mentions: the type most
// of them carry, a person when any came with a title.
func voteType(e *entity) string {
	if e.canonical != "" {
		return e.typ
	}
	counts := map[string]int{}
	for _, m := range e.mentions {
		if m.pronoun || m.nominal {
			continue
		}
		w := 1
		if m.title != "" && m.typ == newsgraph.Person {
			w = 3
		}
		counts[m.typ] += w
	}
	types := make([]string, 0, len(counts))
	for t := range counts {
		types = append(types, t)
	}
	sort.Strings(types)
	best := e.typ
	for _, t := range types {
		if counts[t] > counts[best] {
			best = t
		}
	}
	return best
}
