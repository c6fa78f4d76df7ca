package extract

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/nlp"
	"github.com/newsgraph/newsgraph/schema"
)

// A relation rule reads one kind of statement out of a sentence. Rules
// live in rules/*.rules files, one per line:
//
//	predicate [confidence]: pattern
//
// The pattern is a sequence of elements, matched left to right against the
// sentence's tokens:
//
//	$S, $O         the subject and object: an entity mention; "$S:PER|ORG"
//	               restricts its type (PER ORG LOC COUNTRY STATE CITY PLACE
//	               GPE LAW EVENT ANY; NAMEDCOUNTRY: a country
//	               named, not a demonym). A slot takes coordinated mentions
//	               too ("Putin and Lvova-Belova" gives two facts). A COUNTRY
//	               slot accepts a capital acting for its country ("Moscow
//	               denied"): a deliberate reading of metonymy.
//	$T             a title ("president", "foreign minister"), with
//	               modifiers such as "former" or "deputy".
//	#O             a literal object: the noun phrase that starts there
//	               ("war crimes").
//	#LAW           a literal object: a noun phrase about a treaty or law
//	               ("a peace treaty", "Sweden's accession protocol").
//	#C             a literal object: the clause that starts there, to the
//	               end of the sentence ("that its forces committed ...").
//	word|other     a word, matched against the token or its lemma
//	               ("issue" matches "issued"); alternatives with |.
//	[word]         an optional word.
//	*              a gap of up to 5 tokens within a clause (no comma, no
//	               other finite verb, no possessive); ** up to 20 tokens
//	               of the same sentence, commas and verbs allowed.
//
// A slot for a person also takes the words that introduce one: "a
// warrant for Russian President Vladimir Putin" fills $O with Putin. A
// slot's mention followed by 's is a possessor, not the head, unless the
// pattern says 's next; "its" and "his" fill a slot only before 's. A slot
// may be followed by a relative clause or apposition (", who met ...,")
// that the pattern skips.
//
// The predicate "@title" emits has_title and the relation the title
// implies (titles.tsv: leader_of, spokesperson_for, works_for, member_of)
// between $S and $O. A negation inside the match ("did not ratify",
// "is not a party to") turns predicate p into not_p.
type Rule struct {
	Name       string // file:line
	Predicate  string
	Confidence float64
	elems      []elem
	anchors    []string // a sentence must hold one of these words
}

type elemKind int

const (
	elemWord elemKind = iota
	elemSlot
	elemTitle
	elemPhrase
	elemClause
	elemGap
)

type elem struct {
	kind     elemKind
	words    []string // elemWord alternatives
	optional bool
	slot     byte            // 'S' or 'O'
	types    map[string]bool // allowed entity types; nil: any
	country  bool            // a COUNTRY slot: capitals stand for countries
	named    bool            // the mention must be a name, not a demonym
	law      bool            // #LAW: the phrase names a treaty or law
	max      int             // elemGap
	commas   bool            // elemGap may cross commas
}

// RuleSet is every rule, indexed by anchor word.
type RuleSet struct {
	rules    []*Rule
	byAnchor map[string][]*Rule
	gaz      *Gazetteer
}

// LoadRules reads rules/*.rules from a data folder.
func LoadRules(fsys fs.FS, gaz *Gazetteer) (*RuleSet, error) {
	files, err := fs.Glob(fsys, "rules/*.rules")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	rs := &RuleSet{byAnchor: map[string][]*Rule{}, gaz: gaz}
	for _, file := range files {
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", file, err)
		}
		for i, text := range strings.Split(string(data), "\n") {
			text = strings.TrimSpace(strings.ReplaceAll(text, "\t", " "))
			if text == "" || strings.HasPrefix(text, "#") {
				continue
			}
			r, err := ParseRule(text)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", file, i+1, err)
			}
			r.Name = fmt.Sprintf("%s:%d", strings.TrimPrefix(file, "rules/"), i+1)
			rs.add(r)
		}
	}
	if len(rs.rules) == 0 {
		return nil, fmt.Errorf("no relation rules in rules/*.rules")
	}
	return rs, nil
}

func (rs *RuleSet) add(r *Rule) {
	rs.rules = append(rs.rules, r)
	for _, a := range r.anchors {
		rs.byAnchor[a] = append(rs.byAnchor[a], r)
	}
	if len(r.anchors) == 0 {
		rs.byAnchor[""] = append(rs.byAnchor[""], r)
	}
}

var slotTypes = map[string][]string{
	"PER":          {newsgraph.Person},
	"ORG":          {newsgraph.Organization},
	"LOC":          {newsgraph.Country, newsgraph.State, newsgraph.City, newsgraph.Place},
	"GPE":          {newsgraph.Country, newsgraph.State, newsgraph.City},
	"NAMEDCOUNTRY": {newsgraph.Country},
	"COUNTRY":      {newsgraph.Country},
	"STATE":        {newsgraph.State},
	"CITY":         {newsgraph.City},
	"PLACE":        {newsgraph.Place},
	"LAW":          {newsgraph.Legislation},
	"EVENT":        {newsgraph.Event},
}

// ParseRule reads one rule line.
func ParseRule(line string) (*Rule, error) {
	head, pattern, ok := strings.Cut(line, ":")
	if !ok {
		return nil, fmt.Errorf("rule %q: want \"predicate [confidence]: pattern\"", line)
	}
	fields := strings.Fields(head)
	if len(fields) == 0 || len(fields) > 2 {
		return nil, fmt.Errorf("rule %q: want \"predicate [confidence]: pattern\"", line)
	}
	r := &Rule{Predicate: fields[0], Confidence: 0.7}
	if r.Predicate != "@title" && !schema.IsPredicate(r.Predicate) {
		return nil, fmt.Errorf("rule %q: unknown predicate %q (see package schema)", line, r.Predicate)
	}
	if len(fields) == 2 {
		c, err := strconv.ParseFloat(fields[1], 64)
		if err != nil || c <= 0 || c > 1 {
			return nil, fmt.Errorf("rule %q: confidence %q is not a number in (0, 1]", line, fields[1])
		}
		r.Confidence = c
	}
	hasS := false
	for _, tok := range strings.Fields(pattern) {
		e, err := parseElem(tok)
		if err != nil {
			return nil, fmt.Errorf("rule %q: %w", line, err)
		}
		if e.kind == elemSlot && e.slot == 'S' {
			hasS = true
		}
		r.elems = append(r.elems, e)
	}
	if !hasS {
		return nil, fmt.Errorf("rule %q: the pattern has no $S", line)
	}
	for _, e := range r.elems {
		if e.kind == elemWord && !e.optional {
			r.anchors = e.words
			break
		}
	}
	return r, nil
}

func parseElem(tok string) (elem, error) {
	switch {
	case tok == "*":
		return elem{kind: elemGap, max: 5}, nil
	case tok == "**":
		return elem{kind: elemGap, max: 20, commas: true}, nil
	case tok == "$T":
		return elem{kind: elemTitle}, nil
	case tok == "#O":
		return elem{kind: elemPhrase, slot: 'O'}, nil
	case tok == "#C":
		return elem{kind: elemClause, slot: 'O'}, nil
	case tok == "#LAW":
		return elem{kind: elemPhrase, slot: 'O', law: true}, nil
	case strings.HasPrefix(tok, "$S") || strings.HasPrefix(tok, "$O"):
		e := elem{kind: elemSlot, slot: tok[1]}
		if spec, ok := strings.CutPrefix(tok[2:], ":"); ok {
			e.types = map[string]bool{}
			for _, t := range strings.Split(spec, "|") {
				if t == "ANY" {
					e.types = nil
					break
				}
				types, ok := slotTypes[t]
				if !ok {
					return e, fmt.Errorf("unknown slot type %q", t)
				}
				if t == "COUNTRY" {
					e.country = true
				}
				if t == "NAMEDCOUNTRY" {
					e.named = true
				}
				for _, x := range types {
					e.types[x] = true
				}
			}
		} else if tok[2:] != "" {
			return e, fmt.Errorf("bad slot %q", tok)
		}
		return e, nil
	case strings.HasPrefix(tok, "[") && strings.HasSuffix(tok, "]"):
		e, err := parseElem(tok[1 : len(tok)-1])
		if e.kind != elemWord {
			return e, fmt.Errorf("only words can be optional: %q", tok)
		}
		e.optional = true
		return e, err
	case strings.ContainsAny(tok, "$#[]"):
		return elem{}, fmt.Errorf("bad element %q", tok)
	}
	return elem{kind: elemWord, words: strings.Split(strings.ToLower(tok), "|")}, nil
}

// slot returns the rule's element for slot 'S' or 'O' (a zero elem when
// the pattern has none).
func (r *Rule) slot(name byte) elem {
	for _, e := range r.elems {
		if e.kind == elemSlot && e.slot == name {
			return e
		}
	}
	return elem{}
}

// titleBeforeSubject reports a pattern with $T before $S.
func (r *Rule) titleBeforeSubject() bool {
	for _, e := range r.elems {
		switch {
		case e.kind == elemTitle:
			return true
		case e.kind == elemSlot && e.slot == 'S':
			return false
		}
	}
	return false
}

// candidates returns the rules whose anchor words occur in the sentence.
func (rs *RuleSet) candidates(s *sentence) []*Rule {
	seen := map[*Rule]bool{}
	var out []*Rule
	add := func(list []*Rule) {
		for _, r := range list {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	add(rs.byAnchor[""])
	for i := range s.lower {
		add(rs.byAnchor[s.lower[i]])
		if s.lemma[i] != s.lower[i] {
			add(rs.byAnchor[s.lemma[i]])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// binding is one way a rule matched.
type binding struct {
	subj, obj  []*mention
	objText    string
	title      string
	start, end int // token range of the match
	anchor     int // the first word the pattern named, or -1
}

// match finds every way rule r matches sentence s.
func (d *doc) match(r *Rule, s *sentence) []binding {
	var out []binding
	var rec func(ei, pos int, b binding)
	rec = func(ei, pos int, b binding) {
		if ei == len(r.elems) {
			b.end = pos
			out = append(out, b)
			return
		}
		e := r.elems[ei]
		switch e.kind {
		case elemWord:
			// Adverbs are transparent between the words of a pattern: "is
			// not a party", "has also signed", "was never ratified".
			if ei > 0 && pos < len(s.Tokens) && !wordMatches(e.words, s, pos) {
				skip := pos
				for skip < len(s.Tokens) && skip < pos+2 && strings.HasPrefix(s.Tokens[skip].Tag, "RB") {
					skip++
				}
				if skip > pos && skip < len(s.Tokens) && wordMatches(e.words, s, skip) {
					pos = skip
				}
			}
			if pos < len(s.Tokens) && wordMatches(e.words, s, pos) {
				nb := b
				// The anchor for negation: the pattern's verb, else its
				// first word.
				if !e.optional && (nb.anchor < 0 || !isVerbTag(s.Tokens[nb.anchor].Tag) && isVerbTag(s.Tokens[pos].Tag)) {
					nb.anchor = pos
				}
				rec(ei+1, pos+1, nb)
			}
			if e.optional {
				rec(ei+1, pos, b)
			}
		case elemGap:
			var after *elem // the slot the gap follows, if any
			if ei > 0 && r.elems[ei-1].kind == elemSlot {
				after = &r.elems[ei-1]
			}
			for n := 0; n <= e.max && pos+n <= len(s.Tokens); n++ {
				if n > 0 && !gapToken(s, pos+n-1, e.commas) {
					break
				}
				// A long gap after the subject is taken only from the
				// subject of the sentence's main clause.
				if n == 0 && e.commas && after != nil && after.slot == 'S' && len(b.subj) > 0 && b.subj[0] != d.mainSubject(s) {
					break
				}
				// The nearest name fills a slot: a gap after a slot does not
				// pass over another name that slot would take ("U.S.
				// President Joe Biden called": Biden, not the U.S.).
				if n > 0 && after != nil && !e.commas {
					if m := s.at[pos+n-1]; m != nil && m.ent != nil && !m.pronoun && !m.adjectival && d.slotAccepts(*after, m) {
						break
					}
				}
				// A short gap ending in a noun before a verb leaves that
				// noun, not the slot before, as the verb's subject: "the
				// White House lawn as their negotiators signed".
				if n > 0 && !e.commas && isCommonNoun(s.Tokens[pos+n-1].Tag) && pos+n < len(s.Tokens) && isVerbTag(s.Tokens[pos+n].Tag) {
					continue
				}
				rec(ei+1, pos+n, b)
			}
		case elemSlot:
			nextIsPossessive := ei+1 < len(r.elems) && r.elems[ei+1].kind == elemWord && r.elems[ei+1].words[0] == "'s"
			for _, c := range d.slotAt(s, pos, e) {
				nb := b
				if e.slot == 'S' {
					nb.subj = c.group
				} else {
					nb.obj = c.group
				}
				last := c.group[len(c.group)-1]
				switch {
				case last.possessive():
					if nextIsPossessive {
						rec(ei+2, c.end, nb) // "its invasion" reads as "X 's invasion"
					}
				case c.end < len(s.Tokens) && s.Tokens[c.end].Tag == "POS" && !nextIsPossessive:
					// A possessor ("Russia's ministry") is not the head.
				case c.end < len(s.Tokens) && isCommonNoun(s.Tokens[c.end].Tag) && !r.nextTakes(ei, s, c.end):
					// A modifier ("a Security Council meeting") is not the head.
				default:
					rec(ei+1, c.end, nb)
				}
			}
		case elemTitle:
			if n, title := d.titleSlot(s, pos); n > 0 {
				b.title = title
				rec(ei+1, pos+n, b)
			}
		case elemClause:
			if n := clauseAt(s, pos); n > 0 {
				b.objText = strings.Trim(d.text[s.Tokens[pos].Start:s.Tokens[pos+n-1].End], " ,")
				rec(ei+1, pos+n, b)
			}
		case elemPhrase:
			if e.law && s.at[skipDeterminer(s, pos)] != nil {
				break // a named or resolved treaty fills $O instead
			}
			if n := phraseAt(s, pos); n > 0 && (!e.law || d.namesLaw(s, pos, pos+n)) {
				b.objText = strings.Trim(d.text[s.Tokens[pos].Start:s.Tokens[pos+n-1].End], " ,")
				rec(ei+1, pos+n, b)
			}
		}
	}
	for start := 0; start < len(s.Tokens); start++ {
		before := len(out)
		rec(0, start, binding{start: start, anchor: -1})
		for k := before; k < len(out); k++ {
			out[k].start = start
		}
	}
	// A coordinated verb phrase shares the sentence's subject: "Russia
	// signed the statute but never ratified it" reads "Russia ... never
	// ratified it" too.
	if len(r.elems) > 1 && r.elems[0].kind == elemSlot && r.elems[0].slot == 'S' {
		subj := d.mainSubject(s)
		if subj == nil || !d.slotAccepts(r.elems[0], subj) {
			return out
		}
		for c := subj.end; c+1 < len(s.Tokens); c++ {
			if (s.lower[c] != "and" && s.lower[c] != "but") || !startsVerbPhrase(s, c+1) {
				continue
			}
			before := len(out)
			rec(1, c+1, binding{subj: []*mention{subj}, anchor: -1})
			for k := before; k < len(out); k++ {
				out[k].start = c
			}
		}
	}
	return out
}

// mainSubject is the first mention followed by a finite verb, perhaps
// after adverbs, an age or a relative clause ("Khan, who has met ...,
// has made ..."): the subject of the sentence's main clause.
func (d *doc) mainSubject(s *sentence) *mention {
	for _, m := range s.mentions {
		if m.ent == nil || m.possessive() || m.adjectival || s.quoted[m.start] {
			continue
		}
		end := m.end
		if end+2 < len(s.Tokens) && s.Tokens[end].Text == "," && s.Tokens[end+1].Tag == "CD" && s.Tokens[end+2].Text == "," {
			end += 2
		}
		if skip := relativeClauseEnd(s, end); skip > end {
			end = skip
		}
		// A name in apposition after its description: "Iran's supreme
		// leader, Ayatollah Ali Khamenei, declared".
		if start := d.titleStart(s, m); end+1 < len(s.Tokens) && s.Tokens[end].Text == "," && start > 0 && s.Tokens[start-1].Text == "," && isFiniteVerb(s.Tokens[end+1].Tag) {
			end++
		}
		for end < len(s.Tokens) && strings.HasPrefix(s.Tokens[end].Tag, "RB") {
			end++
		}
		if end < len(s.Tokens) && isFiniteVerb(s.Tokens[end].Tag) {
			return m
		}
	}
	return nil
}

// titleStart is where a mention starts with the title before it
// ("Ayatollah Ali Khamenei").
func (d *doc) titleStart(s *sentence, m *mention) int {
	for k := max(m.start-3, 0); k < m.start; k++ {
		if n := d.titleAt(s, k, m.start); n > 0 && k+n == m.start {
			return k
		}
	}
	return m.start
}

func isFiniteVerb(tag string) bool {
	switch tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// startsVerbPhrase reports a verb phrase starting at i, perhaps after
// adverbs: "never ratified", "has since withdrawn", "finally withdrew".
func startsVerbPhrase(s *sentence, i int) bool {
	for ; i < len(s.Tokens); i++ {
		switch tag := s.Tokens[i].Tag; {
		case tag == "RB" || tag == "RBR":
			continue
		case strings.HasPrefix(tag, "VB"), tag == "MD":
			return true
		default:
			return false
		}
	}
	return false
}

func wordMatches(words []string, s *sentence, pos int) bool {
	for _, w := range words {
		if s.lower[pos] == w || s.lemma[pos] == w {
			return true
		}
	}
	return false
}

// gapToken reports whether token i may lie inside a gap.
func gapToken(s *sentence, i int, long bool) bool {
	t := s.Tokens[i]
	switch t.Text {
	case ";", ":", "(", ")":
		return false
	case ".", "!", "?":
		return long && i < len(s.Tokens)-1
	case ",", "—", "–", "--":
		return long
	}
	if long {
		return true
	}
	if t.Tag == "POS" || t.Tag == "WDT" || t.Tag == "WP" {
		return false
	}
	switch s.lower[i] {
	case "as", "while", "when", "because", "although", "though", "after", "before", "if", "that", "whether", "unless", "until", "where":
		return false // a subordinate clause starts: its verb is not ours
	case "but":
		return false // another clause
	case "and", "or":
		// Inside a noun phrase ("seizure and unilateral annexation") the
		// gap goes on; between clauses it stops.
		return i > 0 && i+1 < len(s.Tokens) && isNominalTag(s.Tokens[i-1].Tag) && isNominalTag(s.Tokens[i+1].Tag)
	}
	switch t.Tag {
	case "VBD", "VBZ", "VBP":
		// An auxiliary, or a verb taking a "to" complement ("moved on
		// Friday to sanction", "vowed to attack").
		return isAuxiliary(s.lemma[i]) || toComplement(s, i)
	}
	return true
}

// toComplement reports a "to" + verb within a few tokens after token i.
func toComplement(s *sentence, i int) bool {
	for j := i + 1; j < len(s.Tokens) && j <= i+4; j++ {
		if s.lower[j] == "to" && j+1 < len(s.Tokens) && s.Tokens[j+1].Tag == "VB" {
			return true
		}
		if s.Tokens[j].Text == "," {
			return false
		}
	}
	return false
}

func isCommonNoun(tag string) bool { return tag == "NN" || tag == "NNS" }

func isNominalTag(tag string) bool {
	return tag == "NN" || tag == "NNS" || strings.HasPrefix(tag, "JJ")
}

func isVerbTag(tag string) bool { return strings.HasPrefix(tag, "VB") || tag == "MD" }

// nextTakes reports whether the element after element ei reads the token
// at pos (a title, or a word the pattern names), so that a noun there
// belongs to the pattern.
func (r *Rule) nextTakes(ei int, s *sentence, pos int) bool {
	if ei+1 >= len(r.elems) {
		return false
	}
	switch e := r.elems[ei+1]; e.kind {
	case elemTitle:
		return true
	case elemWord:
		return wordMatches(e.words, s, pos)
	case elemGap:
		// A gap, then a word the pattern names among the next few.
		if ei+2 < len(r.elems) && r.elems[ei+2].kind == elemWord {
			for k := pos; k < len(s.Tokens) && k <= pos+e.max; k++ {
				if wordMatches(r.elems[ei+2].words, s, k) {
					return true
				}
			}
		}
	}
	return false
}

func isAuxiliary(lemma string) bool {
	switch lemma {
	case "be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should", "must":
		return true
	}
	return false
}

// slotFill is one way a slot can be filled: the mentions, and the token
// where the pattern goes on.
type slotFill struct {
	group []*mention
	end   int
}

// slotAt returns the ways a slot can be filled at pos: a coordinated
// group ("Putin and Lvova-Belova") first, then the single mention; each
// also with a relative clause or apposition after it skipped.
func (d *doc) slotAt(s *sentence, pos int, e elem) []slotFill {
	if pos >= len(s.Tokens) {
		return nil
	}
	p := d.skipPremodifiers(s, pos, e)
	m := s.at[p]
	if m == nil || !d.slotAccepts(e, m) || (p > skipDeterminer(s, pos) && m.ent.typ != newsgraph.Person) {
		// The name in a compound modifier, which skipDeterminer passes
		// over, is what a slot just before the hyphenated word names
		// (the $O of "$O -based $S" in "Seattle-based Amazon").
		m = s.at[min(skipArticle(s, pos), len(s.Tokens))]
		if m == nil || m.end >= len(s.Tokens) || !strings.HasPrefix(s.Tokens[m.end].Text, "-") || !d.slotAccepts(e, m) {
			return nil
		}
	}
	group := []*mention{m}
	end := m.end
	for end < len(s.Tokens) && !m.possessive() {
		k := end
		if s.Tokens[k].Text == "," {
			k++
		}
		if k < len(s.Tokens) && (s.lower[k] == "and" || s.lower[k] == "or" || s.lower[k] == "nor") {
			k++
		} else if k == end {
			break
		}
		if k >= len(s.Tokens) {
			break
		}
		k = d.skipPremodifiers(s, k, e)
		next := s.at[k]
		if next == nil || !d.slotAccepts(e, next) || next.possessive() {
			break
		}
		if next.ent.typ != m.ent.typ && !(actorLike(next.ent.typ) && actorLike(m.ent.typ)) {
			break
		}
		group = append(group, next)
		end = next.end
	}
	var out []slotFill
	add := func(g []*mention, end int) {
		out = append(out, slotFill{g, end})
		// ", 66," after a name: an age, which the pattern may skip.
		// The pattern reads on at its closing comma (", 66, a Hartford
		// native") or after it (", 52, is currently").
		if end+2 < len(s.Tokens) && s.Tokens[end].Text == "," && s.Tokens[end+1].Tag == "CD" && s.Tokens[end+2].Text == "," {
			out = append(out, slotFill{g, end + 2}, slotFill{g, end + 3})
			end += 2
		}
		if skip := relativeClauseEnd(s, end); skip > end {
			out = append(out, slotFill{g, skip})
		}
		// ", which is not a member": the relative pronoun stands for the
		// slot's mention, and the pattern reads on after it.
		if end+1 < len(s.Tokens) && s.Tokens[end].Text == "," && (s.lower[end+1] == "which" || s.lower[end+1] == "who") {
			out = append(out, slotFill{g, end + 2})
		}
	}
	// "of" after a group belongs to its last member: in "the IRS and
	// Manufacturers Hanover Trust Co. of New York" only the bank is of
	// New York.
	if len(group) > 1 && !(end < len(s.Tokens) && s.lower[end] == "of") {
		add(group, end)
	}
	add(group[:1], m.end)
	return out
}

// actorLike reports the types that coordinate in one slot: places with
// places, and countries with organizations ("The European Union, Britain
// and the United States moved to sanction").
func actorLike(t string) bool {
	return newsgraph.IsLocation(t) || t == newsgraph.Organization
}

// skipPremodifiers moves past the words that introduce a person in a
// person slot: a determiner, a possessor ("Ukraine's"), a demonym
// ("Russian"), a title ("President"). Other slots skip a determiner only.
func (d *doc) skipPremodifiers(s *sentence, pos int, e elem) int {
	start := skipDeterminer(s, pos)
	if e.types != nil && !e.types[newsgraph.Person] {
		return start
	}
	p := start
	if m := s.at[min(p, len(s.Tokens))]; m != nil && m.ent != nil && m.ent.typ != newsgraph.Person && m.end < len(s.Tokens) && s.Tokens[m.end].Tag == "POS" {
		p = m.end + 1
	}
	if m := s.at[min(p, len(s.Tokens))]; m != nil && m.demonym {
		p = m.end
	}
	if p < len(s.Tokens) {
		if n, _ := d.titleSlot(s, p); n > 0 {
			p += n
		}
	}
	// The words skipped must lead to a person; else the slot starts where
	// it was.
	if p >= len(s.Tokens) || s.at[p] == nil || s.at[p].ent == nil || s.at[p].ent.typ != newsgraph.Person {
		return start
	}
	return p
}

// skipArticle moves past "the", "a" or "an" when no mention starts there.
func skipArticle(s *sentence, pos int) int {
	if pos < len(s.Tokens) && (s.lower[pos] == "the" || s.lower[pos] == "a" || s.lower[pos] == "an") && s.at[pos] == nil {
		pos++
	}
	return pos
}

// skipDeterminer moves past an article (skipArticle) and past a name in a
// compound modifier.
func skipDeterminer(s *sentence, pos int) int {
	pos = skipArticle(s, pos)
	// A name in a compound modifier ("the Hartford-based company") is not
	// what the slot names: the description after it is.
	if m := s.at[min(pos, len(s.Tokens))]; m != nil && m.end < len(s.Tokens) && strings.HasPrefix(s.Tokens[m.end].Text, "-") && s.at[m.end+1] != nil {
		pos = m.end + 1
	}
	return pos
}

// relativeClauseEnd returns the token after a relative clause or
// apposition that starts at pos (", who has met X several times,"), or
// pos when there is none.
func relativeClauseEnd(s *sentence, pos int) int {
	if pos+1 >= len(s.Tokens) || s.Tokens[pos].Text != "," {
		return pos
	}
	switch s.lower[pos+1] {
	case "who", "which", "whose", "whom", "a", "an", "the", "its", "his", "her", "their", "himself", "herself":
	default:
		// ", meanwhile ,", ", however ,": an adverb set off by commas.
		if pos+2 < len(s.Tokens) && s.Tokens[pos+2].Text == "," && strings.HasPrefix(s.Tokens[pos+1].Tag, "RB") {
			return pos + 3
		}
		// ", chief of the presidential staff ,": an apposition that is a
		// title; ", Russia's commissioner for children's rights ,": one
		// with a possessor.
		possessor := pos+3 < len(s.Tokens) && capitalized(s.Tokens[pos+1].Text) && (s.Tokens[pos+2].Tag == "POS" || pos+4 < len(s.Tokens) && s.Tokens[pos+3].Tag == "POS")
		if !titleStarters[s.lower[pos+1]] && !possessor {
			return pos
		}
	}
	for k := pos + 2; k < len(s.Tokens) && k <= pos+25; k++ {
		switch s.Tokens[k].Text {
		case ",":
			return k + 1
		case ";", ":", ".", "(", ")":
			return pos
		}
	}
	return pos
}

func (d *doc) slotAccepts(e elem, m *mention) bool {
	if m.ent == nil || e.named && m.demonym {
		return false
	}
	if e.types == nil || e.types[m.ent.typ] {
		return true
	}
	// A capital acting as its government: "Moscow has denied".
	return e.country && m.ent.typ == newsgraph.City && d.x.gaz.capitals[strings.ToLower(m.ent.name(d))] != ""
}

// titleSlot reads a title with its modifiers at pos.
func (d *doc) titleSlot(s *sentence, pos int) (int, string) {
	for k := max(pos-3, 0); k < pos; k++ {
		if n := d.titleAt(s, k, len(s.Tokens)); n > 0 && k+n > pos && !isHonorific(s.lower[k]) {
			return 0, "" // inside a longer title: "General" of "Prosecutor General"
		}
	}
	i, from := pos, -1
	for i < len(s.Tokens) && titleModifiers[s.lower[i]] {
		if postModifiers[s.lower[i]] && from < 0 {
			from = i // "deputy commander", "former president"
		} else if !postModifiers[s.lower[i]] {
			from = -1 // "the then deputy", "its new"
		}
		i++
	}
	if i >= len(s.Tokens) {
		return 0, ""
	}
	n := d.titleAt(s, i, len(s.Tokens))
	// Up to two lower-case words describing the post: "national security
	// adviser", "executive vice president", "technology adviser".
	for k := i; n == 0 && k < i+2 && k+1 < len(s.Tokens) && isPostWord(s.Tokens[k]); k++ {
		if m := d.titleAt(s, k+1, len(s.Tokens)); m > 0 && !isHonorific(s.lower[k+1]) {
			n = k + 1 + m - i
		}
	}
	if n == 0 || isHonorific(s.lower[i]) {
		return 0, ""
	}
	if from < 0 {
		from = i
	}
	return i + n - pos, strings.Join(s.lower[from:i+n], " ")
}

// isPostWord reports a lower-case noun or adjective that may describe a
// post before its title.
func isPostWord(t nlp.Token) bool {
	return (strings.HasPrefix(t.Tag, "JJ") || t.Tag == "NN") && t.Text != "" && !capitalized(t.Text)
}

// titleStarters begin appositions that name a role: "X, chief of staff,".
var titleStarters = map[string]bool{
	"chief": true, "head": true, "president": true, "chairman": true, "director": true, "leader": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "minister": true, "secretary": true,
	"former": true, "deputy": true, "acting": true, "prosecutor": true, "ambassador": true, "governor": true,
	"mayor": true, "founder": true, "editor": true, "commissioner": true, "general": true, "senator": true,
}

var titleModifiers = map[string]bool{
	"former": true, "acting": true, "deputy": true, "vice": true, "senior": true, "top": true,
	"interim": true, "assistant": true, "associate": true, "then": true, "longtime": true,
	"current": true, "outgoing": true, "incoming": true, "new": true, "newly": true, "appointed": true,
}

// postModifiers change the post a title names and stay in it.
var postModifiers = map[string]bool{
	"former": true, "acting": true, "deputy": true, "vice": true, "senior": true,
	"interim": true, "assistant": true, "associate": true,
}

// clauseAt returns the length of the clause starting at pos: the rest of
// the sentence, without its final punctuation and a leading "that".
func clauseAt(s *sentence, pos int) int {
	if pos < len(s.Tokens) && s.lower[pos] == "that" {
		return 0 // the caller's pattern writes [that] before #C
	}
	end := len(s.Tokens)
	for end > pos && (s.Tokens[end-1].Tag == "." || isQuoteMark(s.Tokens[end-1].Text)) {
		end--
	}
	for k := pos; k < end; k++ {
		if s.Tokens[k].Text == ";" {
			end = k
		}
	}
	if end-pos < 2 {
		return 0
	}
	return end - pos
}

// listGoesOn reports a comma inside a list of noun phrases: a noun phrase
// follows, and an "and" or "or" comes before the next verb.
func listGoesOn(s *sentence, comma int) bool {
	next := s.Tokens[comma+1].Tag
	if !strings.HasPrefix(next, "NN") && !strings.HasPrefix(next, "JJ") && next != "VBG" {
		return false
	}
	for k := comma + 1; k < len(s.Tokens); k++ {
		switch {
		case s.lower[k] == "and" || s.lower[k] == "or":
			return true
		case isVerbTag(s.Tokens[k].Tag) && s.Tokens[k].Tag != "VBG" && s.Tokens[k].Tag != "VBN", s.Tokens[k].Text == ".", s.Tokens[k].Text == ";":
			return false
		}
	}
	return false
}

// namesLaw reports a phrase whose words include a treaty or law head
// ("treaty", "protocol", "accord").
func (d *doc) namesLaw(s *sentence, start, end int) bool {
	for k := start; k < end; k++ {
		if d.x.gaz.heads[s.lower[k]] == newsgraph.Legislation {
			return true
		}
	}
	return false
}

// phraseAt returns the length of the noun phrase starting at pos: words
// tagged as determiners, adjectives, nouns, numbers, participles and
// possessives, joined by "of", "and" or "against".
func phraseAt(s *sentence, pos int) int {
	n := 0
	for i := pos; i < len(s.Tokens) && i-pos < 14; i++ {
		t := s.Tokens[i]
		nextNoun := i+1 < len(s.Tokens) && (strings.HasPrefix(s.Tokens[i+1].Tag, "NN") || strings.HasPrefix(s.Tokens[i+1].Tag, "JJ"))
		switch {
		case strings.HasPrefix(t.Tag, "NN"), strings.HasPrefix(t.Tag, "JJ"), t.Tag == "DT" && (i == pos || s.Tokens[i-1].Tag == "VBG"),
			t.Tag == "CD", t.Tag == "PRP$", t.Tag == "POS", t.Tag == "VBG" && (i == pos || nextNoun), t.Tag == "VBN" && i > pos && nextNoun:
			n = i - pos + 1
		case (t.Tag == "``" || t.Tag == "''") && i > pos:
			continue // a scare-quoted word inside the phrase
		case t.Text == "," && i > pos && i+1 < len(s.Tokens) && listGoesOn(s, i):
			continue // "drug trafficking, money laundering and conspiracy"
		case (s.lower[i] == "of" || s.lower[i] == "and" || s.lower[i] == "against" || s.lower[i] == "in" ||
			s.lower[i] == "for" && strings.HasPrefix(s.Tokens[i-1].Tag, "JJ")) && i > pos && i+1 < len(s.Tokens) &&
			(strings.HasPrefix(s.Tokens[i+1].Tag, "NN") || strings.HasPrefix(s.Tokens[i+1].Tag, "JJ") || s.Tokens[i+1].Tag == "DT" || s.Tokens[i+1].Tag == "VBG"):
			continue
		default:
			return n
		}
	}
	return n
}
