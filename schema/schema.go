// Package schema is newsgraph's vocabulary: the namespaces and IRIs of
// entities, articles and statements, the entity types (schema.org), and the
// predicates that relate entities, each with a label and a comment. The
// extractor names predicates by their local names; the graph package turns
// them into IRIs with this package.
package schema

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"
)

// Namespaces.
const (
	Base      = "https://newsgraph.dev/"
	NS        = Base + "ns#"      // predicates and classes of our own
	EntityNS  = Base + "entity/"  // one IRI per real-world entity
	ArticleNS = Base + "article/" // one IRI per article; also the quads' label
	FactNS    = Base + "fact/"    // one IRI per extracted statement (its evidence)
	SchemaNS  = "http://schema.org/"
	RDF       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS      = "http://www.w3.org/2000/01/rdf-schema#"
	XSD       = "http://www.w3.org/2001/XMLSchema#"
	// VocabularyGraph labels the quads that describe the vocabulary itself.
	VocabularyGraph = Base + "vocabulary"
)

func init() {
	voc.RegisterPrefix("ng:", NS)
	voc.RegisterPrefix("ent:", EntityNS)
	voc.RegisterPrefix("art:", ArticleNS)
	voc.RegisterPrefix("fact:", FactNS)
}

// Well-known IRIs.
var (
	Type          = quad.IRI(RDF + "type")
	Subject       = quad.IRI(RDF + "subject")
	Predicate     = quad.IRI(RDF + "predicate")
	Object        = quad.IRI(RDF + "object")
	Statement     = quad.IRI(RDF + "Statement")
	Property      = quad.IRI(RDF + "Property")
	Label         = quad.IRI(RDFS + "label")
	Comment       = quad.IRI(RDFS + "comment")
	Class         = quad.IRI(RDFS + "Class")
	Name          = quad.IRI(SchemaNS + "name")
	AlternateName = quad.IRI(SchemaNS + "alternateName")
	NewsArticle   = quad.IRI(SchemaNS + "NewsArticle")
	Identifier    = quad.IRI(SchemaNS + "identifier")
	Headline      = quad.IRI(SchemaNS + "headline")
	DatePublished = quad.IRI(SchemaNS + "datePublished")
	URL           = quad.IRI(SchemaNS + "url")
	Publisher     = quad.IRI(SchemaNS + "publisher")

	TextHash    = quad.IRI(NS + "textHash")
	MentionedIn = quad.IRI(NS + "mentionedIn")
	Evidence    = quad.IRI(NS + "evidence")
	Confidence  = quad.IRI(NS + "confidence")
	Start       = quad.IRI(NS + "start")
	End         = quad.IRI(NS + "end")
	Rule        = quad.IRI(NS + "rule")
	Date        = quad.IRI(NS + "date")
	Article     = quad.IRI(NS + "article")
	Sentences   = quad.IRI(NS + "sentences")
)

// Term is one word of the vocabulary with its human description.
type Term struct {
	Name    string // local name: "works_for", or "Person" for a type
	Label   string
	Comment string
	Core    bool // in the core vocabulary the evaluation reads
}

// IRI of the term: schema.org for types, ours for predicates.
func (t Term) IRI() quad.IRI {
	if isTypeName(t.Name) {
		return TypeIRI(t.Name)
	}
	return PredicateIRI(t.Name)
}

func isTypeName(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// Types are the entity classes, from schema.org.
var Types = []Term{
	{Name: "Person", Label: "person", Comment: "A person, living or dead."},
	{Name: "Organization", Label: "organization", Comment: "A company, court, ministry, party, agency or other body."},
	{Name: "Country", Label: "country", Comment: "A sovereign state."},
	{Name: "State", Label: "state or province", Comment: "A first-level part of a country: a state, province or region."},
	{Name: "City", Label: "city", Comment: "A city, town or village."},
	{Name: "Place", Label: "place", Comment: "Any location; every country, state and city is also a Place."},
	{Name: "Legislation", Label: "treaty or law", Comment: "A treaty, statute, convention, act or resolution."},
	{Name: "Event", Label: "event", Comment: "A named event: a war, summit, election."},
	{Name: "NewsArticle", Label: "news article", Comment: "An article the graph was read from; every quad drawn from it carries its IRI as label."},
}

// Predicates relate an entity to another entity or to a literal.
var Predicates = []Term{
	{"issued_arrest_warrant_for", "issued arrest warrant for", "A court or authority issued a warrant for the person's arrest.", true},
	{"charged_with", "charged with", "The person is charged with a crime (object: the charge as text).", true},
	{"accused_of", "accused of", "The subject is accused of a wrongdoing (object: the wrongdoing as text).", true},
	{"suspected_of", "suspected of", "The subject is suspected of a crime (object: the crime as text).", true},
	{"accused", "accused", "The subject publicly accused the object of wrongdoing.", true},
	{"convicted_of", "convicted of", "The person was convicted of a crime.", true},
	{"sentenced_to", "sentenced to", "The person was sentenced to a penalty.", true},
	{"arrested", "arrested", "The subject (police, authority) arrested the object.", true},
	{"extradited_to", "extradited to", "The person was extradited to a country.", true},
	{"leader_of", "leader of", "The person leads the organization or country (president, chief, chairman, head).", true},
	{"works_for", "works for", "The person works for, serves or holds office in the organization or country.", true},
	{"spokesperson_for", "spokesperson for", "The person speaks for the organization, government or person.", true},
	{"member_of", "member of", "The subject is a member of the organization.", true},
	{"has_title", "has title", "The person's title or role, as text (\"president\", \"prosecutor general\").", true},
	{"nationality", "nationality", "The person is a national of the country.", true},
	{"lives_in", "lives in", "The person lives in, or comes from, the place.", true},
	{"born_in", "born in", "The person was born in the place.", true},
	{"based_in", "based in", "The organization is based or headquartered in the place.", true},
	{"located_in", "located in", "The place or facility lies within the other place.", true},
	{"signed", "signed", "The party signed the treaty or agreement.", true},
	{"ratified", "ratified", "The party ratified the treaty.", true},
	{"not_ratified", "did not ratify", "The party has not ratified the treaty.", true},
	{"withdrew_signature", "withdrew signature", "The party withdrew its signature from the treaty.", true},
	{"party_to", "party to", "The country is a party to the treaty or a member state of the court.", true},
	{"not_party_to", "not party to", "The country is not a party to the treaty or court.", true},
	{"not_member_of", "not member of", "The subject is not a member of the organization.", true},
	{"granted_jurisdiction_to", "granted jurisdiction to", "The country granted the court jurisdiction over its territory.", true},
	{"accepts_jurisdiction_of", "accepts jurisdiction of", "The country accepts the court's jurisdiction.", true},
	{"rejects_jurisdiction_of", "rejects jurisdiction of", "The subject does not recognize the court's jurisdiction.", true},
	{"invaded", "invaded", "The subject invaded the country.", true},
	{"annexed", "annexed", "The country annexed the territory.", true},
	{"attacked", "attacked", "The subject attacked the object.", true},
	{"killed", "killed", "The subject killed the person.", true},
	{"sanctioned", "sanctioned", "The subject imposed sanctions on the object.", true},
	{"opened_investigation_into", "opened investigation into", "The subject opened an investigation (object: what, as text or entity).", true},
	{"visited", "visited", "The person visited the place or the other person.", true},
	{"will_visit", "will visit", "The person is expected to visit.", true},
	{"met_with", "met with", "The person met the other person.", true},
	{"denied", "denied", "The subject denied the accusation (object: what, as text).", true},
	{"welcomed", "welcomed", "The subject welcomed the decision or action (object: what, as text).", true},
	{"condemned", "condemned", "The subject condemned the object.", true},
	{"said", "said", "The speaker said the quoted words (object: the quote, as text).", true},
	{"reported", "reported", "The source reported the finding (object: what, as text).", true},
	{"plans_to_visit", "plans to visit", "The person plans to visit the place.", false},
	{"appointed", "appointed", "The subject appointed the person to a post.", false},
	{"supports", "supports", "The subject expressed support for the object.", false},
	{"founded", "founded", "The person founded the organization.", false},
	{"part_of", "part of", "The organization is part of another organization.", false},
	{"capital_of", "capital of", "The city is the capital of the country.", false},
}

// Aux are the bookkeeping predicates: article metadata, evidence, names.
var Aux = []Term{
	{Name: "textHash", Label: "text hash", Comment: "Hash of the article's content; a rebuild skips articles whose hash is unchanged."},
	{Name: "mentionedIn", Label: "mentioned in", Comment: "The entity is named in the article."},
	{Name: "evidence", Label: "evidence", Comment: "The sentence a statement was read from."},
	{Name: "confidence", Label: "confidence", Comment: "The extractor's confidence in a statement, 0 to 1."},
	{Name: "start", Label: "start offset", Comment: "Byte offset of the evidence sentence in the article text."},
	{Name: "end", Label: "end offset", Comment: "Byte offset just past the evidence sentence."},
	{Name: "rule", Label: "rule", Comment: "The extraction rule that produced the statement."},
	{Name: "date", Label: "date", Comment: "The date the statement refers to, resolved against the article's date."},
	{Name: "article", Label: "article", Comment: "The article a statement was read from."},
	{Name: "sentences", Label: "sentences", Comment: "Number of sentences read from the article."},
}

var byName = func() map[string]Term {
	m := make(map[string]Term)
	for _, list := range [][]Term{Types, Predicates, Aux} {
		for _, t := range list {
			m[t.Name] = t
		}
	}
	return m
}()

// Lookup returns the term with the given local name. Negations of
// predicates ("not_visited") are terms too, derived from the positive one.
func Lookup(name string) (Term, bool) {
	if t, ok := byName[name]; ok {
		return t, true
	}
	if pos, ok := strings.CutPrefix(name, "not_"); ok {
		if t, ok := byName[pos]; ok && !isTypeName(pos) {
			return Term{Name: name, Label: "not " + t.Label, Comment: "Negation: it is stated that not (" + t.Comment + ")"}, true
		}
	}
	return Term{}, false
}

// negations name the predicate that states a predicate's negation, where
// the vocabulary has a word of its own for it.
var negations = map[string]string{
	"accepts_jurisdiction_of": "rejects_jurisdiction_of",
	"rejects_jurisdiction_of": "accepts_jurisdiction_of",
	"party_to":                "not_party_to",
	"member_of":               "not_member_of",
	"ratified":                "not_ratified",
}

// Negate returns the predicate stating the negation of p: its own word
// where the vocabulary has one (accepts_jurisdiction_of ->
// rejects_jurisdiction_of), else "not_p" (and p for "not_p").
func Negate(p string) string {
	if n, ok := negations[p]; ok {
		return n
	}
	for pos, neg := range negations {
		if neg == p && strings.HasPrefix(neg, "not_") {
			return pos
		}
	}
	if pos, ok := strings.CutPrefix(p, "not_"); ok {
		return pos
	}
	return "not_" + p
}

// IsPredicate reports whether name is a relation predicate of the vocabulary.
func IsPredicate(name string) bool {
	t, ok := Lookup(name)
	return ok && !isTypeName(t.Name) && !isAux(name)
}

func isAux(name string) bool {
	for _, t := range Aux {
		if t.Name == name {
			return true
		}
	}
	return false
}

// PredicateIRI is the IRI of a predicate local name.
func PredicateIRI(name string) quad.IRI { return quad.IRI(NS + name) }

// TypeIRI is the IRI of an entity type local name.
func TypeIRI(name string) quad.IRI { return quad.IRI(SchemaNS + name) }

// LocalName is the part of an IRI after its namespace ("works_for").
func LocalName(iri quad.IRI) string {
	s := string(iri)
	if i := strings.LastIndexAny(s, "/#"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// EntityIRI is the IRI of an entity identifier ("Vladimir_Putin").
func EntityIRI(id string) quad.IRI { return quad.IRI(EntityNS + escape(id)) }

// ArticleIRI is the IRI of an article id; it labels every quad of the article.
func ArticleIRI(id string) quad.IRI { return quad.IRI(ArticleNS + escape(id)) }

// FactIRI is the IRI of one statement's evidence node.
func FactIRI(id string) quad.IRI { return quad.IRI(FactNS + id) }

// ArticleID is the inverse of ArticleIRI.
func ArticleID(iri quad.IRI) (string, bool) {
	s, ok := strings.CutPrefix(string(iri), ArticleNS)
	if !ok {
		return "", false
	}
	id, err := url.PathUnescape(s)
	if err != nil {
		return s, true
	}
	return id, true
}

// escape keeps an identifier readable in an IRI: letters of any script stay,
// spaces become underscores, and characters that IRIs forbid (or that would
// end the path) are percent-encoded.
func escape(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r == ' ':
			b.WriteByte('_')
		case r <= 0x20 || r == 0x7f || strings.ContainsRune("<>\"{}|^`\\%#?/", r):
			for _, c := range []byte(string(r)) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Vocabulary returns quads that describe every type and predicate (label and
// comment), labelled with VocabularyGraph, so the graph documents itself.
func Vocabulary() []quad.Quad {
	g := quad.IRI(VocabularyGraph)
	var out []quad.Quad
	add := func(t Term, class quad.IRI) {
		iri := t.IRI()
		out = append(out,
			quad.Quad{Subject: iri, Predicate: Type, Object: class, Label: g},
			quad.Quad{Subject: iri, Predicate: Label, Object: quad.String(t.Label), Label: g},
			quad.Quad{Subject: iri, Predicate: Comment, Object: quad.String(t.Comment), Label: g},
		)
	}
	for _, t := range Types {
		add(t, Class)
	}
	for _, t := range Predicates {
		add(t, Property)
	}
	for _, t := range Aux {
		add(Term{Name: t.Name, Label: t.Label, Comment: t.Comment}, Property)
	}
	return out
}

// CoreNames lists the core predicates, sorted.
func CoreNames() []string {
	var out []string
	for _, t := range Predicates {
		if t.Core {
			out = append(out, t.Name)
		}
	}
	sort.Strings(out)
	return out
}
