// Package nlp holds newsgraph's language tools for English news: a
// tokenizer that keeps byte offsets, a sentence splitter, and a
// part-of-speech tagger (an averaged perceptron over the weights of
// github.com/jdkato/prose, with a faster inference).
package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark, with its byte span in the text.
type Token struct {
	Text       string
	Start, End int
	Tag        string // part of speech (Penn Treebank), set by the tagger
	SpaceAfter bool   // whitespace follows the token in the text
}

// abbreviations keep their final period as part of the token.
var abbreviations = map[string]bool{}

func init() {
	for _, a := range strings.Fields(`mr mrs ms dr st jr sr prof gen col lt sgt capt cmdr adm maj rep sen gov pres supt insp det
		brig cpl pvt spc cdr ens amb atty msgr lieut
		rev fr hon messrs mt ft no nos vs etc inc corp ltd co bros dept univ assn est approx
		jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
		ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo
		a.m p.m u.s u.k u.n e.u d.c n.y l.a`) {
		abbreviations[a] = true
	}
}

// isAbbreviation reports whether word (without its final period) is an
// abbreviation that keeps the period: a listed one, an initial ("J"), or a
// dotted acronym ("U.S", "S.C").
func isAbbreviation(word string) bool {
	if word == "" {
		return false
	}
	lw := strings.ToLower(word)
	if abbreviations[lw] {
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	// Dotted acronyms: letters separated by periods.
	if strings.Contains(word, ".") {
		for _, part := range strings.Split(word, ".") {
			if utf8.RuneCountInString(part) > 2 {
				return false
			}
		}
		return true
	}
	return false
}

// Tokenize splits text[start:end] into tokens with offsets relative to text.
func Tokenize(text string, start, end int) []Token {
	toks := make([]Token, 0, (end-start)/5+1)
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i
		for j < end {
			r, size := utf8.DecodeRuneInString(text[j:end])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		n := len(toks)
		toks = splitChunk(toks, text, i, j)
		if n < len(toks) && j < end {
			toks[len(toks)-1].SpaceAfter = true
		}
		i = j
	}
	return toks
}

const (
	openPunct  = "\"'“‘([{`«"
	closePunct = "\"'”’)]},;:!?»"
)

// splitChunk splits one whitespace-free chunk text[i:j] into tokens.
func splitChunk(toks []Token, text string, i, j int) []Token {
	// Leading punctuation.
	for i < j {
		r, size := utf8.DecodeRuneInString(text[i:j])
		if !strings.ContainsRune(openPunct, r) && !isDash(r, text[i:j]) {
			break
		}
		if r == '\'' && i+size < j && isLetterAt(text, i+size, j) && isContractionStart(text[i:j]) {
			break // 'em, 'tis
		}
		size = dashLen(text[i:j], size)
		toks = append(toks, Token{Text: text[i : i+size], Start: i, End: i + size})
		i += size
	}
	// Trailing punctuation, collected right to left.
	var tail []Token
	for j > i {
		r, size := utf8.DecodeLastRuneInString(text[i:j])
		if r == '.' {
			word := text[i : j-1]
			if word != "" && !strings.HasSuffix(word, ".") && isAbbreviation(word) {
				break // "Mr.", "U.S.", "J." keep their period
			}
			tail = append(tail, Token{Text: ".", Start: j - 1, End: j})
			j--
			continue
		}
		if strings.ContainsRune(closePunct, r) || isDash(r, text[i:j]) {
			if (r == '\'' || r == '’') && j-size > i {
				// A trailing apostrophe after s is a plural possessive.
				prev, _ := utf8.DecodeLastRuneInString(text[i : j-size])
				if prev == 's' || prev == 'S' {
					tail = append(tail, Token{Text: text[j-size : j], Start: j - size, End: j})
					j -= size
					continue
				}
			}
			tail = append(tail, Token{Text: text[j-size : j], Start: j - size, End: j})
			j -= size
			continue
		}
		break
	}
	if i < j {
		toks = splitWord(toks, text, i, j)
	}
	for k := len(tail) - 1; k >= 0; k-- {
		toks = append(toks, tail[k])
	}
	return toks
}

// splitWord separates clitics ("Russia's" -> "Russia" "'s", "don't" ->
// "do" "n't") and inner dashes ("war—and") from a word.
func splitWord(toks []Token, text string, i, j int) []Token {
	w := text[i:j]
	// Em/en dashes and double hyphens inside a chunk separate words.
	for _, d := range []string{"—", "–", "--"} {
		if k := strings.Index(w, d); k > 0 && k+len(d) < len(w) {
			toks = splitWord(toks, text, i, i+k)
			toks = append(toks, Token{Text: d, Start: i + k, End: i + k + len(d)})
			return splitWord(toks, text, i+k+len(d), j)
		}
	}
	lw := strings.ToLower(w)
	// "Hague-based", "Moscow-backed": the place is a word of its own.
	if k := strings.LastIndexByte(w, '-'); k > 0 && relationSuffixes[lw[k+1:]] && isUpperAt(w, 0) {
		toks = splitWord(toks, text, i, i+k)
		return append(toks, Token{Text: text[i+k : j], Start: i + k, End: j})
	}
	for _, suf := range []string{"n't", "n’t"} {
		if strings.HasSuffix(lw, suf) && len(w) > len(suf) {
			k := j - len(suf)
			toks = append(toks, Token{Text: text[i:k], Start: i, End: k})
			return append(toks, Token{Text: text[k:j], Start: k, End: j})
		}
	}
	for _, suf := range []string{"'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"} {
		if strings.HasSuffix(lw, suf) && len(w) > len(suf) {
			k := j - len(suf)
			toks = append(toks, Token{Text: text[i:k], Start: i, End: k})
			return append(toks, Token{Text: text[k:j], Start: k, End: j})
		}
	}
	return append(toks, Token{Text: w, Start: i, End: j})
}

// relationSuffixes end hyphenated compounds whose first part is a name that
// the compound relates to: "Hague-based", "Kremlin-backed".
var relationSuffixes = map[string]bool{
	"based": true, "born": true, "led": true, "backed": true, "owned": true, "run": true,
	"controlled": true, "occupied": true, "headquartered": true, "funded": true, "allied": true,
	"linked": true, "affiliated": true, "sponsored": true, "registered": true, "listed": true,
	"made": true, "installed": true, "appointed": true, "annexed": true, "held": true, "bound": true,
	"mandated": true, "sanctioned": true, "supported": true, "brokered": true,
}

func isUpperAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

func isDash(r rune, s string) bool {
	if r == '—' || r == '–' {
		return true
	}
	return r == '-' && strings.HasPrefix(s, "--")
}

func dashLen(s string, size int) int {
	if strings.HasPrefix(s, "--") {
		return 2
	}
	return size
}

func isLetterAt(text string, i, j int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:j])
	return unicode.IsLetter(r)
}

func isContractionStart(s string) bool {
	ls := strings.ToLower(s)
	for _, p := range []string{"'em", "'tis", "'twas", "'n'"} {
		if strings.HasPrefix(ls, p) {
			return true
		}
	}
	return false
}
