// The evidence for a fact: why does the graph say Russia annexed Crimea?
g.addDefaultNamespaces()
g.V().Has(g.IRI("rdf:predicate"), g.IRI("ng:annexed")).Has(g.IRI("rdf:subject"), g.IRI("ent:Russia"))
  .Save(g.IRI("ng:evidence"), "sentence").Save(g.IRI("ng:confidence"), "confidence")
  .Save(g.IRI("ng:rule"), "rule").Save(g.IRI("ng:article"), "article").All()
