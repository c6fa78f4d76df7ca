package graph

import (
	"bytes"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// FuzzImport feeds arbitrary bytes to the N-Quads import: it must return
// an error or import the quads, never panic; and whatever quads it reads
// must survive an export and a second import unchanged. Crashers found
// here are kept under testdata/fuzz/FuzzImport and run by `go test`.
func FuzzImport(f *testing.F) {
	for _, s := range []string{
		"<a> <b> <c> .\n",
		"<a> <b> \"c\" <g> .\n",
		"_:x <p> \"line\\nbreak \\\"q\\\" \\u00e9 \\U0001F600\"@en-GB .\n",
		"<https://newsgraph.dev/entity/Володимир_Зеленський> <http://schema.org/name> \"Володимир Зеленський\" <https://newsgraph.dev/article/a> .\n",
		"<s> <p> \"42\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n<s> <p> \"1E+00\"^^<http://www.w3.org/2001/XMLSchema#double> .\n",
		"<s> <p> \"2024-01-02\"^^<http://www.w3.org/2001/XMLSchema#date> .\n",
		"# comment\n\n<s> <p> <o> . # trailing\n",
		"<s> <p> \"unterminated .\n",
		"<s <p> <o> .\n",
		"<s> <p> \"x\"^^<xsd:integer> .\n",
		"<s> <p> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n",
		"<s\\u003E> <p> <o\\u0020x> .\n",
		"<s> <p> \"nul \\u0000 bell \\u0007 del \\u007F\" .\n",
		"<s> <p> \"tab\\tcr\\rff\\fbs\\b\" .\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<14 {
			return
		}
		// Whatever the reader accepts, in order, up to its first error.
		var read []quad.Quad
		r := nquads.NewReader(bytes.NewReader(data), false)
		for {
			q, err := r.ReadQuad()
			if err != nil {
				break
			}
			if q.IsValid() {
				read = append(read, importQuad(q))
			}
		}

		s, err := Open("memstore:", Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		n, err := s.Import(nquads.NewReader(bytes.NewReader(data), false))
		if err == nil && n != len(read) {
			t.Fatalf("imported %d quads, the reader gives %d", n, len(read))
		}

		// Each quad read, written back as portable N-Quads, reads back
		// the same.
		for _, q := range read {
			var buf bytes.Buffer
			w := Portable(nquads.NewWriter(&buf), "nquads")
			if err := w.WriteQuad(q); err != nil {
				t.Fatal(err)
			}
			w.Close()
			back, err := nquads.NewReader(&buf, false).ReadQuad()
			if err != nil {
				t.Fatalf("quad %#v written as %q does not read back: %v", q, buf.String(), err)
			}
			if back = importQuad(back); !sameQuad(back, q) {
				t.Fatalf("quad %#v written as %q reads back as %#v", q, buf.String(), back)
			}
		}
	})
}

// sameQuad compares quads by value (a float NaN equals itself).
func sameQuad(a, b quad.Quad) bool {
	for _, d := range quad.Directions {
		x, y := a.Get(d), b.Get(d)
		if x == nil || y == nil {
			if x != y {
				return false
			}
			continue
		}
		if x != y && x.String() != y.String() {
			return false
		}
	}
	return true
}
