// The PaperGraph library: the pipeline, and every stage re-exported so a program
// can `import PaperGraph` and use the graph, its store, queries and exports.
@_exported import PaperGraphModel
@_exported import PaperGraphOntology
@_exported import PaperGraphIngest
@_exported import PaperGraphExtract
@_exported import PaperGraphStore
@_exported import PaperGraphQuery
@_exported import PaperGraphExport
