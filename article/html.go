package article

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsgraph/newsgraph"
)

// readHTML reads an HTML page of at most max bytes. The text is that of the
// page's <article> (or <main>, or else <body>) without boilerplate such as
// navigation, scripts, share buttons and captions, as paragraphs separated
// by blank lines. Title, date, URL and source come from the page's metadata.
func readHTML(r io.Reader, id string, max int64) (newsgraph.Article, error) {
	data, err := readAll(r, max)
	if err != nil {
		return newsgraph.Article{}, err
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return newsgraph.Article{}, fmt.Errorf("parse HTML: %w", err)
	}
	root := contentRoot(doc)
	text := pageText(root)
	if text == "" {
		return newsgraph.Article{}, errNoHTMLText
	}
	m := scanMeta(doc)
	a := newsgraph.Article{ID: id, Text: text, Source: m.get("og:site_name")}

	a.Title = m.get("og:title")
	if a.Title == "" {
		a.Title = m.title
	}
	if a.Title == "" {
		a.Title = firstText(root, atom.H1)
	}
	if a.Title == "" {
		a.Title = firstText(doc, atom.H1)
	}

	a.URL = m.canonical
	if a.URL == "" {
		a.URL = m.get("og:url")
	}

	for _, key := range dateMeta {
		if a.Date = normalizeDate(m.get(key)); a.Date != "" {
			break
		}
	}
	for _, n := range []*html.Node{root, doc} {
		if a.Date != "" {
			break
		}
		if t := find(n, isTimeWithDate, true); t != nil {
			a.Date = normalizeDate(attr(t, "datetime"))
		}
	}
	return a, nil
}

// dateMeta are the <meta> names and properties that give the publication
// date, best first.
var dateMeta = []string{
	"article:published_time", "og:published_time", "date", "datepublished",
	"pubdate", "publishdate", "publish-date", "dc.date", "dcterms.date", "dc.date.issued",
}

// pageMeta is the metadata in a page's <meta>, <title> and <link> elements.
type pageMeta struct {
	meta      map[string]string // lower-case property, name or itemprop -> content
	title     string
	canonical string
}

func (m *pageMeta) get(key string) string { return m.meta[key] }

func scanMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{meta: map[string]string{}}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Namespace != "" {
			continue
		}
		switch n.DataAtom {
		case atom.Meta:
			content := collapse(attr(n, "content"))
			for _, k := range []string{"property", "name", "itemprop"} {
				key := strings.ToLower(strings.TrimSpace(attr(n, k)))
				if key != "" && content != "" && m.meta[key] == "" {
					m.meta[key] = content
				}
			}
		case atom.Title:
			if m.title == "" {
				m.title = collapse(nodeText(n))
			}
		case atom.Link:
			rels := strings.Fields(strings.ToLower(attr(n, "rel")))
			if m.canonical == "" && slices.Contains(rels, "canonical") {
				m.canonical = strings.TrimSpace(attr(n, "href"))
			}
		}
	}
	return m
}

// contentRoot is the element holding the article: the <article> with the
// most text, else the <main> (or role="main") with the most text, else the
// whole document.
func contentRoot(doc *html.Node) *html.Node {
	var article, main *html.Node
	articleLen, mainLen := 0, 0
	// count measures the text under n (in one pass, however deep the nesting)
	// and keeps the largest candidates.
	var count func(n *html.Node) int
	count = func(n *html.Node) int {
		total := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				total += len(c.Data) - spaceCount(c.Data)
			case c.Type == html.ElementNode && !dropped(c):
				l := count(c)
				total += l
				if c.DataAtom == atom.Article && l > articleLen {
					article, articleLen = c, l
				} else if (c.DataAtom == atom.Main || attr(c, "role") == "main") && l > mainLen {
					main, mainLen = c, l
				}
			}
		}
		return total
	}
	count(doc)
	switch {
	case article != nil:
		return article
	case main != nil:
		return main
	}
	return doc
}

func spaceCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			n += utf8.RuneLen(r)
		}
	}
	return n
}

// find returns the first element under n that matches, skipping dropped
// elements when skipDropped is set.
func find(n *html.Node, match func(*html.Node) bool, skipDropped bool) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (skipDropped && dropped(c)) {
			continue
		}
		if match(c) {
			return c
		}
		if f := find(c, match, skipDropped); f != nil {
			return f
		}
	}
	return nil
}

func isTimeWithDate(n *html.Node) bool {
	return n.DataAtom == atom.Time && normalizeDate(attr(n, "datetime")) != ""
}

// firstText is the text of the first element a under n, dropped or not (a
// headline is often in a <header>).
func firstText(n *html.Node, a atom.Atom) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Namespace != "" {
			continue
		}
		if c.DataAtom == a {
			if t := collapse(nodeText(c)); t != "" {
				return t
			}
			continue
		}
		if t := firstText(c, a); t != "" {
			return t
		}
	}
	return ""
}

// nodeText is all the text under n, as is.
func nodeText(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// pageText is the readable text under n: paragraphs separated by blank
// lines, space inside each collapsed.
func pageText(n *html.Node) string {
	var p paragraphs
	p.add(n)
	p.flush()
	return strings.Join(p.done, "\n\n")
}

// paragraphs collects the text of a tree paragraph by paragraph.
type paragraphs struct {
	done []string
	cur  strings.Builder
}

func (p *paragraphs) flush() {
	if s := collapse(p.cur.String()); s != "" {
		p.done = append(p.done, s)
	}
	p.cur.Reset()
}

func (p *paragraphs) add(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		p.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if dropped(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	block, cell := blockTags[n.DataAtom], n.DataAtom == atom.Td || n.DataAtom == atom.Th
	if block {
		p.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.add(c)
	}
	if block {
		p.flush()
	} else if cell {
		p.cur.WriteByte(' ')
	}
}

// blockTags are the elements that end a paragraph.
var blockTags = setOf(
	atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
	atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote,
	atom.Br, atom.Hr, atom.Tr, atom.Table, atom.Caption, atom.Section,
	atom.Article, atom.Main, atom.Pre, atom.Address, atom.Center,
	atom.Details, atom.Summary, atom.Body, atom.Html,
)

// dropTags are the elements whose text is never article text.
var dropTags = setOf(
	atom.Head, atom.Title, atom.Script, atom.Style, atom.Noscript, atom.Template,
	atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Button,
	atom.Iframe, atom.Svg, atom.Math, atom.Figure, atom.Figcaption, atom.Select,
	atom.Textarea, atom.Dialog, atom.Menu, atom.Object, atom.Embed,
	atom.Video, atom.Audio, atom.Canvas,
)

// droppedRoles are ARIA roles of boilerplate.
var droppedRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "dialog": true,
}

// boilerplateWords are the words of a class or id that mark boilerplate.
var boilerplateWords = map[string]bool{
	"ad": true, "ads": true, "advert": true, "adverts": true, "advertisement": true, "advertising": true,
	"newsletter": true, "newsletters": true, "subscribe": true, "subscription": true, "signup": true,
	"related": true, "share": true, "shares": true, "sharing": true, "sharebar": true,
	"social": true, "cookie": true, "cookies": true, "consent": true,
	"promo": true, "promos": true, "promoted": true, "sponsored": true,
	"caption": true, "captions": true, "credit": true, "credits": true,
	"breadcrumb": true, "breadcrumbs": true, "menu": true, "menus": true,
	"comment": true, "comments": true, "sidebar": true, "popup": true,
}

// dropped reports whether element n holds no article text: by its tag, its
// role, a hidden attribute, or boilerplate words in its class or id (unless
// it holds the <article> or <main>).
func dropped(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if n.Namespace != "" || dropTags[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "role":
			if droppedRoles[strings.ToLower(strings.TrimSpace(a.Val))] {
				return true
			}
		case "class", "id":
			if boilerplateName(a.Val) && !holdsContent(n) {
				return true
			}
		}
	}
	return false
}

// boilerplateName reports whether a class or id has a boilerplate word.
func boilerplateName(s string) bool {
	for _, w := range words(s) {
		if boilerplateWords[w] {
			return true
		}
	}
	return false
}

// holdsContent reports whether n is or holds the page's content, whatever
// its class: <body class="has-sidebar"> or <div class="layout-with-comments">
// around the <article> must be kept.
func holdsContent(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return true
	}
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && (d.DataAtom == atom.Article || d.DataAtom == atom.Main) {
			return true
		}
	}
	return false
}

// words splits a class or id into lower-case words at non-letters and
// camelCase humps: "newsletterSignup share-bar" gives newsletter, signup,
// share, bar.
func words(s string) []string {
	var out []string
	start := -1
	prevLower := false
	for i, r := range s {
		letter := unicode.IsLetter(r)
		switch {
		case !letter:
			if start >= 0 {
				out = append(out, strings.ToLower(s[start:i]))
			}
			start = -1
		case start < 0:
			start = i
		case unicode.IsUpper(r) && prevLower:
			out = append(out, strings.ToLower(s[start:i]))
			start = i
		}
		prevLower = letter && unicode.IsLower(r)
	}
	if start >= 0 {
		out = append(out, strings.ToLower(s[start:]))
	}
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// collapse trims s and turns each run of space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func setOf(atoms ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(atoms))
	for _, a := range atoms {
		m[a] = true
	}
	return m
}
