// Package bench holds newsgraph's measurements: a generator of synthetic
// news articles of any number and size (deterministic, so that every run
// measures the same input), helpers that write them as JSON Lines or
// files, and the Go benchmarks that `make bench` runs. BENCHMARKS.md
// reports the numbers and how to reproduce them.
package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Generator makes synthetic news articles. Article i is the same on every
// run and independent of the others, so a corpus can be made in pieces or
// in parallel. The people, organizations and places are drawn from pools
// of a fixed size (tens of thousands of people, thousands of
// organizations), so that a large corpus names the same entities many
// times, as a real archive does.
type Generator struct {
	// Seed varies the corpus; 0 is the default corpus.
	Seed uint64
	// Paragraphs is the typical number of paragraphs of an article; 8 when
	// 0 (about 300 words).
	Paragraphs int
}

// Article returns the i-th article of the corpus.
func (g Generator) Article(i int) newsgraph.Article {
	r := rand.New(rand.NewPCG(g.Seed+0x9e3779b97f4a7c15, uint64(i)))
	paras := g.Paragraphs
	if paras <= 0 {
		paras = 8
	}
	paras = paras/2 + r.IntN(paras+1) // paras/2 .. paras*3/2
	if paras < 1 {
		paras = 1
	}
	year := 2000 + r.IntN(25)
	month := 1 + r.IntN(12)
	day := 1 + r.IntN(28)
	w := &writer{r: r, year: year}
	// A cast of a few people, organizations and places per article, so that
	// sentences refer back to each other as news does.
	w.cast()
	var text strings.Builder
	fmt.Fprintf(&text, "%s — ", strings.ToUpper(w.city()))
	for p := 0; p < paras; p++ {
		if p > 0 {
			text.WriteString("\n\n")
		}
		n := 2 + r.IntN(3)
		for s := 0; s < n; s++ {
			if s > 0 {
				text.WriteByte(' ')
			}
			text.WriteString(w.sentence())
		}
	}
	return newsgraph.Article{
		ID:     fmt.Sprintf("gen-%07d", i),
		Title:  w.title(),
		Date:   fmt.Sprintf("%04d-%02d-%02d", year, month, day),
		URL:    fmt.Sprintf("https://news.example.org/%04d/%02d/gen-%07d", year, month, i),
		Source: pick(r, outlets),
		Text:   text.String(),
	}
}

// WriteJSONL writes articles [from, to) as JSON Lines and reports the
// bytes written.
func (g Generator) WriteJSONL(w io.Writer, from, to int) (int64, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := &countWriter{w: bw}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	for i := from; i < to; i++ {
		a := g.Article(i)
		rec := struct {
			ID     string `json:"id"`
			Title  string `json:"title"`
			Date   string `json:"date"`
			URL    string `json:"url"`
			Source string `json:"source"`
			Text   string `json:"text"`
		}{a.ID, a.Title, a.Date, a.URL, a.Source, a.Text}
		if err := enc.Encode(&rec); err != nil {
			return cw.n, err
		}
	}
	return cw.n, bw.Flush()
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// writer writes one article's sentences about its cast.
type writer struct {
	r      *rand.Rand
	year   int
	people []person
	orgs   []string
	places []string // countries
	quoted int
}

type person struct {
	first, last string
	title       string
	country     string
	org         string
}

func (p person) full() string { return p.first + " " + p.last }

func (w *writer) cast() {
	r := w.r
	n := 2 + r.IntN(3)
	for i := 0; i < n; i++ {
		p := person{first: pick(r, firstNames), last: pick(r, lastNames)}
		p.country = pick(r, countries)
		p.org = w.orgName()
		p.title = pick(r, titles)
		w.people = append(w.people, p)
	}
	for i := 0; i < 1+r.IntN(3); i++ {
		w.orgs = append(w.orgs, w.orgName())
	}
	for i := 0; i < 2+r.IntN(2); i++ {
		w.places = append(w.places, pick(r, countries))
	}
}

// orgName draws an organization from a pool of about ten thousand.
func (w *writer) orgName() string {
	r := w.r
	switch r.IntN(4) {
	case 0:
		return pick(r, orgAdjectives) + " " + pick(r, orgNouns) + " " + pick(r, orgSuffixes)
	case 1:
		return "the " + pick(r, institutions) + " of " + pick(r, countries)
	case 2:
		return pick(r, lastNames) + " " + pick(r, orgNouns) + " " + pick(r, orgSuffixes)
	default:
		return pick(r, wellKnownOrgs)
	}
}

func (w *writer) person() person { return w.people[w.r.IntN(len(w.people))] }

func (w *writer) other(p person) person {
	for i := 0; i < 4; i++ {
		if q := w.person(); q.full() != p.full() {
			return q
		}
	}
	return w.people[0]
}

func (w *writer) org() string     { return w.orgs[w.r.IntN(len(w.orgs))] }
func (w *writer) country() string { return w.places[w.r.IntN(len(w.places))] }
func (w *writer) city() string    { return pick(w.r, cities) }

// ref names a person in full or, once the article has named them, often
// by surname only.
func (w *writer) ref(p person) string {
	if w.r.IntN(3) == 0 {
		return p.last
	}
	return p.full()
}

func (w *writer) when() string {
	r := w.r
	switch r.IntN(4) {
	case 0:
		return "on " + pick(r, weekdays)
	case 1:
		return fmt.Sprintf("in %s %d", pick(r, months), w.year-r.IntN(3))
	case 2:
		return fmt.Sprintf("on %d %s %d", 1+r.IntN(28), pick(r, months), w.year-r.IntN(2))
	default:
		return "last " + pick(r, []string{"week", "month", "year"})
	}
}

func (w *writer) title() string {
	p := w.person()
	switch w.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s %s %s", p.full(), pick(w.r, headlineVerbs), w.org())
	case 1:
		return fmt.Sprintf("%s and %s reach deal on %s", w.country(), w.country(), pick(w.r, topics))
	case 2:
		return fmt.Sprintf("Court orders arrest of %s", p.full())
	default:
		return fmt.Sprintf("%s names new chief executive", capitalize(w.org()))
	}
}

// sentence writes one sentence; most name entities and state a fact,
// some are background.
func (w *writer) sentence() string {
	r := w.r
	p := w.person()
	q := w.other(p)
	switch r.IntN(22) {
	case 0:
		return fmt.Sprintf("%s %s of %s said %s that %s.", capitalize(p.title), p.full(), p.country, w.when(), w.clause())
	case 1:
		return fmt.Sprintf("%s, the %s of %s, told reporters that %s.", p.full(), p.title, p.org, w.clause())
	case 2:
		w.quoted++
		return fmt.Sprintf("\"%s,\" %s said.", capitalize(w.clause()), w.ref(p))
	case 3:
		return fmt.Sprintf("%s named %s as its new %s %s.", capitalize(p.org), p.full(), pick(r, offices), w.when())
	case 4:
		return fmt.Sprintf("The %s issued an arrest warrant for %s %s, accusing him of %s.", pick(r, courts), p.full(), w.when(), pick(r, crimes))
	case 5:
		return fmt.Sprintf("%s imposed sanctions on %s and %s %s.", w.country(), p.full(), w.org(), w.when())
	case 6:
		return fmt.Sprintf("%s met %s %s in %s %s to discuss %s.", p.full(), q.title, q.full(), w.city(), w.when(), pick(r, topics))
	case 7:
		return fmt.Sprintf("%s was born in %s in %d and studied %s in %s.", w.ref(p), w.city(), 1940+r.IntN(50), pick(r, subjects), w.city())
	case 8:
		return fmt.Sprintf("%s joined %s in %d.", w.country(), pick(r, alliances), 1950+r.IntN(74))
	case 9:
		return fmt.Sprintf("%s, a spokesman for %s, said the company would %s.", p.full(), w.org(), pick(r, plans))
	case 10:
		return fmt.Sprintf("%s, who heads %s, declined to comment.", p.full(), w.org())
	case 11:
		return fmt.Sprintf("Police arrested %s in %s %s on charges of %s.", p.full(), w.city(), w.when(), pick(r, crimes))
	case 12:
		return fmt.Sprintf("%s extradited %s to %s %s.", w.country(), p.full(), w.country(), w.when())
	case 13:
		return fmt.Sprintf("%s works for %s and previously served as %s of %s.", p.full(), p.org, pick(r, offices), w.org())
	case 14:
		return fmt.Sprintf("%s accused %s of %s.", w.ref(q), p.full(), pick(r, crimes))
	case 15:
		return fmt.Sprintf("%s, %d, of %s, said she had %s.", q.full(), 25+r.IntN(50), w.city(), pick(r, experiences))
	case 16:
		return fmt.Sprintf("%s announced %s that it would %s.", capitalize(w.org()), w.when(), pick(r, plans))
	case 17:
		return fmt.Sprintf("The %s of %s, %s, visited %s %s.", p.title, p.country, p.full(), w.country(), w.when())
	default:
		return capitalize(pick(r, background)) + "."
	}
}

func (w *writer) clause() string {
	r := w.r
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s would %s", w.country(), pick(r, plans))
	case 1:
		return fmt.Sprintf("the talks with %s had been %s", w.country(), pick(r, adjectives))
	case 2:
		return fmt.Sprintf("%s was %s", pick(r, topics), pick(r, adjectives))
	default:
		return pick(r, background)
	}
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
