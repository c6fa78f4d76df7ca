// Which countries are not party to a treaty or court, did not ratify it, or withdrew?
g.addDefaultNamespaces()
// (key turns a node into text the same way in the console, which reads JSON-LD, and on the command line)
function key(v) { return typeof v === "object" ? JSON.stringify(v) : String(v) }
var seen = {}
g.V().Tag("country").Out([g.IRI("ng:not_party_to"), g.IRI("ng:not_member_of"), g.IRI("ng:not_ratified"), g.IRI("ng:withdrew_signature")], "relation").Tag("treaty")
  .ForEach(function (r) {
    var k = key(r.country) + key(r.relation) + key(r.treaty)
    if (!seen[k]) { seen[k] = true; g.Emit({country: r.country, relation: r.relation, treaty: r.treaty}) }
  })
