package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/pipeline"
)

// newExtractor loads the extractor, with the user's data folder over the
// built-in data when --data is given.
func newExtractor(opt *options) (*extract.Extractor, error) {
	var o extract.Options
	if opt.data != "" {
		if _, err := os.Stat(opt.data); err != nil {
			return nil, fmt.Errorf("data folder: %w", err)
		}
		o.Data = os.DirFS(opt.data)
	}
	return extract.New(o)
}

// newReader returns an article reader that reports each skipped item on
// stderr.
func newReader(stderr io.Writer, stdin io.Reader, maxBytes int64) *article.Reader {
	return &article.Reader{
		Stdin:    stdin,
		MaxBytes: maxBytes,
		OnProblem: func(p *article.Problem) {
			fmt.Fprintf(stderr, "newsgraph: skipped %v\n", p)
		},
	}
}

// progress draws a one-line progress bar on a terminal, and nothing
// elsewhere.
type progress struct {
	w     io.Writer
	on    bool
	files int
	last  time.Time
}

func newProgress(w io.Writer, paths []string) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); !ok {
		return p
	} else if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		p.on = true
		p.files = countFiles(paths)
	}
	return p
}

func (p *progress) update(st pipeline.Stats) {
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	const width = 30
	done := 0
	if p.files > 0 {
		done = width * min(st.Files, p.files) / p.files
	}
	rate := float64(st.Articles) / st.Elapsed.Seconds()
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d files, %d articles (%.0f/s), %d facts ",
		strings.Repeat("=", done), strings.Repeat(" ", width-done), st.Files, p.files, st.Articles+st.Skipped, rate, st.Facts)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// countFiles counts the files under paths, for the progress bar.
func countFiles(paths []string) int {
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
			continue
		}
		_ = walkFiles(p, func(string) { n++ })
	}
	return n
}

// summary is the one line printed at the end of build and extract; where,
// when set, names the store written.
func summary(verb string, st pipeline.Stats, quads int, where string) string {
	secs := st.Elapsed.Seconds()
	words := 0.0
	if secs > 0 {
		words = float64(st.Words) / secs
	}
	s := fmt.Sprintf("%s %d articles from %d files", verb, st.Articles, st.Files)
	if st.Skipped > 0 {
		s += fmt.Sprintf(" (%d unchanged)", st.Skipped)
	}
	if where != "" {
		s += " into " + where
	}
	s += fmt.Sprintf(": %d sentences, %d entities, %d facts, %d quads in %.2fs (%.0f words/s)",
		st.Sentences, st.Entities, st.Facts, quads, secs, words)
	if st.Problems > 0 {
		s += fmt.Sprintf("; %d inputs skipped (see messages above)", st.Problems)
	}
	return s
}
