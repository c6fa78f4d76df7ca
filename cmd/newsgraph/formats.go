package main

// The quad formats register themselves when imported.
import (
	"strings"

	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/dot"
	_ "github.com/cayleygraph/quad/gml"
	_ "github.com/cayleygraph/quad/graphml"
	_ "github.com/cayleygraph/quad/json"
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"
	_ "github.com/cayleygraph/quad/pquads"
)

// formatByName finds a quad format by its name ("nquads", "graphviz") or
// by a file extension it uses ("nq", "dot").
func formatByName(name string) *quad.Format {
	if f := quad.FormatByName(name); f != nil {
		return f
	}
	if name == "" {
		return nil
	}
	return quad.FormatByExt("." + strings.TrimPrefix(name, "."))
}
