// Who speaks for whom, with the title each holds?
g.addDefaultNamespaces()
g.V().Tag("spokesperson").Out(g.IRI("ng:spokesperson_for")).Tag("speaks_for")
  .Back("spokesperson").Out(g.IRI("ng:has_title")).Tag("title").Unique().All()
