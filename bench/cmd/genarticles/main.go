// Command genarticles writes synthetic news articles for newsgraph's
// benchmarks: JSON Lines on stdout (or -o FILE), or one text file per
// article in a folder (-dir).
//
//	go run ./bench/cmd/genarticles -n 100000 -o /tmp/articles-100k.jsonl
//	go run ./bench/cmd/genarticles -bytes 1G -o /tmp/articles-1g.jsonl
//	go run ./bench/cmd/genarticles -n 1000 -dir /tmp/articles-1k
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/bench"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	size := flag.String("bytes", "", "write articles until the output reaches this size (e.g. 1G, 200M); overrides -n")
	from := flag.Int("from", 0, "index of the first article")
	seed := flag.Uint64("seed", 0, "corpus seed")
	paras := flag.Int("paragraphs", 0, "typical paragraphs per article (default 8, about 280 words)")
	out := flag.String("o", "", "JSON Lines output file (default stdout)")
	dir := flag.String("dir", "", "write one .txt file per article into this folder instead")
	flag.Parse()
	g := bench.Generator{Seed: *seed, Paragraphs: *paras}
	if err := run(g, *n, *from, *size, *out, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "genarticles:", err)
		os.Exit(1)
	}
}

func run(g bench.Generator, n, from int, size, out, dir string) error {
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for i := from; i < from+n; i++ {
			a := g.Article(i)
			body := fmt.Sprintf("%s\n\ndate %s\n\n%s\n", a.Title, a.Date, a.Text)
			if err := os.WriteFile(filepath.Join(dir, a.ID+".txt"), []byte(body), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	w := os.Stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if size == "" {
		_, err := g.WriteJSONL(w, from, from+n)
		return err
	}
	limit, err := parseSize(size)
	if err != nil {
		return err
	}
	var total int64
	for i := from; total < limit; i += 1000 {
		k, err := g.WriteJSONL(w, i, i+1000)
		if err != nil {
			return err
		}
		total += k
	}
	return nil
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, strings.TrimSuffix(s, "G")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("size %q: %w", s, err)
	}
	return n * mult, nil
}
