// Package newsgraph holds the domain types that flow through the program:
// articles read from files, and the documents the extractor makes of them
// (entities, facts and their evidence). The reader, extractor, resolver and
// graph packages all speak these plain Go values; none of them depends on
// another's internals.
package newsgraph

import (
	"crypto/sha256"
	"encoding/hex"
)

// Article is one news article as read from a file or a JSON Lines record.
type Article struct {
	ID     string // file name without extension, or the JSON Lines "id"
	Title  string
	Date   string // YYYY-MM-DD when known
	URL    string
	Source string
	Text   string
	Origin string // where it was read: "path" or "path:line", for messages
}

// Hash identifies the article's content: re-reading the same article gives
// the same hash, and any change to its text or metadata gives another.
func (a *Article) Hash() string {
	h := sha256.New()
	for _, s := range []string{a.ID, a.Title, a.Date, a.URL, a.Source, a.Text} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// Span is a byte range [Start, End) of an article's text.
type Span struct {
	Start, End int
}

// Entity types, as schema.org local names.
const (
	Person       = "Person"
	Organization = "Organization"
	Country      = "Country"
	State        = "State"
	City         = "City"
	Place        = "Place"
	Legislation  = "Legislation"
	Event        = "Event"
)

// IsLocation reports whether an entity type names a place.
func IsLocation(typ string) bool {
	switch typ {
	case Country, State, City, Place:
		return true
	}
	return false
}

// Entity is one real-world entity named in a document.
type Entity struct {
	// ID is the entity's identifier across all articles ("Vladimir_Putin"),
	// set by the resolver; empty until then.
	ID       string
	Name     string   // canonical name: "Vladimir Putin"
	Type     string   // one of the entity type constants
	Aliases  []string // every surface form seen, including Name
	Mentions []Span
}

// Fact is one statement drawn from a sentence: subject, predicate, and either
// another entity or a literal value.
type Fact struct {
	Subject    int    // index into Document.Entities
	Predicate  string // local name in the vocabulary (see package schema)
	Object     int    // index into Document.Entities, or -1 for a literal
	Value      string // the literal object when Object is -1
	Date       string // YYYY-MM-DD (or YYYY, YYYY-MM) the statement is dated to
	Evidence   Span   // the sentence the fact was read from
	Sentence   string // the sentence text
	Confidence float64
	Rule       string // the name of the rule that produced the fact
}

// Document is what the extractor reads out of one article.
type Document struct {
	Article   Article
	Sentences int
	Entities  []Entity
	Facts     []Fact
}
