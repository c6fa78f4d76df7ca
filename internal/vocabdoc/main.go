// Command vocabdoc prints newsgraph's vocabulary as the Markdown table the
// README carries (go run ./internal/vocabdoc).
package main

import (
	"fmt"

	"github.com/newsgraph/newsgraph/schema"
)

func main() {
	fmt.Println("| term | IRI | meaning |")
	fmt.Println("| --- | --- | --- |")
	for _, t := range schema.Types {
		fmt.Printf("| `%s` (type) | `schema:%s` | %s |\n", t.Name, t.Name, t.Comment)
	}
	for _, t := range schema.Predicates {
		core := ""
		if t.Core {
			core = " (core)"
		}
		fmt.Printf("| `%s`%s | `ng:%s` | %s |\n", t.Name, core, t.Name, t.Comment)
	}
	for _, t := range schema.Aux {
		fmt.Printf("| `%s` | `ng:%s` | %s |\n", t.Name, t.Name, t.Comment)
	}
}
