package serve

// Example is a ready-to-run Gizmo query over newsgraph's graph, shown on
// the /examples page and in the console's Examples panel.
type Example struct {
	Title string `json:"title"`
	About string `json:"about"`
	Query string `json:"query"`
	// Visualize is set for queries that tag "source" and "target", the
	// two tags the console's Visualize page draws as an edge.
	Visualize bool `json:"visualize,omitempty"`
}

// IRIs the examples use, spelled out so each query can be copied as is.
const (
	exRDFType   = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
	exStatement = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>"
	exSubject   = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>"
	exPredicate = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>"
	exObject    = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object>"
	exName      = "<http://schema.org/name>"
	exPerson    = "<http://schema.org/Person>"
	exArticle   = "<http://schema.org/NewsArticle>"
	exPublished = "<http://schema.org/datePublished>"
	exEvidence  = "<https://newsgraph.dev/ns#evidence>"
	exFrom      = "<https://newsgraph.dev/ns#article>"
	exMentioned = "<https://newsgraph.dev/ns#mentionedIn>"
	exWarrant   = "<https://newsgraph.dev/ns#issued_arrest_warrant_for>"
	exLeads     = "<https://newsgraph.dev/ns#leader_of>"
	exSaid      = "<https://newsgraph.dev/ns#said>"
	exICCStory  = "<https://newsgraph.dev/article/01_icc-warrant-putin-hague>"
	exEntities  = `regex("^https://newsgraph.dev/entity/", true)`
)

// Examples are the queries offered to newcomers, written for the sample
// graph (`newsgraph build data/articles`); each returns results there.
var Examples = []Example{
	{
		Title:     "Who issued arrest warrants for whom",
		About:     "Every issued_arrest_warrant_for fact, tagged for Visualize: the court or authority is the source, the person the target.",
		Query:     `g.V().Tag("source").Out("` + exWarrant + `").Tag("target").All()`,
		Visualize: true,
	},
	{
		Title:     "Vladimir Putin's neighbourhood",
		About:     "The entities Vladimir Putin is related to, in either direction (found by his name; entities only, no literals).",
		Query:     `g.V().Has("` + exName + `", "Vladimir Putin").Tag("source").Both().Filter(` + exEntities + `).Unique().Tag("target").All()`,
		Visualize: true,
	},
	{
		Title: "Vladimir Putin's facts, with their sources",
		About: "Each extracted statement about him: subject, predicate, object, the sentence it was read from, and the article.",
		Query: `g.V().Has("` + exName + `", "Vladimir Putin")
  .In(["` + exSubject + `", "` + exObject + `"]).Tag("fact")
  .Save("` + exSubject + `", "subject")
  .Save("` + exPredicate + `", "predicate")
  .Save("` + exObject + `", "object")
  .Save("` + exEvidence + `", "evidence")
  .Save("` + exFrom + `", "article")
  .All()`,
	},
	{
		Title: "How the ICC warrant story connects",
		About: "The relations between entities extracted from one article (01_icc-warrant-putin-hague): subject as source, object as target.",
		Query: `g.V().Has("` + exRDFType + `", "` + exStatement + `")
  .Has("` + exFrom + `", "` + exICCStory + `").Tag("fact")
  .Out("` + exObject + `").Filter(` + exEntities + `).Tag("target")
  .Back("fact").Out("` + exSubject + `").Tag("source")
  .All()`,
		Visualize: true,
	},
	{
		Title: "Every relation between entities",
		About: "All extracted facts whose object is an entity, as one graph.",
		Query: `g.V().Has("` + exRDFType + `", "` + exStatement + `").Tag("fact")
  .Out("` + exObject + `").Filter(` + exEntities + `).Tag("target")
  .Back("fact").Out("` + exSubject + `").Tag("source")
  .All()`,
		Visualize: true,
	},
	{
		Title:     "Who leads what",
		About:     "Every leader_of fact, tagged for Visualize: the leader is the source, the country or organization the target.",
		Query:     `g.V().Tag("source").Out("` + exLeads + `").Tag("target").All()`,
		Visualize: true,
	},
	{
		Title: "People named in an article",
		About: "The people mentioned in the ICC warrant article, by name.",
		Query: `g.V().Has("` + exMentioned + `", "` + exICCStory + `")
  .Has("` + exRDFType + `", "` + exPerson + `")
  .Out("` + exName + `").Unique().All()`,
	},
	{
		Title: "Who said what",
		About: "Quotes attributed to a speaker.",
		Query: `g.V().Tag("speaker").Out("` + exSaid + `").Tag("quote").All()`,
	},
	{
		Title: "Facts read from sentences that mention a word",
		About: "Statements whose evidence sentence contains “warrant”, with their predicate: a full-text search over the evidence.",
		Query: `g.V().Has("` + exRDFType + `", "` + exStatement + `").Tag("fact")
  .Out("` + exEvidence + `").Filter(regex("warrant")).Tag("evidence")
  .Back("fact").Out("` + exPredicate + `").Tag("predicate")
  .All()`,
	},
	{
		Title: "Articles and their dates",
		About: "Every article in the graph with its publication date.",
		Query: `g.V().Has("` + exRDFType + `", "` + exArticle + `").Tag("article").Out("` + exPublished + `").Tag("published").All()`,
	},
	{
		Title: "How many people",
		About: "Counting: g.Emit sends any JavaScript value as a result.",
		Query: `g.Emit(g.V().Has("` + exRDFType + `", "` + exPerson + `").Count())`,
	},
}
