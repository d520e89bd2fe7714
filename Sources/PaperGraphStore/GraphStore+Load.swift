import PaperGraphModel

extension GraphStore {
    /// Loads the whole graph into memory, from one consistent snapshot (a build
    /// writing at the same time is seen as of its last committed batch).
    ///
    /// Nodes come back in insertion order, as the graph built from the same
    /// fragments in memory has them; edges come back grouped by source node.
    public func loadGraph() throws(StoreError) -> KnowledgeGraph {
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }

        var graph = KnowledgeGraph()
        let maxRow = try connection.integer("SELECT coalesce(max(id), 0) FROM nodes")
        // Rowids are dense (nodes are never deleted), so an array maps them to graph indices.
        var indexOfRow = [Int32](repeating: -1, count: Int(maxRow) + 1)
        let nodes = try connection.prepare("SELECT id, kind, key, name, props FROM nodes ORDER BY id")
        while try nodes.step() {
            let node = try Self.node(nodes, path: path)
            indexOfRow[Int(nodes.int64(0))] = Int32(graph.upsert(node))
        }

        let edges = try connection.prepare("SELECT src, rel, dst, evidence FROM edges")
        while try edges.step() {
            let src = edges.int64(0), dst = edges.int64(2)
            let relation = try Self.relation(edges, column: 1, path: path)
            guard src >= 0, src <= maxRow, dst >= 0, dst <= maxRow,
                  indexOfRow[Int(src)] >= 0, indexOfRow[Int(dst)] >= 0 else {
                throw .corrupt(path: path, reason: "edge \(src) \(relation.rawValue) \(dst) names a missing node")
            }
            let evidence = try Self.evidence(edges, column: 3, path: path, edge: "\(src) \(relation.rawValue) \(dst)")
            graph.addEdge(from: Int(indexOfRow[Int(src)]), relation: relation, to: Int(indexOfRow[Int(dst)]),
                          evidence: evidence)
        }
        return graph
    }
}
