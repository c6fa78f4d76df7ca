package extract

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
)

// paragraph is a span of the article text kept for reading.
type paragraph struct {
	start, end int
}

// Cleaner drops site boilerplate from an article: newsletter sign-ups,
// "Related coverage" lists, photo captions and credits, "More follows".
// Its patterns are regular expressions in rules/boilerplate.txt, one per
// line, matched against each paragraph (case-insensitive).
type Cleaner struct {
	drop []*regexp.Regexp
}

func loadCleaner(fsys fs.FS) (*Cleaner, error) {
	c := &Cleaner{}
	err := eachLine(fsys, "rules/boilerplate.txt", func(cols []string) error {
		re, err := regexp.Compile("(?i)" + strings.TrimSpace(cols[0]))
		if err != nil {
			return fmt.Errorf("bad pattern: %w", err)
		}
		c.drop = append(c.drop, re)
		return nil
	})
	return c, err
}

// Paragraphs splits text into paragraphs on blank lines and keeps those
// that are not boilerplate. A paragraph that repeats an earlier one (a
// caption under a photo that restates the lead) is dropped too.
func (c *Cleaner) Paragraphs(text string) []paragraph {
	var out []paragraph
	seen := map[string]bool{}
	i := 0
	for i < len(text) {
		end := strings.Index(text[i:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		start, stop := trimSpan(text, i, end)
		if start < stop {
			p := text[start:stop]
			key := strings.Join(strings.Fields(strings.ToLower(p)), " ")
			if !c.isBoilerplate(p) && !seen[key] && !isCaptionOf(key, seen) {
				out = append(out, paragraph{start, stop})
			}
			seen[key] = true
		}
		i = end + 2
	}
	return out
}

func (c *Cleaner) isBoilerplate(p string) bool {
	for _, re := range c.drop {
		if re.MatchString(p) {
			return true
		}
	}
	return false
}

// creditSuffix is a photo credit in parentheses at the end of a caption:
// "(Sputnik)", "(AP Photo/Jane Doe)", "(Getty Images)".
var creditSuffix = regexp.MustCompile(`\s*\([^()]{1,60}\)\s*$`)

// isCaptionOf reports a caption that restates an earlier paragraph's
// sentence with a photo credit appended.
func isCaptionOf(key string, seen map[string]bool) bool {
	if !creditSuffix.MatchString(key) {
		return false
	}
	body := strings.TrimSpace(creditSuffix.ReplaceAllString(key, ""))
	if len(body) < 20 {
		return false
	}
	for p := range seen {
		if strings.Contains(p, body) {
			return true
		}
	}
	return false
}

func trimSpan(text string, start, end int) (int, int) {
	for start < end && isSpaceByte(text[start]) {
		start++
	}
	for end > start && isSpaceByte(text[end-1]) {
		end--
	}
	return start, end
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }
