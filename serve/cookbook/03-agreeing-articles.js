// Which facts do two or more articles agree on?
g.addDefaultNamespaces()
// (key turns a node into text the same way in the console, which reads JSON-LD, and on the command line)
function key(v) { return typeof v === "object" ? JSON.stringify(v) : String(v) }
var facts = {}
g.V().Has(g.IRI("rdf:type"), g.IRI("rdf:Statement"))
  .Save(g.IRI("rdf:subject"), "s").Save(g.IRI("rdf:predicate"), "p").Save(g.IRI("rdf:object"), "o").Save(g.IRI("ng:article"), "a")
  .ForEach(function (r) {
    var k = [key(r.s), key(r.p), key(r.o)].join(" ")
    facts[k] = facts[k] || {}
    facts[k][key(r.a)] = true
  })
for (var k in facts) {
  var articles = Object.keys(facts[k])
  if (articles.length > 1) g.Emit({fact: k, articles: articles.length})
}
