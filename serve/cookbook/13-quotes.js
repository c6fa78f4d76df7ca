// Who said what about the warrant (quotes that mention it)
g.addDefaultNamespaces()
g.V().Tag("speaker").Out(g.IRI("ng:said")).Filter(regex("warrant|court|justice")).Tag("quote").All()
