import PaperGraphModel

extension GraphStore {
    /// Writes fragments, committing every `batchSize` of them in one transaction.
    ///
    /// The unit of write is a ``GraphFragment``. For a fragment of paper P:
    /// - if its content hash (over P's node, the nodes it mentions and its edges with
    ///   evidence) equals the stored one, nothing is written, so building the same
    ///   input twice leaves the store byte-for-byte as it was;
    /// - otherwise P's node is replaced by the fragment's, P's old extracted edges
    ///   (``Relation/isExtracted``) are deleted and the fragment's written. The hash
    ///   covers the edges, not only title and abstract, so a build with an updated
    ///   ontology rewrites the papers whose extraction changed;
    /// - a second fragment of P while this store is open merges into the first, as
    ///   ``KnowledgeGraph/merge(_:)-(GraphFragment)`` does (one paper from two sources).
    ///
    /// Other nodes are merged as ``KnowledgeGraph/upsert(_:)`` does (richer property
    /// wins) and other edges by (from, relation, to) with evidence deduplicated; that
    /// is also all a fragment without a paper (read from GraphML) does. Nodes are never
    /// deleted: a method no paper mentions any more stays, with no edges.
    ///
    /// Crash safety comes from the two together: a batch is committed whole or not at
    /// all, and rewriting a committed batch changes nothing, so re-running a killed
    /// build yields what an uninterrupted one does.
    @discardableResult
    public func write(_ fragments: some Sequence<GraphFragment>, batchSize: Int = 10_000) throws(StoreError) -> WriteSummary {
        guard mode == .readWrite else { throw .readOnly(path: path) }
        var summary = WriteSummary()
        var undo: [(Int64, Int64?)] = []
        var state: WriteState?
        var pending = 0
        do throws(StoreError) {
            for fragment in fragments {
                if state == nil { state = try begin() }
                try write(fragment, state: state!, summary: &summary, undo: &undo)
                pending += 1
                if pending >= max(1, batchSize) {
                    try connection.execute("COMMIT")
                    state = nil; pending = 0; undo.removeAll(keepingCapacity: true)
                }
            }
            if state != nil {
                try connection.execute("COMMIT")
                state = nil
            }
        } catch {
            if state != nil {
                try? connection.execute("ROLLBACK")
                // The caches saw writes that were just undone.
                writeState = nil
                for (row, previous) in undo.reversed() { session[row] = previous }
            }
            throw error
        }
        return summary
    }

    /// Starts a write transaction, (re)loading the caches if another connection wrote.
    private func begin() throws(StoreError) -> WriteState {
        try connection.execute("BEGIN IMMEDIATE")
        do throws(StoreError) {
            let version = try connection.integer("PRAGMA data_version")
            if let state = writeState, state.dataVersion == version { return state }
            let state = try WriteState(connection: connection, path: path)
            writeState = state
            return state
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    private enum PaperMode { case none, fresh, replace, merge }

    private func write(_ fragment: GraphFragment, state: WriteState,
                       summary: inout WriteSummary, undo: inout [(Int64, Int64?)]) throws(StoreError) {
        let (nodes, edges) = Self.normalize(fragment)

        // Evidence is encoded once: the bytes are both what is hashed and what is
        // stored. Node properties are encoded only for rows actually written.
        state.evidenceBuffer.removeAll()
        var evidenceRanges: [Range<Int>] = []
        evidenceRanges.reserveCapacity(edges.count)
        for edge in edges {
            let start = state.evidenceBuffer.bytes.count
            PropertyCoding.encode(edge.evidence, into: &state.evidenceBuffer)
            evidenceRanges.append(start..<state.evidenceBuffer.bytes.count)
        }

        var paperMode = PaperMode.none
        var paperRow: Int64?
        var newHash: Int64 = 0
        if let paper = fragment.paper {
            let hash = Self.contentHash(paper: paper, nodes: nodes, edges: edges, state: state,
                                        evidenceRanges: evidenceRanges)
            paperRow = state.rows[paper]
            if let row = paperRow, let sessionHash = session[row] {
                paperMode = .merge
                var combined = StableHash()
                combined.combine(UInt64(bitPattern: sessionHash))
                combined.combine(UInt64(bitPattern: hash))
                newHash = combined.finalized
                summary.papersMerged += 1
            } else if let row = paperRow, state.storedHashes[row] == hash {
                undo.append((row, session[row]))
                session[row] = hash
                summary.papersUnchanged += 1
                return
            } else {
                paperMode = paperRow == nil ? .fresh : .replace
                newHash = hash
                if paperMode == .fresh { summary.papersAdded += 1 } else { summary.papersReplaced += 1 }
            }
            if paperMode == .replace, let row = paperRow {
                state.deleteExtracted.bind(1, row)
                try state.deleteExtracted.step()
            }
        } else {
            summary.otherFragments += 1
        }

        // Nodes, in fragment order, so rowids follow the order an in-memory merge would give.
        var nodeRows: [Int64] = []
        nodeRows.reserveCapacity(nodes.count)
        for node in nodes {
            if let row = state.rows[node.id] {
                nodeRows.append(row)
                if node.id == fragment.paper && paperMode == .replace {
                    try updateNode(row: row, node: node, state: state)
                } else {
                    try mergeNode(node, row: row, state: state)
                }
            } else {
                nodeRows.append(try insertNode(node, state: state))
            }
        }

        for (index, edge) in edges.enumerated() {
            let src = try endpoint(edge.from, nodes: nodes, rows: nodeRows, state: state)
            let dst = try endpoint(edge.to, nodes: nodes, rows: nodeRows, state: state)
            let owned = edge.from == fragment.paper && edge.relation.isExtracted
            if owned && (paperMode == .fresh || paperMode == .replace) {
                let statement = state.insertEdge
                statement.bind(1, src)
                statement.bind(2, edge.relation.rawValue)
                statement.bind(3, dst)
                state.evidenceBuffer.bytes.withUnsafeBytes { statement.bind(4, bytes: UnsafeRawBufferPointer(rebasing: $0[evidenceRanges[index]])) }
                try statement.step()
            } else {
                try mergeEdge(EdgeRowKey(src: src, relation: edge.relation, dst: dst), evidence: edge.evidence, state: state)
            }
        }

        if let paper = fragment.paper {
            let row = paperRow ?? state.rows[paper]!
            state.upsertPaper.bind(1, row)
            state.upsertPaper.bind(2, newHash)
            try state.upsertPaper.step()
            state.storedHashes[row] = newHash
            undo.append((row, session[row]))
            session[row] = newHash
        }
    }

    /// Merges a fragment within itself exactly as ``KnowledgeGraph/merge(_:)-(GraphFragment)``
    /// would: repeated nodes merged, repeated edges folded into one with new evidence appended.
    /// Fragments are small and rarely repeat anything, so linear search beats dictionaries
    /// and the common case returns the fragment's own arrays without copying.
    static func normalize(_ fragment: GraphFragment) -> (nodes: [Node], edges: [EdgeSpec]) {
        (repeatsNode(fragment.nodes) ? mergedNodes(fragment.nodes) : fragment.nodes,
         repeatsEdge(fragment.edges) ? mergedEdges(fragment.edges) : fragment.edges)
    }

    private static func repeatsNode(_ nodes: [Node]) -> Bool {
        for i in nodes.indices {
            for j in 0..<i where nodes[j].id == nodes[i].id { return true }
        }
        return false
    }

    private static func repeatsEdge(_ edges: [EdgeSpec]) -> Bool {
        for i in edges.indices {
            for j in 0..<i where edges[j].relation == edges[i].relation && edges[j].to == edges[i].to
                && edges[j].from == edges[i].from { return true }
        }
        return false
    }

    private static func mergedNodes(_ nodes: [Node]) -> [Node] {
        var result: [Node] = []
        for node in nodes {
            if let i = result.firstIndex(where: { $0.id == node.id }) { result[i].merge(node) } else { result.append(node) }
        }
        return result
    }

    private static func mergedEdges(_ edges: [EdgeSpec]) -> [EdgeSpec] {
        var result: [EdgeSpec] = []
        for edge in edges {
            if let i = result.firstIndex(where: { $0.from == edge.from && $0.relation == edge.relation && $0.to == edge.to }) {
                for item in edge.evidence where !result[i].evidence.contains(item) { result[i].evidence.append(item) }
            } else {
                result.append(edge)
            }
        }
        return result
    }

    private static func contentHash(paper: NodeID, nodes: [Node], edges: [EdgeSpec], state: WriteState,
                                    evidenceRanges: [Range<Int>]) -> Int64 {
        var hash = StableHash()
        hash.combine(paper.key)
        for node in nodes {
            hash.combine(node.kind.rawValue)
            hash.combine(node.id.key)
            hash.combine(node.name)
            hash.combine(node.properties)
        }
        state.evidenceBuffer.bytes.withUnsafeBytes { buffer in
            for (index, edge) in edges.enumerated() {
                hash.combine(edge.from.kind.rawValue)
                hash.combine(edge.from.key)
                hash.combine(edge.relation.rawValue)
                hash.combine(edge.to.kind.rawValue)
                hash.combine(edge.to.key)
                hash.combine(bytes: UnsafeRawBufferPointer(rebasing: buffer[evidenceRanges[index]]))
            }
        }
        return hash.finalized
    }

    // MARK: Rows

    private func insertNode(_ node: Node, state: WriteState) throws(StoreError) -> Int64 {
        state.propsBuffer.removeAll()
        PropertyCoding.encode(node.properties, into: &state.propsBuffer)
        let statement = state.insertNode
        statement.bind(1, node.kind.rawValue)
        statement.bind(2, node.id.key)
        statement.bind(3, node.name)
        state.propsBuffer.bytes.withUnsafeBytes { statement.bind(4, bytes: $0) }
        try statement.step()
        let row = connection.lastInsertRowID
        state.rows[node.id] = row
        if node.kind != .paper { state.shared[row] = node }
        return row
    }

    private func updateNode(row: Int64, node: Node, state: WriteState) throws(StoreError) {
        state.propsBuffer.removeAll()
        PropertyCoding.encode(node.properties, into: &state.propsBuffer)
        let statement = state.updateNode
        statement.bind(1, row)
        statement.bind(2, node.name)
        state.propsBuffer.bytes.withUnsafeBytes { statement.bind(3, bytes: $0) }
        try statement.step()
        if node.kind != .paper { state.shared[row] = node }
    }

    /// Merges into a stored node, writing only when the merge changed something.
    private func mergeNode(_ node: Node, row: Int64, state: WriteState) throws(StoreError) {
        let stored: Node
        if let cached = state.shared[row] {
            stored = cached
        } else {
            let select = state.selectNode
            select.bind(1, row)
            guard try select.step() else {
                throw .corrupt(path: path, reason: "node \(node.id) (row \(row)) vanished during the write")
            }
            let properties: [String: PropertyValue]
            do { properties = try PropertyCoding.decodeProperties(select.blob(1)) } catch {
                select.reset()
                throw .corrupt(path: path, reason: "undecodable properties of node \(node.id) (row \(row))")
            }
            stored = Node(id: node.id, name: select.text(0), properties: properties)
            select.reset()
        }
        // A method met in thousands of papers usually arrives exactly as stored.
        if stored == node { return }
        var merged = stored
        merged.merge(node)
        guard merged != stored else { return }
        try updateNode(row: row, node: merged, state: state)
    }

    /// The row of an edge's endpoint; a node neither the fragment nor the store holds
    /// is created bare, named by its key, as the in-memory merge does.
    private func endpoint(_ id: NodeID, nodes: [Node], rows: [Int64], state: WriteState) throws(StoreError) -> Int64 {
        if let i = nodes.firstIndex(where: { $0.id == id }) { return rows[i] }
        if let row = state.rows[id] { return row }
        let statement = state.insertNode
        statement.bind(1, id.kind.rawValue)
        statement.bind(2, id.key)
        statement.bind(3, id.key)
        Self.emptyProperties.withUnsafeBytes { statement.bind(4, bytes: $0) }
        try statement.step()
        let row = connection.lastInsertRowID
        state.rows[id] = row
        if id.kind != .paper { state.shared[row] = Node(id: id, name: id.key) }
        return row
    }

    /// The encoding of no properties.
    private static let emptyProperties: [UInt8] = {
        var buffer = ByteWriter()
        PropertyCoding.encode([:], into: &buffer)
        return buffer.bytes
    }()

    /// Adds an edge, or the evidence it lacks to the stored edge. Ontology edges are
    /// met in many fragments, so their stored evidence is cached after the first look.
    private func mergeEdge(_ key: EdgeRowKey, evidence: [Evidence], state: WriteState) throws(StoreError) {
        var stored: [Evidence]?
        if let cached = state.ontologyEdges[key] {
            stored = cached
        } else {
            let select = state.selectEdge
            select.bind(1, key.src)
            select.bind(2, key.relation.rawValue)
            select.bind(3, key.dst)
            if try select.step() {
                stored = try Self.evidence(select, column: 0, path: path, edge: "\(key.src) \(key.relation.rawValue) \(key.dst)")
                select.reset()
            }
        }
        var merged = stored ?? evidence
        if stored != nil {
            for item in evidence where !merged.contains(item) { merged.append(item) }
        }
        if !key.relation.isExtracted { state.ontologyEdges[key] = merged }
        if stored == merged { return }
        var buffer = ByteWriter()
        PropertyCoding.encode(merged, into: &buffer)
        let statement = stored == nil ? state.insertEdge : state.updateEdge
        statement.bind(1, key.src)
        statement.bind(2, key.relation.rawValue)
        statement.bind(3, key.dst)
        buffer.bytes.withUnsafeBytes { statement.bind(4, bytes: $0) }
        try statement.step()
    }
}
