import PaperGraphModel

extension GraphStore {
    /// What ``loadGraph(evidence:)`` reads besides nodes and edges.
    public enum EvidenceLoading: Sendable {
        /// Every edge's evidence (what `show` and exports with evidence need).
        case all
        /// None: edges come back with empty evidence. Decoding evidence allocates one
        /// array and about one string per edge, most of a large load's cost, and
        /// queries, paths and most exports never read it; fetch it per edge with
        /// ``evidence(from:relation:to:)``.
        case none
    }

    /// Loads the whole graph into memory, from one consistent snapshot (a build
    /// writing at the same time is seen as of its last committed batch).
    ///
    /// Nodes come back in insertion order, as the graph built from the same
    /// fragments in memory has them; edges come back grouped by source node.
    public func loadGraph(evidence: EvidenceLoading = .all) throws(StoreError) -> KnowledgeGraph {
        // Read the file through a memory map rather than read(2): a load touches every
        // page once, and copying 1.7 GB (1M papers) through the kernel was a third of
        // the load's time. A store only grows (no deletes shrink it, no auto-vacuum), so
        // the map never points past the end of the file. Up to SQLite's 2 GB ceiling;
        // pages beyond it are read as before.
        try connection.execute("PRAGMA mmap_size = \(Self.loadMapSize)")
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }

        var graph = KnowledgeGraph()
        let maxRow = try connection.integer("SELECT coalesce(max(id), 0) FROM nodes")
        let edgeCount = try connection.integer("SELECT count(*) FROM edges")
        graph.reserveCapacity(nodes: Int(maxRow), edges: Int(edgeCount))
        // Rowids are dense (nodes are never deleted), so an array maps them to graph indices.
        var indexOfRow = [Int32](repeating: -1, count: Int(maxRow) + 1)
        let nodes = try connection.prepare("SELECT id, kind, key, name, props FROM nodes ORDER BY id")
        while try nodes.step() {
            let node = try Self.node(nodes, path: path)
            indexOfRow[Int(nodes.int64(0))] = Int32(graph.upsert(node))
        }

        let withEvidence = evidence == .all
        let edges = try connection.prepare(withEvidence ? "SELECT src, rel, dst, evidence FROM edges"
                                                        : "SELECT src, rel, dst FROM edges")
        while try edges.step() {
            let src = edges.int64(0), dst = edges.int64(2)
            let relation = try Self.relation(edges, column: 1, path: path)
            guard src >= 0, src <= maxRow, dst >= 0, dst <= maxRow,
                  indexOfRow[Int(src)] >= 0, indexOfRow[Int(dst)] >= 0 else {
                throw .corrupt(path: path, reason: "edge \(src) \(relation.rawValue) \(dst) names a missing node")
            }
            let items = withEvidence
                ? try Self.evidence(edges, column: 3, path: path, edge: "\(src) \(relation.rawValue) \(dst)") : []
            graph.addEdge(from: Int(indexOfRow[Int(src)]), relation: relation, to: Int(indexOfRow[Int(dst)]),
                          evidence: items)
        }
        return graph
    }

    /// Bytes of the file a load maps (SQLite caps this at its compile-time maximum).
    static let loadMapSize: Int64 = 0x7fff_0000

    /// The evidence of one edge, or nil when the store has no such edge.
    public func evidence(from: NodeID, relation: Relation, to: NodeID) throws(StoreError) -> [Evidence]? {
        let statement = try connection.prepare("""
            SELECT e.evidence FROM edges AS e
            JOIN nodes AS s ON s.id = e.src JOIN nodes AS d ON d.id = e.dst
            WHERE s.kind = ?1 AND s.key = ?2 AND e.rel = ?3 AND d.kind = ?4 AND d.key = ?5
            """)
        statement.bind(1, from.kind.rawValue)
        statement.bind(2, from.key)
        statement.bind(3, relation.rawValue)
        statement.bind(4, to.kind.rawValue)
        statement.bind(5, to.key)
        guard try statement.step() else { return nil }
        defer { statement.reset() }
        return try Self.evidence(statement, column: 0, path: path, edge: "\(from) \(relation.rawValue) \(to)")
    }
}
