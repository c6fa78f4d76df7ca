// Package resolve gives entities one identifier across all articles: the
// same Putin node whichever article names him, and under whatever name
// ("Vladimir Putin", "Putin", "Mr. Putin"). It keeps an in-memory index of
// known entities' names, filled from the store at start and from each
// batch of documents as it is resolved.
package resolve

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
)

// Index maps names to entity identifiers.
type Index struct {
	byName  map[string]string   // normalized name -> ID ("" when ambiguous)
	bySur   map[string][]string // a person's last name -> person IDs
	types   map[string]string   // ID -> type
	persons map[string]bool     // IDs of persons with a full (multi-word) name
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{byName: map[string]string{}, bySur: map[string][]string{}, types: map[string]string{}, persons: map[string]bool{}}
}

// Add registers a known entity (from the store) under all its names.
func (ix *Index) Add(e newsgraph.Entity) {
	if e.ID == "" {
		return
	}
	if _, ok := ix.types[e.ID]; !ok || ix.types[e.ID] == newsgraph.Place {
		ix.types[e.ID] = e.Type
	}
	names := append([]string{e.Name}, e.Aliases...)
	for _, n := range names {
		ix.register(n, e.ID)
	}
	if e.Type == newsgraph.Person {
		for _, n := range names {
			if w := strings.Fields(Normalize(n)); len(w) > 1 {
				ix.addSurname(w[len(w)-1], e.ID)
				ix.persons[e.ID] = true
				if len(w) > 2 {
					// "Maria Alekseyevna Lvova-Belova" is also "Maria Lvova-Belova".
					ix.register(w[0]+" "+w[len(w)-1], e.ID)
				}
			}
		}
	}
}

func (ix *Index) register(name, id string) {
	key := Normalize(name)
	if key == "" {
		return
	}
	if old, ok := ix.byName[key]; ok && old != id {
		ix.byName[key] = "" // two entities share this name: ambiguous
		return
	}
	ix.byName[key] = id
}

func (ix *Index) addSurname(s, id string) {
	for _, x := range ix.bySur[s] {
		if x == id {
			return
		}
	}
	ix.bySur[s] = append(ix.bySur[s], id)
}

// Resolve sets the ID of every entity of the documents that has none. It first learns
// the full names of the whole batch, so that "Putin" in the first article
// and "Vladimir Putin" in the third get the same identifier whatever
// their order.
func (ix *Index) Resolve(docs ...*newsgraph.Document) {
	// Pass 1: full person names in the batch, by their surnames.
	for _, d := range docs {
		for i := range d.Entities {
			e := &d.Entities[i]
			if e.Type != newsgraph.Person {
				continue
			}
			if w := strings.Fields(Normalize(e.Name)); len(w) > 1 {
				id := ix.find(e)
				if id == "" {
					id = ix.newID(e)
				}
				ix.Add(newsgraph.Entity{ID: id, Name: e.Name, Type: e.Type})
			}
		}
	}
	// Pass 2: every entity. One the extractor identified already (a place
	// by its gazetteer name) keeps its ID.
	for _, d := range docs {
		for i := range d.Entities {
			e := &d.Entities[i]
			if e.ID == "" {
				e.ID = ix.find(e)
			}
			if e.ID == "" {
				e.ID = ix.newID(e)
			}
			ix.Add(*e)
		}
	}
}

// find looks an entity up by its names, then, for a person named by a
// single word, by the unique known person with that last name.
func (ix *Index) find(e *newsgraph.Entity) string {
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if id := ix.lookup(n, e.Type); id != "" {
			return id
		}
	}
	if e.Type == newsgraph.Person {
		if w := strings.Fields(Normalize(e.Name)); len(w) > 2 {
			if id := ix.lookup(w[0]+" "+w[len(w)-1], e.Type); id != "" {
				return id
			}
		}
	}
	if e.Type == newsgraph.Person {
		w := strings.Fields(Normalize(e.Name))
		if len(w) == 1 {
			if ids := ix.bySur[w[0]]; len(ids) == 1 {
				return ids[0]
			}
		}
	}
	return ""
}

func (ix *Index) lookup(name, typ string) string {
	key := Normalize(name)
	id := ix.byName[key]
	if id == "" {
		return ""
	}
	known := ix.types[id]
	if compatible(known, typ) {
		return id
	}
	// A name of several words that matches across two non-person types
	// ("Rome Statute" typed a law here, an organization there) is one
	// entity the extractor typed two ways; a person never merges with a
	// non-person ("Georgia").
	if strings.Contains(key, " ") && known != newsgraph.Person && typ != newsgraph.Person {
		return id
	}
	return ""
}

func compatible(a, b string) bool {
	if a == b || a == "" || b == "" {
		return true
	}
	return newsgraph.IsLocation(a) && newsgraph.IsLocation(b)
}

// newID makes a readable identifier from an entity's name, unique against
// entities of other types with the same name.
func (ix *Index) newID(e *newsgraph.Entity) string {
	id := Slug(e.Name)
	if t, ok := ix.types[id]; ok && !compatible(t, e.Type) {
		id += "_(" + e.Type + ")"
	}
	return id
}

// Slug turns a name into an identifier: "Vladimir Putin" ->
// "Vladimir_Putin". Letters of every script are kept.
func Slug(name string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(name) {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte('_')
		}
		space = false
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// Normalize is the form names are compared in: lower case, without
// periods, apostrophes, a leading "the" or an honorific.
func Normalize(name string) string {
	name = strings.ToLower(name)
	name = strings.NewReplacer("’", "'", "'s", "", ".", "", "'", "").Replace(name)
	var words []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}) {
		words = append(words, w)
	}
	for len(words) > 1 {
		switch words[0] {
		case "the", "mr", "mrs", "ms", "dr", "sir":
			words = words[1:]
			continue
		}
		break
	}
	return strings.Join(words, " ")
}

// Names lists the index's names, sorted; for tests and debugging.
func (ix *Index) Names() []string {
	out := make([]string, 0, len(ix.byName))
	for n := range ix.byName {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
