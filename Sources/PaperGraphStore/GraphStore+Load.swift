import Dispatch
import Foundation
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
    /// Two threads share the work. A reader thread steps SQLite, copying node rows
    /// and then edge rows into chunks; this thread decodes chunks as they come
    /// (``ChunkDecoder``; the reader decodes some too whenever it is ahead), indexes
    /// the nodes while the reader is still on the edges, and helps with the edges'
    /// evidence. The graph is built in bulk (``KnowledgeGraph/init(nodes:edges:)``):
    /// the store's constraints already guarantee one node per identity and one edge
    /// per triple.
    public func loadGraph(evidence: EvidenceLoading = .all) throws(StoreError) -> KnowledgeGraph {
        try loadGraph(evidence: evidence, chunking: .default)
    }

    /// How many rows the loader copies per chunk.
    struct LoadChunking {
        /// Node rows per chunk (a few MB of abstracts).
        var nodeRows: Int
        /// Edge rows per chunk, give or take one source node's edges.
        var edgeRows: Int

        static let `default` = LoadChunking(nodeRows: 2_048, edgeRows: 16_384)
    }

    /// ``loadGraph(evidence:)`` with chunks of a chosen size (tests use tiny ones, so
    /// a small store spans many chunks decoded on both threads).
    func loadGraph(evidence: EvidenceLoading, chunking: LoadChunking) throws(StoreError) -> KnowledgeGraph {
        // Read the file through a memory map rather than read(2): a load touches every
        // page once, and copying 1.7 GB (1M papers) through the kernel was a third of
        // the load's time. A store only grows (no deletes shrink it, no auto-vacuum), so
        // the map never points past the end of the file. Up to SQLite's 2 GB ceiling;
        // pages beyond it are read as before.
        try connection.execute("PRAGMA mmap_size = \(Self.loadMapSize)")
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }

        let reader = RowReader(store: self, withEvidence: evidence == .all, chunking: chunking)
        // A thread of its own, not a pool's: this thread blocks on the reader's
        // chunks, so the reader must never wait for a pool thread to come free.
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            reader.run()
            done.signal()
        }
        thread.name = "papergraph store reader"
        thread.start()
        reader.nodes.decodeUntilDone()
        let nodes = Result { () throws(StoreError) in try reader.nodes.finish() }.map(KnowledgeGraph.IndexedNodes.init)
        reader.edges.decodeUntilDone()
        // The reader owns the connection until it is done.
        done.wait()
        // A node that failed to decode stopped the reader: its error is the one to report.
        guard let indexed = try nodes.get() else {
            throw .corrupt(path: path, reason: "two nodes share one kind and key")
        }
        guard let edges = try reader.result.get() else {
            throw .corrupt(path: path, reason: "an edge names a node index out of range")
        }
        guard let graph = KnowledgeGraph(nodes: indexed, edges: edges) else {
            throw .corrupt(path: path, reason: "edges were read for a different number of nodes")
        }
        return graph
    }

    /// The thread of ``loadGraph(evidence:)`` that steps SQLite: node rows, then edge
    /// rows, into chunks for the two decoders; then it helps decode and indexes the edges.
    ///
    /// `@unchecked Sendable`: the store's connection is used only by ``run()`` while
    /// the loading thread waits for it, and ``result`` is read only after that.
    private final class RowReader: @unchecked Sendable {
        let store: GraphStore
        let withEvidence: Bool
        let chunking: LoadChunking
        let nodes: ChunkDecoder<NodeChunk, Node>
        let edges: ChunkDecoder<EdgeChunk, Edge>
        var result: Result<KnowledgeGraph.IndexedEdges?, StoreError> = .success(nil)

        init(store: GraphStore, withEvidence: Bool, chunking: LoadChunking) {
            self.store = store
            self.withEvidence = withEvidence
            self.chunking = chunking
            let path = store.path
            nodes = ChunkDecoder { chunk, output throws(StoreError) in try chunk.decode(path: path, into: &output) }
            edges = ChunkDecoder { chunk, output throws(StoreError) in try chunk.decode(path: path, into: &output) }
        }

        func run() {
            // Whatever happens, the loading thread must not wait for more chunks.
            defer {
                nodes.closeInput()
                edges.closeInput()
            }
            result = Result { () throws(StoreError) in
                let indexOfRow = try readNodes()
                if nodes.hasFailed { return nil }
                try readEdges(indexOfRow: indexOfRow)
                // Node chunks still waiting are the loading thread's critical path.
                nodes.decodeWaiting()
                edges.decodeUntilDone()
                return KnowledgeGraph.IndexedEdges(try edges.finish(), nodeCount: indexOfRow.count)
            }
        }

        /// Copies node rows into chunks; returns each rowid's graph index.
        private func readNodes() throws(StoreError) -> RowIndices {
            defer { nodes.closeInput() }
            let connection = store.connection, path = store.path
            var indices = RowIndices(maxRow: try connection.integer("SELECT coalesce(max(id), 0) FROM nodes"))
            let rows = try connection.prepare("SELECT id, kind, key, name, props FROM nodes ORDER BY id")
            var chunk = NodeChunk()
            while try rows.step() {
                let row = rows.int64(0)
                guard indices.add(row) else { throw .corrupt(path: path, reason: "node row \(row) beyond max(id)") }
                chunk.append(row: row, kind: try GraphStore.kind(rows, column: 1, path: path), key: rows.blob(2),
                             name: rows.blob(3), props: rows.blob(4))
                if chunk.count == chunking.nodeRows {
                    nodes.submit(chunk)
                    chunk = NodeChunk()
                    if nodes.hasFailed { break }
                }
            }
            nodes.submit(chunk)
            return indices
        }

        /// Copies edge rows into chunks, in primary key order. That order makes a
        /// repeated edge (impossible in a sound file) adjacent, so the distinctness the
        /// bulk graph relies on is checked in passing.
        private func readEdges(indexOfRow indices: RowIndices) throws(StoreError) {
            defer { edges.closeInput() }
            let connection = store.connection, path = store.path
            let rows = try connection.prepare(withEvidence ? "SELECT src, rel, dst, evidence FROM edges ORDER BY src, rel, dst"
                                                           : "SELECT src, rel, dst FROM edges ORDER BY src, rel, dst")
            var chunk = EdgeChunk()
            var previous: (src: Int64, relation: Relation, dst: Int64)?
            while try rows.step() {
                let src = rows.int64(0), dst = rows.int64(2)
                let relation = try GraphStore.relation(rows, column: 1, path: path)
                guard let from = indices[src], let to = indices[dst] else {
                    throw .corrupt(path: path, reason: "edge \(src) \(relation.rawValue) \(dst) names a missing node")
                }
                if let previous, previous == (src, relation, dst) {
                    throw .corrupt(path: path, reason: "edge \(src) \(relation.rawValue) \(dst) is stored twice")
                }
                // A chunk ends where the source changes: one node's edges are decoded together.
                if chunk.count >= chunking.edgeRows && previous?.src != src {
                    edges.submit(chunk)
                    chunk = EdgeChunk()
                    if edges.hasFailed { return }
                }
                previous = (src, relation, dst)
                chunk.append(from: from, relation: relation, to: to,
                             evidence: withEvidence ? rows.blob(3) : UnsafeRawBufferPointer(start: nil, count: 0),
                             rows: (src, dst))
            }
            edges.submit(chunk)
        }
    }

    /// Node rowids → graph indices. Rowids are dense (nodes are never deleted), so an
    /// array maps them; a node's index is its rank in rowid order.
    private struct RowIndices {
        private var indexOfRow: [Int32]
        private(set) var count = 0

        init(maxRow: Int64) {
            indexOfRow = [Int32](repeating: -1, count: Int(max(maxRow, 0)) + 1)
        }

        /// Gives the next index to `row`; false when the row is beyond max(id).
        mutating func add(_ row: Int64) -> Bool {
            guard row >= 0, row < indexOfRow.count else { return false }
            indexOfRow[Int(row)] = Int32(count)
            count += 1
            return true
        }

        /// The index of a node row, nil when there is no such node.
        subscript(row: Int64) -> Int32? {
            guard row >= 0, row < indexOfRow.count, indexOfRow[Int(row)] >= 0 else { return nil }
            return indexOfRow[Int(row)]
        }
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
