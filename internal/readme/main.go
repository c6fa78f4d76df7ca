// Command readme replaces one generated section of README.md, the text
// between <!-- NAME:start --> and <!-- NAME:end -->, with its standard
// input: go run ./internal/cookbook | go run ./internal/readme cookbook
package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"
)

func main() {
	log.SetFlags(0)
	if len(os.Args) != 2 {
		log.Fatal("usage: readme SECTION < text")
	}
	name := os.Args[1]
	body, err := io.ReadAll(os.Stdin)
	if err != nil {
		log.Fatal(err)
	}
	data, err := os.ReadFile("README.md")
	if err != nil {
		log.Fatal(err)
	}
	start, end := fmt.Sprintf("<!-- %s:start -->\n", name), fmt.Sprintf("<!-- %s:end -->", name)
	text := string(data)
	i := strings.Index(text, start)
	j := strings.Index(text, end)
	if i < 0 || j < i {
		log.Fatalf("README.md has no section %q", name)
	}
	out := text[:i+len(start)] + strings.TrimRight(string(body), "\n") + "\n" + text[j:]
	if err := os.WriteFile("README.md", []byte(out), 0o644); err != nil {
		log.Fatal(err)
	}
}
