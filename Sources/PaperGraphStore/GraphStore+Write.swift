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
        try write(encoded: fragments.lazy.map(EncodedFragment.init), batchSize: batchSize)
    }

    /// Writes fragments encoded beforehand (see ``EncodedFragment``), exactly as
    /// ``write(_:batchSize:)`` writes the fragments they were encoded from.
    @discardableResult
    public func write(encoded fragments: some Sequence<EncodedFragment>, batchSize: Int = 10_000) throws(StoreError) -> WriteSummary {
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

    private func write(_ fragment: EncodedFragment, state: WriteState,
                       summary: inout WriteSummary, undo: inout [(Int64, Int64?)]) throws(StoreError) {
        var paperMode = PaperMode.none
        var paperRow: Int64?
        var newHash: Int64 = 0
        if let paper = fragment.paper {
            let hash = fragment.contentHash
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
        state.nodeRows.removeAll(keepingCapacity: true)
        for (index, node) in fragment.nodes.enumerated() {
            if let row = state.rows[node.id] {
                state.nodeRows.append(row)
                if node.id == fragment.paper && paperMode == .replace {
                    try updateNode(row: row, fragment: fragment, node: index, state: state)
                } else {
                    try mergeNode(fragment, node: index, row: row, state: state)
                }
            } else {
                state.nodeRows.append(try insertNode(fragment, node: index, state: state))
            }
        }

        for (index, edge) in fragment.edges.enumerated() {
            let src = try row(of: edge.from, state: state)
            let dst = try row(of: edge.to, state: state)
            if edge.isOwned && (paperMode == .fresh || paperMode == .replace) {
                let statement = state.insertEdge
                statement.bind(1, src)
                statement.bind(2, edge.relation.rawValue)
                statement.bind(3, dst)
                try fragment.withBytes(edge.evidence) { bytes throws(StoreError) in
                    statement.bind(4, bytes: bytes)
                    try statement.step()
                }
            } else {
                try mergeEdge(EdgeRowKey(src: src, relation: edge.relation, dst: dst), evidence: fragment.evidence(index),
                              state: state)
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

    // MARK: Rows

    private func insertNode(_ fragment: EncodedFragment, node index: Int, state: WriteState) throws(StoreError) -> Int64 {
        let node = fragment.nodes[index]
        let statement = state.insertNode
        statement.bind(1, node.id.kind.rawValue)
        statement.bind(2, node.id.key)
        try fragment.withBytes(node.name) { name throws(StoreError) in
            try fragment.withBytes(node.properties) { properties throws(StoreError) in
                statement.bind(3, text: name)
                statement.bind(4, bytes: properties)
                try statement.step()
                if node.id.kind != .paper {
                    state.shared[connection.lastInsertRowID] = StoredNode(name: name, properties: properties)
                }
            }
        }
        let row = connection.lastInsertRowID
        state.rows[node.id] = row
        return row
    }

    /// Replaces a stored node's name and properties by node `index` of the fragment.
    private func updateNode(row: Int64, fragment: EncodedFragment, node index: Int, state: WriteState) throws(StoreError) {
        let node = fragment.nodes[index]
        try fragment.withBytes(node.name) { name throws(StoreError) in
            try fragment.withBytes(node.properties) { properties throws(StoreError) in
                try updateNode(row: row, kind: node.id.kind, name: name, properties: properties, state: state)
            }
        }
    }

    private func updateNode(row: Int64, node: Node, state: WriteState) throws(StoreError) {
        let stored = StoredNode(node)
        try stored.bytes.withUnsafeBytes { bytes in
            Result { () throws(StoreError) in
                try updateNode(row: row, kind: node.kind, name: UnsafeRawBufferPointer(rebasing: bytes[..<stored.nameCount]),
                               properties: UnsafeRawBufferPointer(rebasing: bytes[stored.nameCount...]), state: state)
            }
        }.get()
    }

    private func updateNode(row: Int64, kind: NodeKind, name: UnsafeRawBufferPointer, properties: UnsafeRawBufferPointer,
                            state: WriteState) throws(StoreError) {
        let statement = state.updateNode
        statement.bind(1, row)
        statement.bind(2, text: name)
        statement.bind(3, bytes: properties)
        try statement.step()
        if kind != .paper { state.shared[row] = StoredNode(name: name, properties: properties) }
    }

    /// Merges node `index` of the fragment into a stored node, writing only when the
    /// merge changed something.
    private func mergeNode(_ fragment: EncodedFragment, node index: Int, row: Int64, state: WriteState) throws(StoreError) {
        let id = fragment.nodes[index].id
        let stored: Node
        if let cached = state.shared[row] {
            // A method met in thousands of papers usually arrives exactly as stored.
            if cached.matches(fragment, node: index) { return }
            do { stored = try cached.node(id) } catch {
                throw .corrupt(path: path, reason: "undecodable properties of node \(id) (row \(row))")
            }
        } else {
            let select = state.selectNode
            select.bind(1, row)
            guard try select.step() else {
                throw .corrupt(path: path, reason: "node \(id) (row \(row)) vanished during the write")
            }
            let properties: [String: PropertyValue]
            do { properties = try PropertyCoding.decodeProperties(select.blob(1)) } catch {
                select.reset()
                throw .corrupt(path: path, reason: "undecodable properties of node \(id) (row \(row))")
            }
            stored = Node(id: id, name: select.text(0), properties: properties)
            select.reset()
        }
        let node = fragment.node(index)
        if stored == node { return }
        var merged = stored
        merged.merge(node)
        guard merged != stored else { return }
        try updateNode(row: row, node: merged, state: state)
    }

    /// The row of an edge's end; a node neither the fragment nor the store holds is
    /// created bare, named by its key, as the in-memory merge does.
    private func row(of end: EncodedFragment.Endpoint, state: WriteState) throws(StoreError) -> Int64 {
        let id: NodeID
        switch end {
        case .node(let index): return state.nodeRows[index]
        case .outside(let outside): id = outside
        }
        if let row = state.rows[id] { return row }
        let statement = state.insertNode
        statement.bind(1, id.kind.rawValue)
        statement.bind(2, id.key)
        statement.bind(3, id.key)
        Self.emptyProperties.withUnsafeBytes { statement.bind(4, bytes: $0) }
        try statement.step()
        let row = connection.lastInsertRowID
        state.rows[id] = row
        if id.kind != .paper { state.shared[row] = StoredNode(Node(id: id, name: id.key)) }
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
