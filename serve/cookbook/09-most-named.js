// The people named in the most articles
g.addDefaultNamespaces()
// (key turns a node into text the same way in the console, which reads JSON-LD, and on the command line)
function key(v) { return typeof v === "object" ? JSON.stringify(v) : String(v) }
var articles = {}
g.V().Has(g.IRI("rdf:type"), g.IRI("schema:Person")).Tag("person").Out(g.IRI("ng:mentionedIn")).ForEach(function (r) {
  var p = key(r.person)
  articles[p] = articles[p] || {person: r.person, in: {}}
  articles[p].in[key(r.id)] = true
})
Object.keys(articles)
  .map(function (p) { return {person: articles[p].person, articles: Object.keys(articles[p].in).length, key: p} })
  .sort(function (a, b) { return b.articles - a.articles || (a.key < b.key ? -1 : 1) })
  .slice(0, 5).forEach(function (r) { g.Emit({person: r.person, articles: r.articles}) })
