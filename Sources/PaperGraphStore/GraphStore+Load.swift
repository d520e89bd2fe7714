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
    ///
    /// Node rows are decoded on a second thread (``NodeRowDecoder``) while this one
    /// reads and decodes the edges, and the graph is then built in bulk
    /// (``KnowledgeGraph/init(distinctNodes:distinctEdges:)``): the store's
    /// constraints already guarantee one node per identity and one edge per triple.
    public func loadGraph(evidence: EvidenceLoading = .all) throws(StoreError) -> KnowledgeGraph {
        // Read the file through a memory map rather than read(2): a load touches every
        // page once, and copying 1.7 GB (1M papers) through the kernel was a third of
        // the load's time. A store only grows (no deletes shrink it, no auto-vacuum), so
        // the map never points past the end of the file. Up to SQLite's 2 GB ceiling;
        // pages beyond it are read as before.
        try connection.execute("PRAGMA mmap_size = \(Self.loadMapSize)")
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }

        let maxRow = try connection.integer("SELECT coalesce(max(id), 0) FROM nodes")
        let edgeCount = try connection.integer("SELECT count(*) FROM edges")
        // Rowids are dense (nodes are never deleted), so an array maps them to graph
        // indices; a node's index is its rank in rowid order.
        var indexOfRow = [Int32](repeating: -1, count: Int(maxRow) + 1)
        let decoder = NodeRowDecoder(path: path, expectedNodes: Int(maxRow))
        let nodeRows = try connection.prepare("SELECT id, kind, key, name, props FROM nodes ORDER BY id")
        var chunk = NodeRowDecoder.Chunk()
        var nodeCount: Int32 = 0
        while try nodeRows.step() {
            let row = nodeRows.int64(0)
            guard row >= 0, row <= maxRow else { throw .corrupt(path: path, reason: "node row \(row) beyond max(id)") }
            indexOfRow[Int(row)] = nodeCount
            nodeCount += 1
            chunk.append(row: row, kind: try Self.kind(nodeRows, column: 1, path: path), key: nodeRows.blob(2),
                         name: nodeRows.blob(3), props: nodeRows.blob(4))
            if chunk.rows.count == Self.nodeChunkRows {
                decoder.submit(chunk)
                chunk = NodeRowDecoder.Chunk()
            }
        }
        decoder.submit(chunk)

        // Edges are decoded here while the decoder builds the nodes. The primary key
        // order makes a repeated edge (impossible in a sound file) adjacent, so the
        // distinctness the bulk graph constructor relies on is checked in passing.
        let withEvidence = evidence == .all
        let edgeRows = try connection.prepare(withEvidence ? "SELECT src, rel, dst, evidence FROM edges ORDER BY src, rel, dst"
                                                           : "SELECT src, rel, dst FROM edges ORDER BY src, rel, dst")
        var edges: [Edge] = []
        edges.reserveCapacity(Int(edgeCount))
        var sentences = SentenceCache()
        var previous: (src: Int64, relation: Relation, dst: Int64)?
        while try edgeRows.step() {
            let src = edgeRows.int64(0), dst = edgeRows.int64(2)
            let relation = try Self.relation(edgeRows, column: 1, path: path)
            guard src >= 0, src <= maxRow, dst >= 0, dst <= maxRow,
                  indexOfRow[Int(src)] >= 0, indexOfRow[Int(dst)] >= 0 else {
                throw .corrupt(path: path, reason: "edge \(src) \(relation.rawValue) \(dst) names a missing node")
            }
            if let previous, previous == (src, relation, dst) {
                throw .corrupt(path: path, reason: "edge \(src) \(relation.rawValue) \(dst) is stored twice")
            }
            if previous?.src != src { sentences.reset() }
            previous = (src, relation, dst)
            let items = withEvidence
                ? try Self.evidence(edgeRows, column: 3, path: path, sentences: &sentences,
                                    edge: "\(src) \(relation.rawValue) \(dst)") : []
            edges.append(Edge(from: Int(indexOfRow[Int(src)]), relation: relation, to: Int(indexOfRow[Int(dst)]),
                              evidence: items))
        }

        guard let graph = KnowledgeGraph(distinctNodes: try decoder.finish(), distinctEdges: edges) else {
            throw .corrupt(path: path, reason: "two nodes share one kind and key")
        }
        return graph
    }

    /// Node rows copied per chunk handed to the decoder thread (a few MB of abstracts).
    static let nodeChunkRows = 2_048

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
