package extract

import (
	"bufio"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/nlp"
)

// Gazetteer kinds: what a known phrase names.
const (
	kindCountry   = "country"
	kindDemonym   = "demonym"
	kindState     = "state"
	kindCity      = "city"
	kindOrg       = "org"
	kindTitle     = "title"
	kindFirstName = "first"
	kindNotName   = "notname"
)

// Place is what the gazetteer knows of a named place or organization.
type Place struct {
	Name    string // canonical name: "Russia"
	Kind    string // country, state, city, org
	Country string // the country a state or city lies in (its name)
	Seat    string // where an organization is based
	Pop     int    // population, for cities
}

// Gazetteer matches known names in token sequences: countries (with their
// aliases, demonyms and capitals), states, cities, organizations, titles,
// given names, and words that are never names.
type Gazetteer struct {
	phrases map[string][]phrase // by first lower-cased token
	places  map[string]*Place   // lower-cased name or alias -> place
	// demonyms maps "russian" to "Russia".
	demonyms map[string]string
	// capitals maps "moscow" to "Russia".
	capitals map[string]string
	// titles maps a lower-cased title to the relation it implies.
	titles map[string]string
	// jobs are titles of occupations rather than public offices.
	jobs   map[string]bool
	first  map[string]bool
	gender map[string]byte   // given name -> m or f, when known
	cca2   map[string]string // "RU" -> "Russia"
	// countriesOf maps a lower-cased city or state name to every country
	// a place of that name lies in ("moscow": Russia and United States).
	countriesOf map[string]map[string]bool
	// heads maps a lower-case head word ("ministry", "statute") to the
	// entity type of the names it ends.
	heads map[string]string
	// lowerHeads end names even in lower case ("Sinaloa cartel").
	lowerHeads map[string]bool
	// legalForms are companies' legal forms ("Corp.", "AG"), after which
	// "of PLACE" is the company's seat, not its name.
	legalForms map[string]bool
}

type phrase struct {
	words []string // lower-cased tokens
	kind  string
	key   string // lower-cased phrase, the key into places etc.
}

func newGazetteer() *Gazetteer {
	return &Gazetteer{
		phrases:     map[string][]phrase{},
		places:      map[string]*Place{},
		demonyms:    map[string]string{},
		capitals:    map[string]string{},
		titles:      map[string]string{},
		jobs:        map[string]bool{},
		first:       map[string]bool{},
		gender:      map[string]byte{},
		cca2:        map[string]string{},
		countriesOf: map[string]map[string]bool{},
		heads:       map[string]string{},
		lowerHeads:  map[string]bool{},
		legalForms:  map[string]bool{},
	}
}

// LoadGazetteer reads the gazetteer files of a data folder.
func LoadGazetteer(fsys fs.FS) (*Gazetteer, error) {
	g := newGazetteer()
	type loader struct {
		file string
		fn   func(cols []string) error
	}
	loaders := []loader{
		{"gazetteer/countries.tsv", g.addCountry},
		{"gazetteer/states.tsv", g.addState},
		{"gazetteer/cities.tsv", g.addCity},
		{"gazetteer/organizations.tsv", g.addOrg},
		{"gazetteer/organizations_known.txt", func(c []string) error {
			// Known organization names without a canonical form: a hint and
			// a type, not a name to print.
			if g.places[normKey(c[0])] == nil {
				g.addPlace(c[0], &Place{Kind: kindOrg})
			}
			return nil
		}},
		{"gazetteer/titles.tsv", g.addTitle},
		{"gazetteer/first_names.txt", func(c []string) error {
			name := strings.ToLower(c[0])
			g.first[name] = true
			if gd := col(c, 1); gd == "m" || gd == "f" {
				g.gender[name] = gd[0]
			}
			return nil
		}},
		{"rules/not_names.txt", func(c []string) error { g.addPhrase(c[0], kindNotName); return nil }},
		{"rules/name_heads.tsv", g.addHead},
		{"gazetteer/news_aliases.tsv", g.addNewsAlias},
	}
	for _, l := range loaders {
		if err := eachLine(fsys, l.file, l.fn); err != nil {
			return nil, err
		}
	}
	for _, list := range g.phrases {
		sortLongestFirst(list)
	}
	return g, nil
}

// eachLine calls fn with the tab-separated columns of every line of a
// data file that is neither blank nor a # comment.
func eachLine(fsys fs.FS, name string, fn func(cols []string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if err := fn(strings.Split(text, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

func col(cols []string, i int) string {
	if i < len(cols) {
		return strings.TrimSpace(cols[i])
	}
	return ""
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, "|") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func (g *Gazetteer) addCountry(c []string) error {
	name := col(c, 0)
	if name == "" {
		return fmt.Errorf("empty country name")
	}
	p := &Place{Name: name, Kind: kindCountry}
	g.addPlace(name, p)
	for _, a := range splitList(col(c, 1)) {
		g.addPlace(a, p)
	}
	sovereign := col(c, 6) != "no"
	for _, d := range splitList(col(c, 2)) {
		// A demonym shared by a state and a territory ("French") is the
		// state's.
		if _, taken := g.demonyms[strings.ToLower(d)]; !taken || sovereign {
			g.demonyms[strings.ToLower(d)] = name
		}
		g.addPhrase(d, kindDemonym)
	}
	for _, cap := range splitList(col(c, 3)) {
		g.capitals[strings.ToLower(cap)] = name
	}
	if code := col(c, 4); code != "" {
		g.cca2[code] = name
	}
	return nil
}

func (g *Gazetteer) addState(c []string) error {
	name := col(c, 0)
	p := &Place{Name: name, Kind: kindState, Country: g.cca2[col(c, 1)]}
	g.noteCountry(p.Country, name)
	if g.places[strings.ToLower(name)] == nil {
		g.addPlace(name, p)
	}
	for _, a := range splitList(col(c, 3)) {
		g.noteCountry(p.Country, a)
		if g.places[strings.ToLower(a)] == nil && !isUpperCode(a) {
			g.addPlace(a, p)
		}
	}
	return nil
}

// isUpperCode reports two-letter postal codes ("CT", "IN", "OR"), which are
// too ambiguous to match in running text.
func isUpperCode(s string) bool {
	return len(s) <= 2 && strings.ToUpper(s) == s
}

func (g *Gazetteer) addCity(c []string) error {
	name := col(c, 0)
	pop, _ := strconv.Atoi(col(c, 2))
	p := &Place{Name: name, Kind: kindCity, Country: g.cca2[col(c, 1)], Pop: pop}
	g.noteCountry(p.Country, name)
	if g.places[strings.ToLower(name)] == nil { // a country or state of that name wins
		g.addPlace(name, p)
	}
	for _, a := range splitList(col(c, 3)) {
		g.noteCountry(p.Country, a)
		if g.places[strings.ToLower(a)] == nil {
			g.addPlace(a, p)
		}
	}
	return nil
}

// noteCountry records that a city or state of a name lies in a country.
func (g *Gazetteer) noteCountry(country, name string) {
	if country == "" {
		return
	}
	k := normKey(name)
	if g.countriesOf[k] == nil {
		g.countriesOf[k] = map[string]bool{}
	}
	g.countriesOf[k][country] = true
}

// mayLieIn reports whether a place may lie in a country: false only when
// the gazetteer knows every place of that name and none lies there
// ("Moscow" in Ukraine).
func (g *Gazetteer) mayLieIn(place, country string) bool {
	in := g.countriesOf[normKey(place)]
	if len(in) == 0 || in[country] {
		return true
	}
	// "Atlanta, Georgia": the country's name is also a state's there.
	for c := range g.countriesOf[normKey(country)] {
		if in[c] {
			return true
		}
	}
	return false
}

func (g *Gazetteer) addOrg(c []string) error {
	name := col(c, 0)
	p := &Place{Name: name, Kind: kindOrg, Seat: col(c, 2)}
	g.addPlace(name, p)
	for _, a := range splitList(col(c, 1)) {
		g.addPlace(a, p)
	}
	return nil
}

// addNewsAlias makes a name stand for a known place, over what the
// gazetteers say ("Washington" for the capital).
func (g *Gazetteer) addNewsAlias(c []string) error {
	alias, name := col(c, 0), col(c, 1)
	p := g.places[normKey(name)]
	if p == nil {
		return fmt.Errorf("news alias %q: no place named %q", alias, name)
	}
	g.places[normKey(alias)] = p
	g.addPhrase(alias, p.Kind)
	return nil
}

func (g *Gazetteer) addHead(c []string) error {
	typ := col(c, 1)
	switch typ {
	case newsgraph.Organization, newsgraph.Legislation, newsgraph.Event, newsgraph.Place:
	default:
		return fmt.Errorf("head %q: type %q is not Organization, Legislation, Event or Place", col(c, 0), typ)
	}
	g.heads[strings.ToLower(col(c, 0))] = typ
	switch col(c, 2) {
	case "lowercase":
		g.lowerHeads[strings.ToLower(col(c, 0))] = true
	case "legal":
		g.legalForms[strings.ToLower(col(c, 0))] = true
	case "":
	default:
		return fmt.Errorf("head %q: third column %q is not lowercase or legal", col(c, 0), col(c, 2))
	}
	return nil
}

func (g *Gazetteer) addTitle(c []string) error {
	t := strings.ToLower(col(c, 0))
	rel := col(c, 1)
	if rel == "" {
		rel = "works_for"
	}
	if _, ok := g.titles[t]; !ok {
		g.titles[t] = rel
	}
	if col(c, 2) == "job" {
		g.jobs[t] = true
	}
	g.addPhrase(t, kindTitle)
	return nil
}

func (g *Gazetteer) addPlace(name string, p *Place) {
	key := normKey(name)
	if key == "" {
		return
	}
	if old := g.places[key]; old != nil && old.Kind != p.Kind {
		// Countries beat states beat cities beat organizations for a
		// shared name; the first loaded kind wins, and files load in that
		// order.
		return
	}
	g.places[key] = p
	g.addPhrase(name, p.Kind)
}

func (g *Gazetteer) addPhrase(text, kind string) {
	toks := nlp.Tokenize(text, 0, len(text))
	if len(toks) == 0 {
		return
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = strings.ToLower(t.Text)
	}
	first := words[0]
	for _, p := range g.phrases[first] {
		if p.kind == kind && equalWords(p.words, words) {
			return
		}
	}
	g.phrases[first] = append(g.phrases[first], phrase{words: words, kind: kind, key: strings.Join(words, " ")})
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sortLongestFirst(list []phrase) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && len(list[j].words) > len(list[j-1].words); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

// normKey is the lookup key of a name: lower case, tokens joined by spaces.
func normKey(name string) string {
	toks := nlp.Tokenize(name, 0, len(name))
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = strings.ToLower(t.Text)
	}
	return strings.Join(words, " ")
}

// Lookup returns what the gazetteer knows of a name.
func (g *Gazetteer) Lookup(name string) *Place { return g.places[normKey(name)] }

// isPeopleNoun reports a plural of nationality: "Russians", "Serbs",
// "Croats" (for "Serbian", "Croatian").
func (g *Gazetteer) isPeopleNoun(lower string) bool {
	if !strings.HasSuffix(lower, "s") || len(lower) < 4 {
		return false
	}
	stem := lower[:len(lower)-1]
	if _, ok := g.demonyms[stem]; ok {
		return true
	}
	for _, suffix := range []string{"ian", "ish", "i", "ese"} {
		if _, ok := g.demonyms[stem+suffix]; ok {
			return true
		}
	}
	return false
}

// isPlace reports a known country, state or city name.
func (g *Gazetteer) isPlace(name string) bool {
	p := g.Lookup(name)
	return p != nil && p.Kind != kindOrg
}

// match is one gazetteer phrase found in a sentence.
type match struct {
	start, end int // token range
	kind       string
	key        string
}

// Match finds known phrases in a sentence's tokens: at each position the
// longest phrase of each kind, where the text is capitalized as a name
// (titles and given names aside, which match in any case).
func (g *Gazetteer) Match(toks []nlp.Token, lower []string) []match {
	var out []match
	for i := range toks {
		for _, p := range g.phrases[lower[i]] {
			n := len(p.words)
			if i+n > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < n; k++ {
				if lower[i+k] != p.words[k] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if p.kind != kindTitle && p.kind != kindNotName && !capitalized(toks[i].Text) {
				continue
			}
			out = append(out, match{start: i, end: i + n, kind: p.kind, key: p.key})
		}
	}
	return out
}

// matchAt returns the known phrases (of places and organizations) that
// start at token i.
func (g *Gazetteer) matchAt(toks []nlp.Token, lower []string, i int) []match {
	var out []match
	for _, p := range g.phrases[lower[i]] {
		switch p.kind {
		case kindCountry, kindState, kindCity, kindOrg:
		default:
			continue
		}
		n := len(p.words)
		if i+n > len(toks) || !equalWords(p.words, lower[i:i+n]) || !capitalized(toks[i].Text) {
			continue
		}
		out = append(out, match{start: i, end: i + n, kind: p.kind, key: p.key})
	}
	return out
}

// Hints turns the sentence's gazetteer matches and word lists into per-token
// features for the entity model.
func (g *Gazetteer) Hints(toks []nlp.Token, lower []string, lex func(string) bool) nlp.Hints {
	hints := make(nlp.Hints, len(toks))
	for _, m := range g.Match(toks, lower) {
		for k := m.start; k < m.end; k++ {
			pos := "I"
			switch {
			case m.end-m.start == 1:
				pos = "U"
			case k == m.start:
				pos = "B"
			case k == m.end-1:
				pos = "L"
			}
			hints[k] = append(hints[k], m.kind+":"+pos)
		}
	}
	for i, t := range toks {
		if g.first[lower[i]] && capitalized(t.Text) {
			hints[i] = append(hints[i], kindFirstName)
		}
		if capitalized(t.Text) && lex != nil && lex(lower[i]) {
			hints[i] = append(hints[i], "lexword")
		}
	}
	return hints
}

// placeType maps a gazetteer kind to an entity type.
func placeType(kind string) string {
	switch kind {
	case kindCountry:
		return newsgraph.Country
	case kindState:
		return newsgraph.State
	case kindCity:
		return newsgraph.City
	case kindOrg:
		return newsgraph.Organization
	}
	return ""
}

// capitalized reports whether a word starts with an upper-case letter.
func capitalized(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}
