package article

import (
	"io"
	"regexp"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
)

// readText reads a plain-text article of at most max bytes. The text may
// start with a header: "date YYYY-MM-DD" (alone on the first line, or
// followed by the text on the same line), "title: …", "date: …", "url: …"
// and "source: …" lines, or the same keys between "---" lines. The header is
// moved into the article's fields; the rest, with line endings made "\n"
// and outer space trimmed, is the text.
func readText(r io.Reader, id string, max int64) (newsgraph.Article, error) {
	data, err := readAll(r, max)
	if err != nil {
		return newsgraph.Article{}, err
	}
	h, body := parseHeader(normalizeNewlines(string(data)))
	body = strings.TrimSpace(body)
	if body == "" {
		return newsgraph.Article{}, errEmpty
	}
	return newsgraph.Article{ID: id, Title: h.title, Date: h.date, URL: h.url, Source: h.source, Text: body}, nil
}

// normalizeNewlines turns "\r\n" and lone "\r" into "\n".
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// header is the metadata at the top of a text article.
type header struct{ title, date, url, source string }

// set stores one "key: value" header field, reporting whether key is known
// and value fits it.
func (h *header) set(key, value string) bool {
	value = strings.TrimSpace(value)
	switch strings.ToLower(key) {
	case "title":
		h.title = value
	case "date":
		d := normalizeDate(value)
		if d == "" {
			return false
		}
		h.date = d
	case "url":
		h.url = value
	case "source":
		h.source = value
	default:
		return false
	}
	return true
}

var (
	// dateLine is "date 2023-03-17" or "date: 2023-03-17", maybe followed by text.
	dateLine = regexp.MustCompile(`^(?i:date)(?:[ \t]*:[ \t]*|[ \t]+)(\d{4}-\d{2}-\d{2})(?:[ \t]+|$)`)
	// fieldLine is "key: value".
	fieldLine = regexp.MustCompile(`^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$`)
)

// maxHeaderLines bounds how far down the header is looked for.
const maxHeaderLines = 8

// parseHeader splits the header off the top of a text.
func parseHeader(s string) (h header, body string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if h, body, ok := frontMatter(s); ok {
		return h, body
	}
	for range maxHeaderLines {
		line, rest, _ := strings.Cut(s, "\n")
		if m := dateLine.FindStringSubmatchIndex(line); m != nil {
			h.date = normalizeDate(line[m[2]:m[3]])
			if after := line[m[1]:]; strings.TrimSpace(after) != "" {
				return h, after + "\n" + rest
			}
			s = rest
			continue
		}
		m := fieldLine.FindStringSubmatch(line)
		if m == nil || strings.TrimSpace(m[2]) == "" {
			break
		}
		if !h.set(m[1], m[2]) {
			break // "Washington: …" is text, not a header
		}
		s = rest
	}
	return h, s
}

// frontMatter reads "---" delimited "key: value" lines at the top of s.
func frontMatter(s string) (h header, body string, ok bool) {
	first, rest, _ := strings.Cut(s, "\n")
	if strings.TrimSpace(first) != "---" {
		return h, s, false
	}
	for range 50 {
		var line string
		var more bool
		line, rest, more = strings.Cut(rest, "\n")
		switch t := strings.TrimSpace(line); {
		case t == "---":
			return h, rest, true
		case t == "":
		default:
			m := fieldLine.FindStringSubmatch(t)
			if m == nil {
				return header{}, s, false
			}
			h.set(m[1], m[2])
		}
		if !more {
			break
		}
	}
	return header{}, s, false
}
