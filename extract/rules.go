package extract

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
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
//	               GPE LAW EVENT ANY). A slot takes coordinated mentions
//	               too ("Putin and Lvova-Belova" gives two facts). A COUNTRY
//	               slot accepts a capital acting for its country ("Moscow
//	               denied"): a deliberate reading of metonymy.
//	$T             a title ("president", "foreign minister"), with
//	               modifiers such as "former" or "deputy".
//	#O             a literal object: the noun phrase that starts there
//	               ("war crimes"), or the quoted words.
//	word|other     a word, matched against the token or its lemma
//	               ("issue" matches "issued"); alternatives with |.
//	[word]         an optional word.
//	*              a gap of up to 5 tokens within a clause (no comma, no
//	               other finite verb); ** up to 12 tokens, commas allowed.
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
	elemGap
)

type elem struct {
	kind     elemKind
	words    []string // elemWord alternatives
	optional bool
	slot     byte            // 'S' or 'O'
	types    map[string]bool // allowed entity types; nil: any
	country  bool            // a COUNTRY slot: capitals stand for countries
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
		line := 0
		err := eachLine(fsys, file, func(cols []string) error {
			line++
			r, err := ParseRule(strings.Join(cols, " "))
			if err != nil {
				return err
			}
			r.Name = fmt.Sprintf("%s:%d", strings.TrimPrefix(file, "rules/"), line)
			rs.add(r)
			return nil
		})
		if err != nil {
			return nil, err
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
	"PER":     {newsgraph.Person},
	"ORG":     {newsgraph.Organization},
	"LOC":     {newsgraph.Country, newsgraph.State, newsgraph.City, newsgraph.Place},
	"GPE":     {newsgraph.Country, newsgraph.State, newsgraph.City},
	"COUNTRY": {newsgraph.Country},
	"STATE":   {newsgraph.State},
	"CITY":    {newsgraph.City},
	"PLACE":   {newsgraph.Place},
	"LAW":     {newsgraph.Legislation},
	"EVENT":   {newsgraph.Event},
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
		return elem{kind: elemGap, max: 12, commas: true}, nil
	case tok == "$T":
		return elem{kind: elemTitle}, nil
	case tok == "#O":
		return elem{kind: elemPhrase, slot: 'O'}, nil
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
	subj, obj   []*mention
	objText     string
	title       string
	start, end  int // token range of the match
	countrySubj bool
	countryObj  bool
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
			if pos < len(s.Tokens) && wordMatches(e.words, s, pos) {
				rec(ei+1, pos+1, b)
			}
			if e.optional {
				rec(ei+1, pos, b)
			}
		case elemGap:
			for n := 0; n <= e.max && pos+n <= len(s.Tokens); n++ {
				if n > 0 && !gapToken(s, pos+n-1, e.commas) {
					break
				}
				rec(ei+1, pos+n, b)
			}
		case elemSlot:
			for _, group := range d.slotAt(s, pos, e) {
				nb := b
				if e.slot == 'S' {
					nb.subj = group
				} else {
					nb.obj = group
				}
				rec(ei+1, group[len(group)-1].end, nb)
			}
		case elemTitle:
			if n, title := d.titleSlot(s, pos); n > 0 {
				b.title = title
				rec(ei+1, pos+n, b)
			}
		case elemPhrase:
			if n := phraseAt(s, pos); n > 0 {
				b.objText = strings.Trim(d.text[s.Tokens[pos].Start:s.Tokens[pos+n-1].End], " ,")
				rec(ei+1, pos+n, b)
			}
		}
	}
	for start := 0; start < len(s.Tokens); start++ {
		before := len(out)
		rec(0, start, binding{start: start})
		for k := before; k < len(out); k++ {
			out[k].start = start
		}
	}
	return out
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
func gapToken(s *sentence, i int, commas bool) bool {
	t := s.Tokens[i]
	switch t.Text {
	case ";", ":", ".", "!", "?", "(", ")":
		return false
	case ",", "—", "–", "--":
		return commas
	}
	if s.quoted[i] != s.quoted[max(i-1, 0)] {
		return commas
	}
	switch t.Tag {
	case "VBD", "VBZ", "VBP":
		return isAuxiliary(s.lemma[i])
	}
	return true
}

func isAuxiliary(lemma string) bool {
	switch lemma {
	case "be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should", "must":
		return true
	}
	return false
}

// slotAt returns the mention groups a slot can take at pos: a coordinated
// group ("Putin and Lvova-Belova") first, then the single mention.
func (d *doc) slotAt(s *sentence, pos int, e elem) [][]*mention {
	if pos >= len(s.Tokens) {
		return nil
	}
	m := s.at[pos]
	if m == nil || !d.slotAccepts(e, m) {
		return nil
	}
	group := []*mention{m}
	end := m.end
	for end < len(s.Tokens) {
		k := end
		if s.Tokens[k].Text == "," {
			k++
		}
		if k < len(s.Tokens) && (s.lower[k] == "and" || s.lower[k] == "or") {
			k++
		} else if k == end {
			break
		}
		if k >= len(s.Tokens) || s.at[k] == nil || !d.slotAccepts(e, s.at[k]) {
			break
		}
		next := s.at[k]
		if next.ent.typ != m.ent.typ && !(newsgraph.IsLocation(next.ent.typ) && newsgraph.IsLocation(m.ent.typ)) {
			break
		}
		group = append(group, next)
		end = next.end
	}
	if len(group) > 1 {
		return [][]*mention{group, {m}}
	}
	return [][]*mention{group}
}

func (d *doc) slotAccepts(e elem, m *mention) bool {
	if m.ent == nil {
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
	i := pos
	for i < len(s.Tokens) && titleModifiers[s.lower[i]] {
		i++
	}
	if i >= len(s.Tokens) {
		return 0, ""
	}
	n := d.titleAt(s, i, len(s.Tokens))
	if n == 0 || isHonorific(s.lower[i]) {
		return 0, ""
	}
	return i + n - pos, strings.Join(s.lower[i:i+n], " ")
}

var titleModifiers = map[string]bool{
	"former": true, "acting": true, "deputy": true, "vice": true, "senior": true, "top": true,
	"interim": true, "assistant": true, "associate": true, "then": true, "longtime": true,
	"current": true, "outgoing": true, "incoming": true, "new": true, "newly": true, "appointed": true,
}

// phraseAt returns the length of the noun phrase starting at pos: words
// tagged as determiners, adjectives, nouns, numbers, participles and
// possessives, joined by "of", "and" or "against".
func phraseAt(s *sentence, pos int) int {
	n := 0
	for i := pos; i < len(s.Tokens) && i-pos < 14; i++ {
		t := s.Tokens[i]
		switch {
		case strings.HasPrefix(t.Tag, "NN"), strings.HasPrefix(t.Tag, "JJ"), t.Tag == "DT" && i == pos,
			t.Tag == "CD", t.Tag == "PRP$", t.Tag == "POS", t.Tag == "VBG", t.Tag == "VBN" && i > pos:
			n = i - pos + 1
		case (s.lower[i] == "of" || s.lower[i] == "and" || s.lower[i] == "against" || s.lower[i] == "in") && i > pos && i+1 < len(s.Tokens) &&
			(strings.HasPrefix(s.Tokens[i+1].Tag, "NN") || strings.HasPrefix(s.Tokens[i+1].Tag, "JJ") || s.Tokens[i+1].Tag == "DT" || s.Tokens[i+1].Tag == "VBG"):
			continue
		default:
			return n
		}
	}
	return n
}
