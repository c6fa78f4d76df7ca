// Who issued arrest warrants for whom, and in which articles?
g.addDefaultNamespaces()
// (key turns a node into text the same way in the console, which reads JSON-LD, and on the command line)
function key(v) { return typeof v === "object" ? JSON.stringify(v) : String(v) }
var rows = {}
g.V().Has(g.IRI("rdf:predicate"), g.IRI("ng:issued_arrest_warrant_for"))
  .Save(g.IRI("rdf:subject"), "court").Save(g.IRI("rdf:object"), "person").Save(g.IRI("ng:article"), "article")
  .ForEach(function (r) {
    var k = key(r.court) + key(r.person)
    rows[k] = rows[k] || {court: r.court, person: r.person, articles: []}
    rows[k].articles.push(r.article)
  })
for (var k in rows) g.Emit(rows[k])
