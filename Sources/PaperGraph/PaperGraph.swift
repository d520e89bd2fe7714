@_exported import PaperGraphModel
@_exported import PaperGraphOntology
