// Every fact about one person, with the sentence and article it came from
g.addDefaultNamespaces()
g.V().Has(g.IRI("schema:name"), "Maria Lvova-Belova").Unique().In(g.IRI("rdf:subject"))
  .Save(g.IRI("rdf:predicate"), "predicate").Save(g.IRI("rdf:object"), "object")
  .Save(g.IRI("ng:article"), "article").Save(g.IRI("ng:evidence"), "sentence").All()
