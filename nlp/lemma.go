package nlp

import (
	"fmt"
	"strings"
	"sync"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"
)

// Lexicon knows English word forms: their lemmas ("withdrew" -> "withdraw")
// and whether a lower-case word is a common English word.
type Lexicon struct {
	l *golem.Lemmatizer
}

var (
	lexicon     *Lexicon
	lexiconErr  error
	lexiconOnce sync.Once
)

// DefaultLexicon loads golem's English dictionary once.
func DefaultLexicon() (*Lexicon, error) {
	lexiconOnce.Do(func() {
		l, err := golem.New(en.New())
		if err != nil {
			lexiconErr = fmt.Errorf("load English lemma dictionary: %w", err)
			return
		}
		lexicon = &Lexicon{l: l}
	})
	return lexicon, lexiconErr
}

// Lemma returns the base form of a lower-case word, or the word itself.
func (x *Lexicon) Lemma(lower string) string { return x.l.LemmaLower(lower) }

// VerbLemma returns the base form of a lower-case verb form: where the
// dictionary also knows the form as a noun of its own ("saying",
// "calling", "telling"), the verb's base form, not the noun.
func (x *Lexicon) VerbLemma(lower string) string {
	l := x.l.LemmaLower(lower)
	if l != lower {
		return l
	}
	for _, c := range x.l.Lemmas(lower) {
		if c != lower {
			return c
		}
	}
	// The dictionary lists some -ing and -ed forms only as words of their
	// own: try the stem, the stem with "e" ("ruling"), and the stem with
	// a doubled consonant undone ("running").
	for _, suffix := range []string{"ing", "ed"} {
		stem, ok := strings.CutSuffix(lower, suffix)
		if !ok || len(stem) < 2 {
			continue
		}
		cands := []string{stem, stem + "e"}
		if n := len(stem); stem[n-1] == stem[n-2] {
			cands = append(cands, stem[:n-1])
		}
		for _, c := range cands {
			if x.l.InDict(c) {
				return c
			}
		}
	}
	return lower
}

// Known reports whether a lower-case word is in the dictionary.
func (x *Lexicon) Known(lower string) bool { return x.l.InDict(lower) }
