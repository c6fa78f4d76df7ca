// Where are organizations based?
g.addDefaultNamespaces()
// (key turns a node into text the same way in the console, which reads JSON-LD, and on the command line)
function key(v) { return typeof v === "object" ? JSON.stringify(v) : String(v) }
var seen = {}
g.V().Tag("organization").Out(g.IRI("ng:based_in")).Tag("based_in").ForEach(function (r) {
  if (!seen[key(r.organization) + key(r.based_in)]) { seen[key(r.organization) + key(r.based_in)] = true; g.Emit({organization: r.organization, based_in: r.based_in}) }
})
