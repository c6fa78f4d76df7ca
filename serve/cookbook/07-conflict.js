// Who attacked, invaded, annexed or killed whom?
g.addDefaultNamespaces()
// (key turns a node into text the same way in the console, which reads JSON-LD, and on the command line)
function key(v) { return typeof v === "object" ? JSON.stringify(v) : String(v) }
var seen = {}
g.V().Tag("who").Out([g.IRI("ng:invaded"), g.IRI("ng:annexed"), g.IRI("ng:attacked"), g.IRI("ng:killed")], "did").Tag("whom")
  .ForEach(function (r) {
    var k = key(r.who) + key(r.did) + key(r.whom)
    if (!seen[k]) { seen[k] = true; g.Emit({who: r.who, did: r.did, whom: r.whom}) }
  })
