// Who leads which country or organization?
g.addDefaultNamespaces()
// (key turns a node into text the same way in the console, which reads JSON-LD, and on the command line)
function key(v) { return typeof v === "object" ? JSON.stringify(v) : String(v) }
var seen = {}
g.V().Tag("leader").Out(g.IRI("ng:leader_of")).Tag("of").ForEach(function (r) {
  if (!seen[key(r.leader) + key(r.of)]) { seen[key(r.leader) + key(r.of)] = true; g.Emit({leader: r.leader, of: r.of}) }
})
