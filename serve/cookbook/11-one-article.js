// What did one article (the Kyiv reaction) contribute, by predicate?
g.addDefaultNamespaces()
// (key turns a node into text the same way in the console, which reads JSON-LD, and on the command line)
function key(v) { return typeof v === "object" ? JSON.stringify(v) : String(v) }
var count = {}
g.V().Has(g.IRI("ng:article"), g.IRI("art:03_kyiv-reaction")).Out(g.IRI("rdf:predicate"))
  .ForEach(function (r) { count[key(r.id)] = (count[key(r.id)] || 0) + 1 })
g.Emit(count)
