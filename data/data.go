// Package data embeds newsgraph's data files: the bundled sample articles,
// the gazetteers (countries, states, cities, given names, organizations,
// titles), the relation rules, and the trained entity model. Users can
// override the rules and gazetteers with their own folder (see the
// extractor's options) without rebuilding.
package data

import "embed"

// FS holds the embedded files, rooted at this folder:
// articles/, gazetteer/, rules/, models/, eval/.
//
//go:embed articles gazetteer rules models eval
var FS embed.FS
