package extract

import (
	"strings"
	"unicode"

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
	qualified  string // a generic name qualified by its country: "Foreign Ministry of Mexico"
	title      string // a title read before the name: "president"
	full       string // the surface form with the title, when it was cut
	defined    bool   // an acronym defined in parentheses after its organization
}

// possessive reports a possessive pronoun: "its", "his", "her" before a noun.
func (m *mention) possessive() bool {
	return m.pronoun && m.sent.Tokens[m.start].Tag == "PRP$"
}

func (m *mention) text(d *doc) string {
	toks := m.sent.Tokens
	return d.text[toks[m.start].Start:toks[m.end-1].End]
}

// findEntities runs the entity model over each sentence and types what it
// finds with the gazetteer; then it finds again, in the whole article, the
// names found once ("Lvova-Belova" where the model missed it), and the
// names the gazetteer knows for sure.
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
		s.raw = spans
		spans = d.splitPlaceLists(s, spans)
		spans = d.expandToGazetteer(s, spans)
		spans = d.addNamesByHead(s, spans)
		spans = addPlacesByNoun(s, spans)
		spans = d.extendNames(s, spans)
		spans = d.splitAtLegalSeat(s, spans)
		spans = addDefinedAcronyms(s, spans)
		spans = d.splitAtTitles(s, spans)
		spans = d.addTitledNames(s, spans)
		for _, m := range spans {
			if d.refine(m) {
				s.mentions = append(s.mentions, m)
			}
		}
	}
	d.propagateNames()
	for _, s := range d.sents {
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

// expandToGazetteer widens a span to the known name that contains it: the
// model's "Republic of China" inside "People's Republic of China".
func (d *doc) expandToGazetteer(s *sentence, spans []*mention) []*mention {
	for _, m := range spans {
		for i := max(m.start-4, 0); i <= m.start; i++ {
			for _, gm := range d.x.gaz.matchAt(s.Tokens, s.lower, i) {
				if gm.start <= m.start && gm.end >= m.end && gm.end-gm.start > m.end-m.start {
					m.start, m.end = gm.start, gm.end
					if p := d.x.gaz.places[gm.key]; p != nil && p.Kind != kindOrg {
						m.typ = "LOC"
					}
				}
			}
		}
	}
	// Drop spans now inside another.
	sortMentions(spans)
	kept := spans[:0]
	for _, m := range spans {
		if n := len(kept); n > 0 && m.start < kept[n-1].end {
			if m.end-m.start > kept[n-1].end-kept[n-1].start {
				kept[n-1] = m
			}
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// splitPlaceLists splits a location span the model ran over a comma
// before a country ("Hyderabad, India") into its places, unless the
// gazetteer knows the whole ("Washington, D.C."). A city and its state
// ("North Bend, Ohio") stay one name, as CoNLL04 annotates them.
func (d *doc) splitPlaceLists(s *sentence, spans []*mention) []*mention {
	var out []*mention
	for _, m := range spans {
		last := m.end - 1
		for last > m.start && s.Tokens[last-1].Text != "," {
			last--
		}
		p := d.x.gaz.Lookup(d.text[s.Tokens[last].Start:s.Tokens[m.end-1].End])
		if m.typ != "LOC" || last == m.start || p == nil || p.Kind != kindCountry ||
			d.x.gaz.Lookup(d.text[s.Tokens[m.start].Start:s.Tokens[m.end-1].End]) != nil {
			out = append(out, m)
			continue
		}
		start := m.start
		for k := m.start; k <= m.end; k++ {
			if k < m.end && s.Tokens[k].Text != "," {
				continue
			}
			if k > start {
				out = append(out, &mention{sent: s, start: start, end: k, typ: m.typ})
			}
			start = k + 1
		}
	}
	return out
}

// splitAtLegalSeat splits an organization span at "of PLACE" after a
// legal form: "Manufacturers Hanover Trust Co. of New York" is the company
// and its seat, and "Mitsubishi Corp. of Japan and Siemens AG of Germany"
// two companies and two countries. A span that starts at the legal form
// takes in the capitalized words before it (the model's "Corp. of Japan").
func (d *doc) splitAtLegalSeat(s *sentence, spans []*mention) []*mention {
	var out []*mention
	queue := append([]*mention(nil), spans...)
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		if m.typ != "ORG" {
			out = append(out, m)
			continue
		}
		if n := len(out); n > 0 && out[n-1].end == m.start && out[n-1].typ == "LOC" && d.hasLegalForm(s, m) {
			m.start = out[n-1].start // "Toyota Motor Corp.": a place begins the company's name
			out = out[:n-1]
		}
		if d.x.gaz.legalForms[s.lower[m.start]] {
			for m.start > 0 && capitalized(s.Tokens[m.start-1].Text) && strings.HasPrefix(s.Tokens[m.start-1].Tag, "NNP") &&
				!(len(out) > 0 && out[len(out)-1].end > m.start-1) {
				m.start--
			}
		}
		split := false
		for k := m.start + 1; k+1 < m.end; k++ {
			if s.lower[k] != "of" || !d.x.gaz.legalForms[s.lower[k-1]] {
				continue
			}
			j := k + 1
			for j < m.end && s.lower[j] != "and" && s.Tokens[j].Text != "," {
				j++
			}
			p := d.x.gaz.Lookup(d.text[s.Tokens[k+1].Start:s.Tokens[j-1].End])
			if p == nil || p.Kind == kindOrg {
				continue
			}
			out = append(out, &mention{sent: s, start: m.start, end: k, typ: "ORG"}, &mention{sent: s, start: k + 1, end: j, typ: "LOC"})
			if j+1 < m.end {
				queue = append([]*mention{{sent: s, start: j + 1, end: m.end, typ: "ORG"}}, queue...)
			}
			split = true
			break
		}
		if !split {
			out = append(out, m)
		}
	}
	return out
}

// addDefinedAcronyms makes the acronym in parentheses after an
// organization's name an organization too: "the General Accounting Office
// (GAO)" defines GAO, whatever else the letters could be (Gao, Mali).
// Coreference then joins the two (mergeAcronyms).
func addDefinedAcronyms(s *sentence, spans []*mention) []*mention {
	var out []*mention
	for i, m := range spans {
		if i > 0 && spans[i-1].typ == "ORG" && definesAcronym(s, spans[i-1], m.start) {
			m.typ, m.end, m.defined = "ORG", m.start+1, true // the model's span over it, retyped
		}
		out = append(out, m)
		next := len(s.Tokens)
		if i+1 < len(spans) {
			next = spans[i+1].start
		}
		if m.typ == "ORG" && m.end+1 < next && definesAcronym(s, m, m.end+1) {
			out = append(out, &mention{sent: s, start: m.end + 1, end: m.end + 2, typ: "ORG", defined: true})
		}
	}
	return out
}

// definesAcronym reports "NAME ( ACRONYM )" with the acronym at token k.
func definesAcronym(s *sentence, name *mention, k int) bool {
	return k == name.end+1 && k+1 < len(s.Tokens) && s.Tokens[name.end].Text == "(" &&
		s.Tokens[k+1].Text == ")" && isAcronym(s.Tokens[k].Text)
}

// basedHere reports a place or person span right after "X-based", or a
// place span after "X-based" and a common noun ("the London-based bank
// HSBC").
func basedHere(s *sentence, m *mention) bool {
	switch {
	case m.start > 0 && s.Tokens[m.start-1].Text == "-based":
		return m.typ == "LOC" || m.typ == "PER"
	case m.start > 1 && s.Tokens[m.start-2].Text == "-based":
		noun := s.Tokens[m.start-1]
		return m.typ == "LOC" && !capitalized(noun.Text) && strings.HasPrefix(noun.Tag, "NN")
	}
	return false
}

// hasLegalForm reports a span that names a company by its legal form
// ("Corp.", "AG") before any "of".
func (d *doc) hasLegalForm(s *sentence, m *mention) bool {
	for k := m.start; k < m.end && s.lower[k] != "of"; k++ {
		if d.x.gaz.legalForms[s.lower[k]] {
			return true
		}
	}
	return false
}

func contains(list []*mention, m *mention) bool {
	for _, x := range list {
		if x == m {
			return true
		}
	}
	return false
}

// bigCity is the population from which a gazetteer city is taken as a
// mention even when the model missed it.
const bigCity = 500000

// propagateNames adds mentions the model missed: every other occurrence
// of a name it found in the article (a person's surname included), and
// the countries, states, organizations and big cities of the gazetteer.
func (d *doc) propagateNames() {
	type known struct {
		words []string
		typ   string
	}
	var names []known
	seen := map[string]bool{}
	addName := func(words []string, typ string) {
		key := strings.Join(words, " ")
		if seen[key] || len(words) == 0 {
			return
		}
		seen[key] = true
		names = append(names, known{words, typ})
	}
	for _, s := range d.sents {
		for _, m := range s.mentions {
			if m.demonym || m.typ == "" || !capitalized(s.Tokens[m.start].Text) {
				continue
			}
			words := s.lower[m.start:m.end]
			addName(words, m.typ)
			if m.typ == newsgraph.Organization && len(words) > 1 && capitalized(s.Tokens[m.start].Text) {
				// A company is called by its first word: "Riverbend" of
				// "Riverbend Mutual Insurance Co.".
				w := words[0]
				if len(w) > 3 && !d.x.lexicon.Known(w) && d.x.gaz.Lookup(w) == nil && d.x.gaz.demonyms[w] == "" && !d.x.gaz.first[w] {
					addName([]string{w}, newsgraph.Organization)
				}
			}
			if m.typ == newsgraph.Person && len(words) > 1 {
				// Every family name: "Guzman" and "Loera" of "Joaquin
				// Guzman Loera".
				for k := m.start + 1; k < m.end; k++ {
					w := s.lower[k]
					if capitalized(s.Tokens[k].Text) && len(w) > 2 && d.x.gaz.titles[w] == "" && !isNameSuffix(w) && !d.x.gaz.first[w] {
						addName([]string{w}, newsgraph.Person)
					}
				}
			}
		}
	}
	for _, s := range d.sents {
		covered := make([]bool, len(s.Tokens))
		for _, list := range [][]*mention{s.mentions, s.raw} {
			for _, m := range list {
				if m.end-m.start < 2 && !contains(s.mentions, m) {
					continue // a lone word the model labelled and typing dropped
				}
				for k := m.start; k < m.end; k++ {
					covered[k] = true
				}
			}
		}
		var extra []*mention
		free := func(i, j int) bool {
			for k := i; k < j; k++ {
				if covered[k] {
					return false
				}
			}
			return true
		}
		for i := 0; i < len(s.Tokens); i++ {
			if covered[i] || !capitalized(s.Tokens[i].Text) {
				continue
			}
			// A common word capitalized to start a sentence is not a name
			// unless the tagger reads it as one.
			commonStart := isSentenceStart(s, i) && d.x.lexicon.Known(s.lower[i]) && !strings.HasPrefix(s.Tokens[i].Tag, "NNP")
			best, typ := 0, ""
			for _, n := range names {
				if commonStart && len(n.words) == 1 {
					continue
				}
				if len(n.words) > best && i+len(n.words) <= len(s.Tokens) && equalWords(n.words, s.lower[i:i+len(n.words)]) && free(i, i+len(n.words)) {
					best, typ = len(n.words), n.typ
				}
			}
			if best == 0 {
				for _, gm := range d.x.gaz.matchAt(s.Tokens, s.lower, i) {
					if gm.end-gm.start <= best || !free(gm.start, gm.end) {
						continue
					}
					p := d.x.gaz.places[gm.key]
					if p == nil || p.Kind == kindCity && p.Pop < bigCity {
						continue
					}
					if i == 0 && len(s.Tokens) > 1 && gm.end-gm.start == 1 && d.x.lexicon.Known(s.lower[i]) {
						continue // a sentence-initial common word ("Turkey", "Chad")
					}
					best, typ = gm.end-gm.start, placeType(p.Kind)
				}
			}
			if best == 0 {
				continue
			}
			// Keep "Putin" out of "Putin's" only as a token: the mention is
			// the name itself.
			extra = append(extra, &mention{sent: s, start: i, end: i + best, typ: typ})
			for k := i; k < i+best; k++ {
				covered[k] = true
			}
			i += best - 1
		}
		if len(extra) > 0 {
			s.mentions = append(s.mentions, extra...)
			sortMentions(s.mentions)
		}
	}
}

// refine cuts titles and articles off a span, types it, and reports
// whether it is kept as a mention.
func (d *doc) refine(m *mention) bool {
	s := m.sent
	// A name holds no lower-case words but connectors: the model's
	// "International Criminal Court on Friday" ends at "Court".
	for k := m.start + 1; k < m.end; k++ {
		t := s.Tokens[k].Text
		if !capitalized(t) && hasLetter(t) && !nameConnectors[s.lower[k]] && !strings.Contains(t, "-") && !isAbbreviationToken(t) || isCode(t) {
			m.end = k
			break
		}
		if k+1 < m.end && nameConnectors[s.lower[k]] && isCalendarWord(s.lower[k+1]) {
			m.end = k // "Court on Friday"
			break
		}
	}
	// Punctuation and connectors at either end ("Dmitry Peskov —", the
	// "-based" of "Geneva-based").
	for m.end > m.start && (!hasLetterOrDigit(s.Tokens[m.end-1].Text) || nameConnectors[s.lower[m.end-1]] || s.Tokens[m.end-1].Tag == "POS") {
		m.end--
	}
	for m.end > m.start && (!hasLetterOrDigit(s.Tokens[m.start].Text) || strings.HasPrefix(s.Tokens[m.start].Text, "-")) {
		m.start++
	}
	if m.end == m.start {
		return false
	}
	if basedHere(s, m) {
		// What a place is the base of is an organization: "Seattle-based
		// Amazon", "the London-based bank HSBC" (but "the Boston-based
		// lawyer John Smith" is a person).
		if p := d.x.gaz.Lookup(m.text(d)); p == nil || p.Kind != kindCountry && p.Kind != kindState {
			m.typ = "ORG"
		}
	}
	full := m.text(d)
	// Leading "the", unless the gazetteer knows the name with it ("The Hague").
	for m.end-m.start > 1 && (s.lower[m.start] == "the" && !d.x.gaz.isPlace(m.text(d)) || s.lower[m.start] == "a" || s.lower[m.start] == "an") {
		m.start++
	}
	if m.start > 0 && s.lower[m.start-1] == "the" && m.typ != "PER" {
		if d.x.gaz.isPlace("the " + m.text(d)) {
			m.start-- // "HAGUE" after "THE" is The Hague
		}
	}
	// Leading titles: "President Vladimir Putin" -> title president.
	for m.end-m.start > 1 {
		n := d.titleAt(s, m.start, m.end-1)
		if n == 0 || d.x.gaz.heads[s.lower[m.end-1]] == newsgraph.Organization {
			break // "Justice Department" is no justice
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
	if text := m.text(d); text != full && m.full == "" {
		m.full = full
	}
	text := m.text(d)
	lower := strings.ToLower(text)
	if d.x.gaz.isNotName(lower) || !hasLetter(text) || isNameSuffix(lower) {
		return false
	}
	if n := d.titleAt(s, m.start, len(s.Tokens)); n >= m.end-m.start {
		return false // a title alone ("Brig.", "CFO", the "Health" of "Health Minister") names no one
	}
	if m.end-m.start == 1 && isSentenceStart(s, m.start) && d.x.lexicon.Known(lower) && d.x.gaz.Lookup(text) == nil && m.title == "" {
		return false // "Judges said": a common word, capitalized to start a sentence
	}
	if m.end-m.start == 1 && d.x.gaz.isPeopleNoun(lower) {
		return false // "Serbs", "Russians": a people, not a named entity
	}
	if _, ok := d.x.gaz.demonyms[lower]; ok && m.end-m.start == 1 {
		// A demonym ("Ecuadoran") names no entity; it may still tell
		// whose a title is.
		m.typ = newsgraph.Country
		m.demonym, m.adjectival = true, true
		return true
	}
	place := d.x.gaz.Lookup(text)
	if place != nil && (place.Kind == kindCountry || place.Kind == kindState) && m.title == "" && (m.typ != "PER" || m.end-m.start == 1) && !m.defined {
		// A country or state under any label of the model's ("Russian
		// Federation" as an organization).
		m.typ = "LOC"
	}
	if m.end-m.start > 1 && d.x.gaz.heads[s.lower[nameHead(s, m)]] == newsgraph.Legislation && m.typ != "PER" {
		m.typ = newsgraph.Legislation // "Rome Statute (of the International Criminal Court)" whatever the model said
	}
	if place != nil && place.Kind == kindOrg && m.title == "" && m.typ != "ORG" && (m.typ != "PER" || m.end-m.start == 1) {
		m.typ = "ORG" // a known organization the model took for a person or place
	}
	switch m.typ {
	case "PER":
		m.typ = newsgraph.Person
		if place != nil && m.end-m.start == 1 && m.title == "" && place.Kind == kindCity && place.Pop >= 1000000 {
			// A lone big city the model took for a person.
			m.typ = newsgraph.City
		}
	case "ORG":
		m.typ = newsgraph.Organization
		if d.x.gaz.heads[s.lower[m.end-1]] == newsgraph.Place && m.end-m.start > 1 {
			m.typ = newsgraph.Place // "Tiananmen Square"
		}
		if place != nil && place.Kind == kindCity && m.end-m.start == 1 && !m.defined {
			m.typ = newsgraph.City
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
		switch d.x.gaz.heads[s.lower[m.end-1]] {
		case newsgraph.Place:
			m.typ = newsgraph.Place
		case newsgraph.Legislation:
			m.typ = newsgraph.Legislation
		case newsgraph.Event:
			m.typ = newsgraph.Event
		default:
			if _, ok := d.x.gaz.demonyms[lower]; ok {
				m.demonym = true
				m.typ = newsgraph.Country
				return true
			}
			return false
		}
	case newsgraph.Legislation, newsgraph.Event:
	default:
		return false
	}
	if m.typ == newsgraph.Organization && d.partOfTitle(m) {
		return false
	}
	return true
}

// partOfTitle reports an organization-like name that completes a title:
// "commissioner for Children's Rights", "minister of Foreign Affairs".
func (d *doc) partOfTitle(m *mention) bool {
	s := m.sent
	if m.start < 2 || (s.lower[m.start-1] != "for" && s.lower[m.start-1] != "of") {
		return false
	}
	if d.titleAt(s, m.start-2, m.start-1) == 0 || d.x.gaz.heads[s.lower[m.end-1]] == newsgraph.Organization {
		return false // "officer of Keystone Casualty Group" names a company
	}
	for k := m.start; k < m.end; k++ {
		if w := s.lower[k]; w != "'s" && w != "and" && !d.x.lexicon.Known(w) {
			return false
		}
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
		// A span that starts inside a title ("State Mike Pompeo" of
		// "Secretary of State Mike Pompeo") starts after it.
		for k := max(m.start-3, 0); k < m.start; k++ {
			if n := d.titleAt(s, k, m.end-1); n > 0 && k+n > m.start && k+n < m.end && !isHonorific(s.lower[k]) {
				m.start = k + n
				m.typ = "PER"
				break
			}
		}
		// A span that ends in the first word of a title ("Ukrainian
		// Foreign" before "Minister") ends before the title.
		if m.typ != "PER" {
			for k := m.start + 1; k < m.end; k++ {
				if n := d.titleAt(s, k, len(s.Tokens)); n > 0 && k+n > m.end && !isHonorific(s.lower[k]) {
					m.end = k
					if _, ok := d.x.gaz.demonyms[strings.ToLower(m.text(d))]; ok || d.x.gaz.isPlace(m.text(d)) {
						m.typ = "LOC"
					}
					break
				}
			}
		}
		split := false
		for k := m.start + 1; k < m.end-1; k++ {
			n := d.titleAt(s, k, m.end-1)
			if n == 0 || isHonorific(s.lower[k]) {
				continue
			}
			if d.x.gaz.first[s.lower[m.start]] || isNameSuffix(s.lower[m.end-1]) {
				break // "Martin Luther King III" is a name, not a title
			}
			prefix := &mention{sent: s, start: m.start, end: k, typ: "ORG"}
			text := strings.ToLower(prefix.text(d))
			if k-m.start == 1 && d.x.lexicon.Known(s.lower[m.start]) && d.x.gaz.demonyms[text] == "" && d.x.gaz.Lookup(text) == nil {
				// "Health Minister Roberto Speranza": the portfolio is part
				// of the title, not an organization.
				out = append(out, &mention{sent: s, start: k, end: m.end, typ: "PER"})
				split = true
				break
			}
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

// demonymNouns, after a demonym, make it refer to its country: "the
// Ukrainian town of Bucha", "Guatemalan authorities".
var demonymNouns = map[string]bool{
	"town": true, "city": true, "village": true, "capital": true, "region": true, "province": true,
	"port": true, "district": true, "authorities": true, "forces": true, "government": true,
	"officials": true, "police": true, "troops": true, "army": true, "navy": true, "military": true,
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
		if d.titleAt(s, i+1, len(s.Tokens)) == 0 && !(covered[i+1] && s.Tokens[i+1].Tag == "NNP") && !demonymNouns[s.lower[i+1]] {
			continue
		}
		extra = append(extra, &mention{sent: s, start: i, end: i + 1, typ: newsgraph.Country, demonym: true, adjectival: true})
	}
	if len(extra) > 0 {
		s.mentions = append(s.mentions, extra...)
		sortMentions(s.mentions)
	}
}

// addTitledNames finds the names the model missed after a capitalized
// title: "President Xi Jinping", "Gen. Esmail Qaani".
func (d *doc) addTitledNames(s *sentence, spans []*mention) []*mention {
	covered := make([]bool, len(s.Tokens)+1)
	for _, m := range spans {
		for k := m.start; k < m.end; k++ {
			covered[k] = true
		}
	}
	for i := 0; i < len(s.Tokens); i++ {
		if !capitalized(s.Tokens[i].Text) {
			continue
		}
		n := d.titleAt(s, i, len(s.Tokens))
		if n == 0 {
			continue
		}
		start := i + n
		end := start
		for end < len(s.Tokens) && end-start < 4 && !covered[end] && capitalized(s.Tokens[end].Text) && strings.HasPrefix(s.Tokens[end].Tag, "NNP") &&
			d.titleAt(s, end, len(s.Tokens)) == 0 && d.x.gaz.Lookup(s.Tokens[end].Text) == nil {
			end++
		}
		if end == start || covered[end-1] {
			continue
		}
		if end-start == 1 && d.x.lexicon.Known(s.lower[start]) {
			continue // "President Biden" is fine, "President Said" is not
		}
		spans = append(spans, &mention{sent: s, start: i, end: end, typ: "PER"})
		for k := i; k < end; k++ {
			covered[k] = true
		}
		i = end - 1
	}
	sortMentions(spans)
	return spans
}

// isNameSuffix reports the generational suffixes of names.
func isNameSuffix(w string) bool {
	switch w {
	case "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v":
		return true
	}
	return false
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

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// nameConnectors may stand inside a name: "Bank of America", "Ministry
// for Foreign Affairs", "Bosnia and Herzegovina", "Children's".
var nameConnectors = map[string]bool{
	"of": true, "for": true, "and": true, "the": true, "on": true, "de": true, "du": true, "des": true,
	"la": true, "le": true, "al": true, "el": true, "bin": true, "van": true, "von": true, "der": true,
	"'s": true, "&": true, "da": true, "di": true, "del": true, "y": true,
}

// nameHead is the token that heads a name: its last word, or the last
// before "of" ("Statute" of "Rome Statute of the International Criminal
// Court", "Ministry" of "Ministry of Foreign Affairs").
func nameHead(s *sentence, m *mention) int {
	for k := m.start + 1; k < m.end-1; k++ {
		if s.lower[k] == "of" {
			return k - 1
		}
	}
	return m.end - 1
}

// isCode reports a token like "AU0202111694": letters and a run of digits,
// a reference number rather than a name.
func isCode(t string) bool {
	digits := 0
	for _, r := range t {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 5 && hasLetter(t)
}

func isCalendarWord(w string) bool {
	_, month := months[w]
	_, day := weekdays[w]
	return month || day
}

func isAbbreviationToken(t string) bool {
	return strings.HasSuffix(t, ".") && len(t) <= 5
}

// nameParticles join the parts of a name: "Bashar al-Assad", "Ludwig van
// Beethoven", "Osama bin Laden".
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "abu": true, "van": true, "von": true, "de": true,
	"da": true, "di": true, "du": true, "del": true, "della": true, "der": true, "den": true, "dos": true, "das": true, "la": true, "le": true,
}

// extendNames carries a person's name over lower-case particles the model
// left out: "al-Assad" after "Bashar", "van Gogh" after "Vincent".
func (d *doc) extendNames(s *sentence, spans []*mention) []*mention {
	for _, m := range spans {
		if m.typ != "PER" && m.end+1 < len(s.Tokens) && isInitial(s.Tokens[m.end].Text) && capitalized(s.Tokens[m.end+1].Text) && m.end-m.start == 1 {
			m.typ = "PER" // "Vernon A. Walters": a name with an initial is a person's
		}
		if m.typ != "PER" {
			continue
		}
		// A capitalized word the model left before a person's name, that
		// is no common word, title, place or demonym, is a given name it
		// did not know: "Yigal" of "Yigal Amir".
		for m.start > 0 {
			k := m.start - 1
			w := s.Tokens[k].Text
			if !capitalized(w) || s.Tokens[k].Tag != "NNP" || d.x.lexicon.Known(s.lower[k]) || d.titleAt(s, k, m.end) > 0 ||
				d.x.gaz.Lookup(w) != nil || d.x.gaz.demonyms[s.lower[k]] != "" || isHonorific(s.lower[k]) {
				break
			}
			if k > 0 && !isSentenceStart(s, k) && (capitalized(s.Tokens[k-1].Text) || s.Tokens[k-1].Tag == "POS") {
				break // part of something else: "Kremlin spokesman", "Russia's"
			}
			m.start = k
		}
		for m.end < len(s.Tokens) {
			w := s.Tokens[m.end].Text
			// A capitalized unknown word right after the name, as "Shoigu"
			// after "Sergei", is its surname.
			if capitalized(w) && s.Tokens[m.end].Tag == "NNP" && !d.x.lexicon.Known(s.lower[m.end]) && d.titleAt(s, m.end, len(s.Tokens)) == 0 &&
				d.x.gaz.Lookup(w) == nil && d.x.gaz.demonyms[s.lower[m.end]] == "" && !startsSpan(spans, m.end) {
				m.end++
				continue
			}
			if prefix, rest, ok := strings.Cut(w, "-"); ok && nameParticles[prefix] && capitalized(rest) {
				m.end++ // al-Assad
				continue
			}
			if isInitial(w) && m.end+1 < len(s.Tokens) && capitalized(s.Tokens[m.end+1].Text) {
				// "Vernon A. Walters": the initial and what follows, even
				// where the model made it a name of its own.
				end := m.end + 2
				for _, o := range spans {
					if o != m && o.start == m.end {
						end = max(end, o.end)
					}
				}
				m.end = end
				continue
			}
			if nameParticles[w] && m.end+1 < len(s.Tokens) && capitalized(s.Tokens[m.end+1].Text) {
				m.end += 2 // van Gogh
				continue
			}
			break
		}
	}
	// Drop spans the extension swallowed.
	kept := spans[:0]
	for i, m := range spans {
		if i > 0 && m.start < kept[len(kept)-1].end {
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// isInitial reports a single capital with a period: "A.".
func isInitial(w string) bool {
	r := []rune(w)
	return len(r) == 2 && r[1] == '.' && unicode.IsUpper(r[0])
}

// startsSpan reports whether one of the spans starts at token i.
func startsSpan(spans []*mention, i int) bool {
	for _, m := range spans {
		if m.start == i {
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

// addNamesByHead finds names the model may have cut or mistyped: a
// capitalized run ending in a head word of names_heads.tsv ("Rome
// Statute", "Foreign Ministry") or starting with one before "of" ("Treaty
// of Versailles", "Ministry of Foreign Affairs"). A name found so replaces
// the model's spans inside it, and yields to a longer one.
func (d *doc) addNamesByHead(s *sentence, spans []*mention) []*mention {
	toks := s.Tokens
	for i := 0; i < len(toks); i++ {
		typ := d.x.gaz.heads[s.lower[i]]
		if typ == "" || !capitalized(toks[i].Text) && !(d.x.gaz.lowerHeads[s.lower[i]] && i > 0 && capitalized(toks[i-1].Text) && !isSentenceStart(s, i-1)) {
			continue
		}
		start, end := i, i+1
		for start > 0 && capitalized(toks[start-1].Text) && s.lower[start-1] != "the" && !isSentenceStart(s, start-1) && toks[start-1].Tag != "POS" {
			start--
		}
		if i+2 < len(toks) && (s.lower[i+1] == "of" || s.lower[i+1] == "for" || s.lower[i+1] == "on") && capitalized(toks[i+2].Text) {
			end = i + 3
			for end < len(toks) && (capitalized(toks[end].Text) || (s.lower[end] == "and" || s.lower[end] == "of") && end+1 < len(toks) && capitalized(toks[end+1].Text)) {
				end++
			}
		}
		if end-start < 2 {
			continue
		}
		covered := false
		kept := spans[:0]
		for _, o := range spans {
			switch {
			case o.end <= start || o.start >= end:
				kept = append(kept, o)
			case o.start <= start && o.end >= end && (o.end-o.start > end-start):
				covered = true // the model's span is longer: keep it
				kept = append(kept, o)
			}
		}
		spans = kept
		if !covered {
			label := map[string]string{newsgraph.Organization: "ORG", newsgraph.Place: "LOC"}[typ]
			if label == "" {
				label = typ
			}
			spans = append(spans, &mention{sent: s, start: start, end: end, typ: label})
		}
		i = end - 1
	}
	sortMentions(spans)
	return spans
}

// placeNouns name a kind of place before "of" and its name: "the
// village of Vo", "the city of Mariupol".
var placeNouns = map[string]bool{
	"city": true, "town": true, "village": true, "hamlet": true, "port": true,
	"region": true, "province": true, "district": true, "island": true,
}

// addPlacesByNoun makes the name after "the village of" a place (the
// model's span there is retyped, a name it missed is added), and the name
// before "and nine other towns".
func addPlacesByNoun(s *sentence, spans []*mention) []*mention {
	toks := s.Tokens
	// "Codogno and nine other towns": the name before is one of them.
	for i := 3; i < len(toks); i++ {
		if !placeNouns[strings.TrimSuffix(strings.TrimSuffix(s.lower[i], "s"), "ie")] && s.lower[i] != "cities" || s.lower[i-1] != "other" {
			continue
		}
		k := i - 2
		if toks[k].Tag == "CD" {
			k--
		}
		if k < 1 || s.lower[k] != "and" {
			continue
		}
		for _, m := range spans {
			if m.end == k {
				m.typ = "LOC"
			}
		}
	}
	for i := 0; i+2 < len(toks); i++ {
		if !placeNouns[s.lower[i]] || s.lower[i+1] != "of" || !capitalized(toks[i+2].Text) || isSentenceStart(s, i+2) {
			continue
		}
		start, end := i+2, i+3
		for end < len(toks) && capitalized(toks[end].Text) {
			end++
		}
		found := false
		for _, m := range spans {
			if m.start == start {
				m.typ, found = "LOC", true
			} else if m.start < end && m.end > start {
				found = true // some other name there: leave it
			}
		}
		if !found {
			spans = append(spans, &mention{sent: s, start: start, end: end, typ: "LOC"})
		}
	}
	sortMentions(spans)
	return spans
}

// isSentenceStart reports the first word of a sentence, or of a quotation
// (after an opening quote mark, not a closing one).
func isSentenceStart(s *sentence, i int) bool {
	if i == 0 {
		return true
	}
	switch s.Tokens[i-1].Text {
	case "``", "\"", "“":
		return s.quoted == nil || s.quoted[i]
	}
	return false
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
	"firm": newsgraph.Organization, "insurer": newsgraph.Organization, "corporation": newsgraph.Organization, "ministry": newsgraph.Organization, "agency": newsgraph.Organization,
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
		// the [modifiers] head: up to four words before a known head noun;
		// a place or organization may modify it through a compound
		// ("the Hague-based court").
		compound := false
		for n := 1; n <= 4 && i+n < len(s.Tokens); n++ {
			head := s.lower[i+n]
			if covered[i+n] {
				// A place or organization modifying the head: "the
				// Hague-based court", "the Hague tribunal".
				if i+n+1 < len(s.Tokens) && (strings.HasPrefix(s.Tokens[i+n+1].Text, "-") || !covered[i+n+1]) {
					compound = true
					continue
				}
				if i+n+1 < len(s.Tokens) && covered[i+n+1] {
					continue // inside a multi-word modifier
				}
				break
			}
			typ, ok := nominalHeads[head]
			if !ok {
				if s.Tokens[i+n].Tag == "NNP" && !compound {
					break // a name of its own: "the BRICS group"
				}
				if !isModifierTag(s.Tokens[i+n].Tag) && !strings.HasPrefix(s.Tokens[i+n].Text, "-") {
					break
				}
				continue
			}
			// "the court's", "the court in" are fine; "the court order" is not.
			if i+n+1 < len(s.Tokens) && strings.HasPrefix(s.Tokens[i+n+1].Tag, "NN") {
				break
			}
			// "the city of Mariupol" names its city.
			if i+n+2 < len(s.Tokens) && s.lower[i+n+1] == "of" && capitalized(s.Tokens[i+n+2].Text) && placeNouns[head] {
				break
			}
			start := i
			if compound {
				start = i + n // the modifier stays a mention of its own
			}
			extra = append(extra, &mention{sent: s, start: start, end: i + n + 1, typ: typ, nominal: true})
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
