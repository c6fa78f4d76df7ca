package nlp

import (
	"fmt"
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

// Known reports whether a lower-case word is in the dictionary.
func (x *Lexicon) Known(lower string) bool { return x.l.InDict(lower) }
