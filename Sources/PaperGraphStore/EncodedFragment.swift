import Foundation
import PaperGraphModel

/// A fragment already in the store's encoding: merged within itself, every node's
/// name and properties and every edge's evidence encoded into one byte buffer, and
/// the paper's content hash computed. What ``GraphStore/write(_:batchSize:)`` and
/// ``BackgroundWriter`` write.
///
/// Why: a store has one writer thread (SQLite allows one writer), while a build
/// extracts papers on the others. Preparing a fragment for the store costs about
/// as much as writing it, and a fragment of Swift values made the writer retain,
/// release and free dozens of objects that another core had just built — at 1M
/// papers over a third of the writer's time. Encoded where the fragment is
/// assembled (``BuildPipeline`` does it on its extraction threads), a fragment
/// reaches the writer as three buffers, and the writer only runs SQLite.
///
/// Decoding gives back exactly the fragment's values (``node(_:)``,
/// ``evidence(_:)``); the writer does so only where it must merge with what is
/// stored.
public struct EncodedFragment: Sendable, Equatable {
    /// A node; its name's UTF-8 bytes are followed directly by its encoded
    /// properties, so the pair compares with one `memcmp` (see ``StoredNode``).
    struct NodeEntry: Sendable, Equatable {
        let id: NodeID
        let name: Range<Int>
        let properties: Range<Int>
    }

    /// An edge end: a node of this fragment, or one only named by the edge.
    enum Endpoint: Sendable, Equatable {
        case node(Int)
        case outside(NodeID)
    }

    struct EdgeEntry: Sendable, Equatable {
        let from: Endpoint
        let relation: Relation
        let to: Endpoint
        let evidence: Range<Int>
        /// Leaves the fragment's paper with an extracted relation: an edge the paper owns.
        let isOwned: Bool
    }

    let paper: NodeID?
    /// The content hash of the paper's fragment (0 when there is no paper).
    let contentHash: Int64
    let nodes: [NodeEntry]
    let edges: [EdgeEntry]
    let bytes: [UInt8]

    public init(_ fragment: GraphFragment) {
        let (nodes, edges) = Self.normalize(fragment)
        var builder = Builder(paper: fragment.paper)
        for node in nodes { builder.add(node) }
        for edge in edges { builder.addEdge(from: edge.from, edge.relation, to: edge.to, evidence: edge.evidence) }
        self = builder.finish()
    }

    init(paper: NodeID?, contentHash: Int64, nodes: [NodeEntry], edges: [EdgeEntry], bytes: [UInt8]) {
        self.paper = paper
        self.contentHash = contentHash
        self.nodes = nodes
        self.edges = edges
        self.bytes = bytes
    }

    /// The bytes of `range`, for binding or comparing.
    func withBytes<T>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws(StoreError) -> T) throws(StoreError) -> T {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(StoreError) in try body(UnsafeRawBufferPointer(rebasing: buffer[range])) }
        }.get()
    }

    /// Node `index` as a model value.
    func node(_ index: Int) -> Node {
        let entry = nodes[index]
        return bytes.withUnsafeBytes { buffer in
            // The bytes were encoded by `init` from real values, so they always decode.
            Node(id: entry.id, name: String(decoding: buffer[entry.name], as: UTF8.self),
                 properties: try! PropertyCoding.decodeProperties(UnsafeRawBufferPointer(rebasing: buffer[entry.properties])))
        }
    }

    /// Edge `index`'s evidence as model values.
    func evidence(_ index: Int) -> [Evidence] {
        bytes.withUnsafeBytes { buffer in
            try! PropertyCoding.decodeEvidence(UnsafeRawBufferPointer(rebasing: buffer[edges[index].evidence]))
        }
    }

    // MARK: Normalising

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
}

/// A stored node's name and encoded properties, as the writer caches the nodes
/// that many papers share: comparing a fragment's node with it is one `memcmp`.
struct StoredNode {
    /// The name's UTF-8 bytes followed by the encoded properties.
    let bytes: [UInt8]
    let nameCount: Int

    init(name: UnsafeRawBufferPointer, properties: UnsafeRawBufferPointer) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.count + properties.count)
        bytes.append(contentsOf: name)
        bytes.append(contentsOf: properties)
        self.bytes = bytes
        nameCount = name.count
    }

    init(_ node: Node) {
        var writer = ByteWriter(capacity: 64)
        writer.raw(node.name)
        nameCount = writer.bytes.count
        PropertyCoding.encode(node.properties, into: &writer)
        bytes = writer.bytes
    }

    /// Whether node `index` of `fragment` has exactly this name and these properties.
    func matches(_ fragment: EncodedFragment, node index: Int) -> Bool {
        let entry = fragment.nodes[index]
        guard entry.name.count == nameCount, entry.properties.upperBound - entry.name.lowerBound == bytes.count else {
            return false
        }
        if bytes.isEmpty { return true }
        return fragment.bytes.withUnsafeBytes { theirs in
            bytes.withUnsafeBytes { mine in
                memcmp(mine.baseAddress!, theirs.baseAddress! + entry.name.lowerBound, mine.count) == 0
            }
        }
    }

    /// The node as a model value; throws when properties read from the file do not decode.
    func node(_ id: NodeID) throws(ByteReader.Malformed) -> Node {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(ByteReader.Malformed) in
                Node(id: id, name: String(decoding: buffer[..<nameCount], as: UTF8.self),
                     properties: try PropertyCoding.decodeProperties(UnsafeRawBufferPointer(rebasing: buffer[nameCount...])))
            }
        }.get()
    }
}
