// What happened on 17 March 2023, by the articles' own dating of each statement?
g.addDefaultNamespaces()
g.V("\"2023-03-17\"^^<http://www.w3.org/2001/XMLSchema#date>").In(g.IRI("ng:date"))
  .Save(g.IRI("rdf:subject"), "subject").Save(g.IRI("rdf:predicate"), "predicate").Save(g.IRI("rdf:object"), "object").All()
