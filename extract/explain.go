package extract

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Explain extracts an article and writes, sentence by sentence, what the
// extractor saw: tokens with their tags, mentions with their entities, and
// the statements read, with the rule behind each. For tuning rules.
func (x *Extractor) Explain(a newsgraph.Article, w io.Writer) *newsgraph.Document {
	d := &doc{x: x, art: &a, text: a.Text, seen: map[factKey]bool{}}
	d.readSentences()
	d.findDates()
	d.findEntities()
	d.linkMentions()
	d.findRelations()
	d.findQuotes()
	out := d.document()
	bySentence := map[int][]newsgraph.Fact{}
	for _, f := range out.Facts {
		bySentence[f.Evidence.Start] = append(bySentence[f.Evidence.Start], f)
	}
	for _, s := range d.sents {
		var b strings.Builder
		for i, t := range s.Tokens {
			if s.quoted[i] {
				b.WriteString("~")
			}
			b.WriteString(t.Text + "/" + t.Tag + " ")
		}
		fmt.Fprintf(w, "\n[%d] %s\n", s.index, strings.TrimSpace(b.String()))
		if s.date != "" {
			fmt.Fprintf(w, "    date %s\n", s.date)
		}
		for _, m := range s.mentions {
			kind := ""
			switch {
			case m.pronoun:
				kind = " pronoun"
			case m.nominal:
				kind = " nominal"
			case m.adjectival:
				kind = " demonym"
			}
			title := ""
			if m.title != "" {
				title = " title=" + m.title
			}
			fmt.Fprintf(w, "    mention %q %s%s%s -> %s (%s)\n", m.text(d), m.typ, kind, title, m.ent.name(d), m.ent.typ)
		}
		for _, f := range bySentence[s.Start] {
			obj := f.Value
			if f.Object >= 0 {
				obj = "<" + out.Entities[f.Object].Name + ">"
			} else {
				obj = fmt.Sprintf("%q", obj)
			}
			fmt.Fprintf(w, "    FACT <%s> %s %s  [%s %.2f]\n", out.Entities[f.Subject].Name, f.Predicate, obj, f.Rule, f.Confidence)
		}
	}
	return out
}
