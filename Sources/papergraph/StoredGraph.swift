import PaperGraph

/// Loads the graph a previous `papergraph build` stored, for the read-only
/// commands (query, show, export, map, papers, neighbors, path).
///
/// - Parameter evidence: whether to load every edge's evidence; queries and
///   drawings that never show it load faster without.
func loadStoredGraph(_ path: String, evidence: Bool = true) throws -> KnowledgeGraph {
    let store = try GraphStore(path: path, mode: .readOnly)
    defer { store.close() }
    return try store.loadGraph(evidence: evidence ? .all : .none)
}
