package serve

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed cookbook/*.js
var cookbookFS embed.FS

// Cookbook holds the README's Gizmo recipes (serve/cookbook/*.js), each a
// question about the news answered by one query; the console offers them
// among its examples. A recipe's first line, a // comment, is its title.
var Cookbook = loadCookbook()

func loadCookbook() []Example {
	files, err := fs.Glob(cookbookFS, "cookbook/*.js")
	if err != nil {
		panic(err)
	}
	sort.Strings(files)
	var out []Example
	for _, f := range files {
		data, err := cookbookFS.ReadFile(f)
		if err != nil {
			panic(err)
		}
		text := strings.TrimSpace(string(data))
		title, query, _ := strings.Cut(text, "\n")
		out = append(out, Example{
			Title: strings.TrimSpace(strings.TrimPrefix(title, "//")),
			About: "A recipe from the README's cookbook.",
			Query: strings.TrimSpace(query),
		})
	}
	return out
}

func init() { Examples = append(Examples, Cookbook...) }
