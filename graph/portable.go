package graph

import (
	"strings"

	"github.com/cayleygraph/quad"
)

// Portable wraps a writer of the named format so that what it writes reads
// back the same in newsgraph and reads right in other RDF tools:
//
//   - numbers, booleans and times are written as typed literals with full
//     datatype IRIs ("16"^^<http://www.w3.org/2001/XMLSchema#integer>):
//     Cayley would write the prefixed form <xsd:integer>, which is not an
//     absolute IRI;
//   - booleans are spelled "true" and "false", as XSD wants;
//   - in JSON-LD, blank nodes are written as "_:name" (Cayley's writer
//     drops the prefix, turning them into relative IRIs that readers
//     discard).
//
// The binary pquads format keeps Cayley's native values and is returned
// unchanged.
func Portable(w quad.WriteCloser, format string) quad.WriteCloser {
	if format == "pquads" {
		return w
	}
	return &portableWriter{w: w, jsonld: format == "jsonld"}
}

type portableWriter struct {
	w      quad.WriteCloser
	jsonld bool
	buf    []quad.Quad
}

func (p *portableWriter) value(v quad.Value) quad.Value {
	return portableValue(v, p.jsonld)
}

func (p *portableWriter) quad(q quad.Quad) quad.Quad {
	return quad.Quad{Subject: p.value(q.Subject), Predicate: p.value(q.Predicate), Object: p.value(q.Object), Label: p.value(q.Label)}
}

func (p *portableWriter) WriteQuad(q quad.Quad) error {
	_, err := p.WriteQuads([]quad.Quad{q})
	return err
}

func (p *portableWriter) WriteQuads(qs []quad.Quad) (int, error) {
	p.buf = p.buf[:0]
	for _, q := range qs {
		p.buf = append(p.buf, p.quad(q))
	}
	return p.w.WriteQuads(p.buf)
}

func (p *portableWriter) Close() error { return p.w.Close() }

// portableValue is v as a typed literal with a full datatype IRI when it
// is one of Cayley's native values (Int, Float, Bool, Time).
func portableValue(v quad.Value, jsonld bool) quad.Value {
	switch v := v.(type) {
	case nil:
		return nil
	case quad.TypedString:
		// Written as read: its type may be an IRI that merely looks
		// prefixed ("xsd:integer" with a value that is no integer).
		return v
	case quad.BNode:
		if jsonld && !strings.HasPrefix(string(v), "_:") {
			return quad.BNode("_:" + string(v))
		}
		return v
	case quad.Bool:
		// XSD spells booleans in lower case; Cayley writes "True".
		ts := v.TypedString()
		ts.Value = quad.String(strings.ToLower(string(ts.Value)))
		ts.Type = ts.Type.Full()
		return ts
	case quad.TypedStringer:
		ts := v.TypedString()
		ts.Type = ts.Type.Full()
		return ts
	}
	return v
}

// importValue undoes what readers add: JSON-LD's reader keeps the "_:" of
// a blank node's name, which would double it on the next export.
func importValue(v quad.Value) quad.Value {
	if b, ok := v.(quad.BNode); ok {
		return quad.BNode(strings.TrimPrefix(string(b), "_:"))
	}
	return v
}

func importQuad(q quad.Quad) quad.Quad {
	q.Subject, q.Object, q.Label = importValue(q.Subject), importValue(q.Object), importValue(q.Label)
	return q
}
