package graph

import (
	"crypto/sha1"
	"encoding/hex"
	"strconv"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/schema"
)

// Quads turns a document into quads, every one labelled with the article's
// IRI: the article node, each entity's types and names, each fact as a
// direct triple, and each fact's evidence node (the reified statement with
// its sentence, offsets, date, rule and confidence).
func Quads(doc *newsgraph.Document) []quad.Quad {
	a := &doc.Article
	art := schema.ArticleIRI(a.ID)
	b := quadBuilder{label: art, seen: make(map[quad.Quad]bool)}

	b.add(art, schema.Type, schema.NewsArticle)
	b.add(art, schema.Identifier, quad.String(a.ID))
	b.add(art, schema.TextHash, quad.String(a.Hash()))
	b.add(art, schema.Sentences, quad.Int(doc.Sentences))
	if a.Title != "" {
		b.add(art, schema.Headline, quad.String(a.Title))
	}
	if a.Date != "" {
		b.add(art, schema.DatePublished, dateValue(a.Date))
	}
	if a.URL != "" {
		b.add(art, schema.URL, quad.String(a.URL))
	}
	if a.Source != "" {
		b.add(art, schema.Publisher, quad.String(a.Source))
	}

	iris := make([]quad.IRI, len(doc.Entities))
	for i := range doc.Entities {
		e := &doc.Entities[i]
		id := e.ID
		if id == "" {
			id = e.Name
		}
		iri := schema.EntityIRI(id)
		iris[i] = iri
		b.add(iri, schema.Type, schema.TypeIRI(e.Type))
		if newsgraph.IsLocation(e.Type) && e.Type != newsgraph.Place {
			b.add(iri, schema.Type, schema.TypeIRI(newsgraph.Place))
		}
		b.add(iri, schema.Name, quad.String(e.Name))
		for _, alias := range e.Aliases {
			if alias != e.Name {
				b.add(iri, schema.AlternateName, quad.String(alias))
			}
		}
		b.add(iri, schema.MentionedIn, art)
	}

	for _, f := range doc.Facts {
		if f.Subject < 0 || f.Subject >= len(iris) || f.Object >= len(iris) {
			continue
		}
		s := iris[f.Subject]
		p := schema.PredicateIRI(f.Predicate)
		var o quad.Value = quad.String(f.Value)
		if f.Object >= 0 {
			o = iris[f.Object]
		}
		b.add(s, p, o)

		fact := schema.FactIRI(factID(a.ID, s, p, o, f.Evidence.Start))
		b.add(fact, schema.Type, schema.Statement)
		b.add(fact, schema.Subject, s)
		b.add(fact, schema.Predicate, p)
		b.add(fact, schema.Object, o)
		b.add(fact, schema.Article, art)
		b.add(fact, schema.Evidence, quad.String(f.Sentence))
		b.add(fact, schema.Start, quad.Int(f.Evidence.Start))
		b.add(fact, schema.End, quad.Int(f.Evidence.End))
		b.add(fact, schema.Confidence, quad.Float(f.Confidence))
		if f.Rule != "" {
			b.add(fact, schema.Rule, quad.String(f.Rule))
		}
		if f.Date != "" {
			b.add(fact, schema.Date, dateValue(f.Date))
		}
	}
	return b.out
}

type quadBuilder struct {
	label quad.IRI
	out   []quad.Quad
	seen  map[quad.Quad]bool
}

func (b *quadBuilder) add(s quad.Value, p quad.IRI, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.label}
	if b.seen[q] {
		return
	}
	b.seen[q] = true
	b.out = append(b.out, q)
}

// dateValue types a date literal: xsd:date, xsd:gYearMonth or xsd:gYear.
func dateValue(d string) quad.Value {
	typ := "date"
	switch len(d) {
	case 4:
		typ = "gYear"
	case 7:
		typ = "gYearMonth"
	}
	return quad.TypedString{Value: quad.String(d), Type: quad.IRI(schema.XSD + typ)}
}

func factID(article string, s quad.IRI, p quad.IRI, o quad.Value, start int) string {
	h := sha1.New()
	for _, part := range []string{article, string(s), string(p), o.String(), strconv.Itoa(start)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:10])
}
