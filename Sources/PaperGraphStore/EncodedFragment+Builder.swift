import PaperGraphModel

extension EncodedFragment {
    /// A node encoded once for many fragments: an ontology concept that thousands of
    /// papers mention arrives with the same name and properties every time, so its
    /// encoding and the digest of its properties are computed once per build.
    public struct PreparedNode: Sendable {
        public let id: NodeID
        /// The name's UTF-8 bytes followed by the encoded properties.
        let bytes: [UInt8]
        let nameCount: Int
        let digest: StableHash.PropertiesDigest

        public init(_ node: Node) {
            id = node.id
            var writer = ByteWriter(capacity: 128)
            writer.raw(node.name)
            nameCount = writer.bytes.count
            PropertyCoding.encode(node.properties, into: &writer)
            bytes = writer.bytes
            digest = StableHash.digest(node.properties)
        }
    }

    /// Builds an encoded fragment node by node and edge by edge, with the semantics
    /// of assembling a ``GraphFragment`` in memory: a node already added is not added
    /// again (the first description stays), and an edge already added gains the
    /// evidence it lacks. What it builds is what ``EncodedFragment/init(_:)`` gives
    /// for the fragment those calls describe — without building that fragment first.
    public struct Builder {
        private let paper: NodeID?
        private var writer = ByteWriter(capacity: 2_048)
        private var nodes: [NodeEntry] = []
        private var digests: [StableHash.PropertiesDigest] = []
        private var edges: [(from: NodeID, relation: Relation, to: NodeID, evidence: [Evidence])] = []

        public init(paper: NodeID?) {
            self.paper = paper
            nodes.reserveCapacity(8)
            digests.reserveCapacity(8)
            edges.reserveCapacity(8)
        }

        private func contains(_ id: NodeID) -> Bool { nodes.contains { $0.id == id } }

        /// Adds a node unless one with its identity was added before.
        public mutating func add(_ node: Node) {
            guard !contains(node.id) else { return }
            let nameStart = writer.bytes.count
            writer.raw(node.name)
            let propertiesStart = writer.bytes.count
            PropertyCoding.encode(node.properties, into: &writer)
            nodes.append(NodeEntry(id: node.id, name: nameStart..<propertiesStart,
                                   properties: propertiesStart..<writer.bytes.count))
            digests.append(StableHash.digest(node.properties))
        }

        /// Adds a prepared node unless one with its identity was added before.
        public mutating func add(_ node: PreparedNode) {
            guard !contains(node.id) else { return }
            let start = writer.bytes.count
            writer.append(node.bytes)
            nodes.append(NodeEntry(id: node.id, name: start..<(start + node.nameCount),
                                   properties: (start + node.nameCount)..<writer.bytes.count))
            digests.append(node.digest)
        }

        /// Adds an edge, or the evidence it lacks to the same edge added before.
        public mutating func addEdge(from: NodeID, _ relation: Relation, to: NodeID, evidence: [Evidence]) {
            if let i = edges.firstIndex(where: { $0.from == from && $0.relation == relation && $0.to == to }) {
                for item in evidence where !edges[i].evidence.contains(item) { edges[i].evidence.append(item) }
                return
            }
            edges.append((from, relation, to, evidence))
        }

        /// The encoded fragment: evidence encoded, edge ends resolved, content hash computed.
        public consuming func finish() -> EncodedFragment {
            func endpoint(_ id: NodeID) -> Endpoint {
                nodes.firstIndex(where: { $0.id == id }).map(Endpoint.node) ?? .outside(id)
            }
            var edgeEntries: [EdgeEntry] = []
            edgeEntries.reserveCapacity(edges.count)
            for edge in edges {
                let start = writer.bytes.count
                PropertyCoding.encode(edge.evidence, into: &writer)
                edgeEntries.append(EdgeEntry(from: endpoint(edge.from), relation: edge.relation, to: endpoint(edge.to),
                                             evidence: start..<writer.bytes.count,
                                             isOwned: edge.from == paper && edge.relation.isExtracted))
            }
            let bytes = writer.bytes
            return EncodedFragment(paper: paper, contentHash: paper.map { contentHash(paper: $0, edges: edgeEntries) } ?? 0,
                                   nodes: nodes, edges: edgeEntries, bytes: bytes)
        }

        /// The hash over the paper's node, the nodes it mentions and its edges with their
        /// encoded evidence, that tells an unchanged paper from a changed one. Stored in
        /// `papers.content_hash`, so it must never change for the same fragment.
        private func contentHash(paper: NodeID, edges encoded: [EdgeEntry]) -> Int64 {
            var hash = StableHash()
            hash.combine(paper.key)
            writer.bytes.withUnsafeBytes { buffer in
                for (node, digest) in zip(nodes, digests) {
                    hash.combine(node.id.kind.rawValue)
                    hash.combine(node.id.key)
                    hash.combine(bytes: UnsafeRawBufferPointer(rebasing: buffer[node.name]))
                    hash.combine(digest)
                }
                for (edge, entry) in zip(edges, encoded) {
                    hash.combine(edge.from.kind.rawValue)
                    hash.combine(edge.from.key)
                    hash.combine(edge.relation.rawValue)
                    hash.combine(edge.to.kind.rawValue)
                    hash.combine(edge.to.key)
                    hash.combine(bytes: UnsafeRawBufferPointer(rebasing: buffer[entry.evidence]))
                }
            }
            return hash.finalized
        }
    }
}
