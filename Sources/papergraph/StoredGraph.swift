import PaperGraph

/// Loads the graph a previous `papergraph build` stored, for the read-only
/// commands (query, show, export, map, papers, neighbors, path).
///
/// The graph is kept alive until the process exits: every caller loads once and
/// exits soon after, and freeing a 1M-paper graph node by node (millions of
/// strings, dictionaries and arrays) took about a second at exit for nothing —
/// the kernel takes the whole address space back at once.
///
/// - Parameter evidence: whether to load every edge's evidence; queries and
///   drawings that never show it load faster without.
func loadStoredGraph(_ path: String, evidence: Bool = true) throws -> KnowledgeGraph {
    let store = try GraphStore(path: path, mode: .readOnly)
    defer { store.close() }
    let graph = try store.loadGraph(evidence: evidence ? .all : .none)
    _ = Unmanaged.passRetained(KeptUntilExit(graph))
    return graph
}

/// A graph deliberately never released (see ``loadStoredGraph(_:evidence:)``).
private final class KeptUntilExit {
    let graph: KnowledgeGraph
    init(_ graph: KnowledgeGraph) { self.graph = graph }
}
