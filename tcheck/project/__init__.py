"""Setting up a project: ``tcheck init`` surveys a repository (:mod:`.survey`) and writes a configuration
and starter glossaries (:mod:`.starter_glossary`)."""
