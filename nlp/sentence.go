package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a run of tokens with the byte span it covers.
type Sentence struct {
	Start, End int
	Tokens     []Token
}

// titleAbbreviations precede a name and never end a sentence.
var titleAbbreviations = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "st.": true, "gen.": true, "gov.": true,
	"sen.": true, "rep.": true, "prof.": true, "lt.": true, "col.": true, "sgt.": true, "capt.": true,
	"maj.": true, "adm.": true, "rev.": true, "hon.": true, "pres.": true, "no.": true, "vs.": true,
	"mt.": true, "ft.": true, "supt.": true, "insp.": true, "det.": true, "cmdr.": true,
	"brig.": true, "cpl.": true, "pvt.": true, "cdr.": true, "amb.": true, "atty.": true, "msgr.": true, "lieut.": true,
}

// sentenceStarters are capitalized function words that, after an
// abbreviation such as "U.S.", show that a new sentence has begun.
var sentenceStarters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An He She It They We I You This That These Those There Here
		In On At But And Or So Yet For After Before When While If As Since Although Though However Meanwhile
		His Her Its Their Our My Some Many Most All No Not Other Another Such Both Each Every One Two Three
		What Who Why How Where Which`) {
		sentenceStarters[w] = true
	}
}

// Sentences splits text[start:end], one paragraph, into sentences. A
// newline ends a sentence when the line looks complete (a heading, a
// caption) rather than hard-wrapped.
func Sentences(text string, start, end int) []Sentence {
	toks := Tokenize(text, start, end)
	var out []Sentence
	begin := 0
	for k := 0; k < len(toks); k++ {
		if !endsSentence(text, toks, k) {
			continue
		}
		// Closing quotes and brackets belong to the sentence they close.
		for k+1 < len(toks) && isCloser(toks[k+1].Text) && !newlineBetween(text, toks[k], toks[k+1]) {
			k++
		}
		out = append(out, Sentence{Start: toks[begin].Start, End: toks[k].End, Tokens: toks[begin : k+1 : k+1]})
		begin = k + 1
	}
	if begin < len(toks) {
		out = append(out, Sentence{Start: toks[begin].Start, End: toks[len(toks)-1].End, Tokens: toks[begin:]})
	}
	return out
}

func endsSentence(text string, toks []Token, k int) bool {
	if k == len(toks)-1 {
		return false // the caller closes the last sentence
	}
	t, next := toks[k].Text, toks[k+1]
	if newlineBetween(text, toks[k], next) && lineLooksComplete(text, toks[k]) {
		return true
	}
	switch t {
	case ".", "!", "?", "...", "…":
		n := firstAfterClosers(toks, k+1)
		return n == "" || startsSentence(n)
	}
	if strings.HasSuffix(t, ".") && len(t) > 1 {
		if titleAbbreviations[strings.ToLower(t)] || utf8.RuneCountInString(t) == 2 {
			return false // "Mr. Putin", "J. Smith"
		}
		return sentenceStarters[next.Text]
	}
	return false
}

// firstAfterClosers returns the first token text after closing quotes
// and brackets starting at k.
func firstAfterClosers(toks []Token, k int) string {
	for k < len(toks) && isCloser(toks[k].Text) {
		k++
	}
	if k == len(toks) {
		return ""
	}
	return toks[k].Text
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([", r) || !unicode.IsLetter(r) && r != ',' && r != ';'
}

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "’", "'", ")", "]", "}", "»":
		return true
	}
	return false
}

func newlineBetween(text string, a, b Token) bool {
	return strings.IndexByte(text[a.End:b.Start], '\n') >= 0
}

// lineLooksComplete reports whether the line ending with tok stands alone:
// it is short (a heading, a dateline, a caption) or does not end in the
// middle of a clause.
func lineLooksComplete(text string, tok Token) bool {
	lineStart := strings.LastIndexByte(text[:tok.End], '\n') + 1
	if tok.End-lineStart < 50 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(tok.Text)
	return !(unicode.IsLower(r) || r == ',' || r == ';' || r == ':' || r == '-')
}
