// Package extract reads news articles like a careful analyst: it drops site
// boilerplate, splits sentences, finds people, organizations, places and
// treaties, links their mentions within the article (names, acronyms,
// "the court", pronouns), and reads out relations, quotes and dates, each
// with its evidence sentence and a confidence.
//
// The pipeline runs in named stages, each taking the previous one's
// output: clean -> sentences (tokens, tags, lemmas) -> dates -> entities
// -> coreference -> relations (rules from data files) -> quotes -> document.
// The knowledge it uses — gazetteers, boilerplate patterns, relation rules,
// the trained entity model — is data (package data), not code.
package extract

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/data"
	"github.com/newsgraph/newsgraph/nlp"
)

// Extractor turns articles into documents. It is safe for concurrent use:
// all its state is read-only after New.
type Extractor struct {
	tagger  *nlp.Tagger
	lexicon *nlp.Lexicon
	ner     *nlp.NER
	pairs   *nlp.PairModel
	gaz     *Gazetteer
	clean   *Cleaner
	rules   *RuleSet
}

// Options configure an extractor.
type Options struct {
	// Data is the folder of data files (gazetteer/, rules/, models/); the
	// embedded data when nil. A user folder only needs the files it
	// overrides: missing ones are read from the embedded data.
	Data fs.FS
}

// New loads the models and data files.
func New(opt Options) (*Extractor, error) {
	fsys := fs.FS(data.FS)
	if opt.Data != nil {
		fsys = overlay{opt.Data, data.FS}
	}
	x := &Extractor{}
	var err error
	if x.tagger, err = nlp.DefaultTagger(); err != nil {
		return nil, err
	}
	if x.lexicon, err = nlp.DefaultLexicon(); err != nil {
		return nil, err
	}
	if x.gaz, err = LoadGazetteer(fsys); err != nil {
		return nil, err
	}
	if x.clean, err = loadCleaner(fsys); err != nil {
		return nil, err
	}
	if x.rules, err = LoadRules(fsys, x.gaz); err != nil {
		return nil, err
	}
	model, err := fs.ReadFile(fsys, "models/ner.bin")
	if err != nil {
		return nil, fmt.Errorf("read entity model: %w", err)
	}
	if x.ner, err = nlp.ReadNER(model); err != nil {
		return nil, err
	}
	model, err = fs.ReadFile(fsys, "models/relations.bin")
	if err != nil {
		return nil, fmt.Errorf("read relation model: %w", err)
	}
	if x.pairs, err = nlp.ReadPairModel(model); err != nil {
		return nil, err
	}
	return x, nil
}

// overlay reads a file from the first file system that has it, and lists
// a folder as the union of both: a user's rules/mybeat.rules adds to the
// built-in rules, a user's rules/relations.rules replaces them.
type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if info, err := fs.Stat(o.top, name); err == nil && !info.IsDir() {
		return o.top.Open(name)
	}
	return o.base.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, fsys := range []fs.FS{o.top, o.base} {
		entries, err := fs.ReadDir(fsys, name)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if len(out) == 0 {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// sentence is one sentence with everything the stages learn about it.
type sentence struct {
	nlp.Sentence
	index    int
	para     int // paragraph number
	lower    []string
	lemma    []string
	mentions []*mention // in token order
	raw      []*mention // the entity model's spans, before typing
	at       []*mention // at[i]: the mention starting at token i
	quoted   []bool     // token inside a direct quote
	date     string     // the date the sentence refers to, if it names one
}

// doc is the extractor's working state for one article.
type doc struct {
	x        *Extractor
	art      *newsgraph.Article
	text     string
	sents    []*sentence
	entities []*entity
	facts    []newsgraph.Fact
	seen     map[factKey]bool
}

// Extract reads one article.
func (x *Extractor) Extract(a newsgraph.Article) *newsgraph.Document {
	d := &doc{x: x, art: &a, text: a.Text, seen: map[factKey]bool{}}
	d.readSentences()
	d.findDates()
	d.findEntities()
	d.linkMentions()
	d.findRelations()
	d.findQuotes()
	return d.document()
}

// readSentences cleans the article and splits, tags and lemmatizes its
// sentences.
func (d *doc) readSentences() {
	for pi, p := range d.x.clean.Paragraphs(d.text) {
		inQuote := false
		for _, s := range nlp.Sentences(d.text, p.start, p.end) {
			if len(s.Tokens) == 0 {
				continue
			}
			d.x.tagger.Tag(s.Tokens)
			st := &sentence{Sentence: s, index: len(d.sents), para: pi}
			st.lower = make([]string, len(s.Tokens))
			st.lemma = make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				st.lower[i] = strings.ToLower(t.Text)
				if strings.HasPrefix(t.Tag, "VB") {
					st.lemma[i] = d.x.lexicon.VerbLemma(st.lower[i])
				} else {
					st.lemma[i] = d.x.lexicon.Lemma(st.lower[i])
				}
			}
			st.quoted, inQuote = quotedTokens(s.Tokens, inQuote)
			d.sents = append(d.sents, st)
		}
	}
}

// document assembles the result.
func (d *doc) document() *newsgraph.Document {
	out := &newsgraph.Document{Article: *d.art, Sentences: len(d.sents)}
	index := make(map[*entity]int)
	for _, e := range d.entities {
		if e.dropped() {
			continue
		}
		index[e] = len(out.Entities)
		out.Entities = append(out.Entities, d.x.export(e, d.text))
	}
	for _, f := range d.facts {
		out.Facts = append(out.Facts, f)
	}
	// Facts refer to working entities by their position in d.entities;
	// renumber them to the exported list, dropping facts on dropped ones.
	kept := out.Facts[:0]
	for _, f := range out.Facts {
		s, ok := index[d.entities[f.Subject]]
		if !ok {
			continue
		}
		f.Subject = s
		if f.Object >= 0 {
			o, ok := index[d.entities[f.Object]]
			if !ok {
				continue
			}
			f.Object = o
		}
		kept = append(kept, f)
	}
	out.Facts = kept
	return out
}
