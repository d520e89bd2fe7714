/// An edge of the typed graph, between node indices of one ``KnowledgeGraph``.
///
/// There is at most one edge per (from, relation, to); further mentions add to
/// its evidence rather than duplicating it.
///
/// Edges loaded from a store keep their evidence encoded until it is read
/// (``EncodedEvidence``): a load of 1M papers then neither decodes nor holds
/// five million evidence arrays, which most uses of a loaded graph (queries,
/// maps, counts) never look at. Reading ``evidence`` decodes it each time.
public struct Edge: Hashable, Sendable {
    // Node indices as 32 bits, so an edge with its evidence storage stays 32 bytes.
    private let source: Int32
    private let target: Int32
    public let relation: Relation
    private var storage: Storage

    private enum Storage: Sendable {
        case items([Evidence])
        /// `count` bytes of `block` from `start`: one edge's evidence in the store's encoding.
        case encoded(EncodedEvidence, start: UInt32, count: UInt32)
    }

    public var from: Int { Int(source) }
    public var to: Int { Int(target) }

    /// Where the edge was read; empty for edges copied from the ontology.
    public var evidence: [Evidence] {
        get {
            switch storage {
            case .items(let items): return items
            case .encoded(let block, let start, let count): return block.decode(Int(start) ..< Int(start) + Int(count))
            }
        }
        set { storage = .items(newValue) }
    }

    /// `evidence.count`, without decoding evidence kept encoded: an edge's weight.
    public var evidenceCount: Int {
        switch storage {
        case .items(let items): return items.count
        case .encoded(let block, let start, let count): return block.count(Int(start) ..< Int(start) + Int(count))
        }
    }

    public init(from: Int, relation: Relation, to: Int, evidence: [Evidence] = []) {
        self.init(from: from, relation: relation, to: to, storage: .items(evidence))
    }

    /// An edge whose evidence is `range` of `block`'s bytes, decoded when read.
    /// The caller has checked those bytes decode (see ``EncodedEvidence``).
    public init(from: Int, relation: Relation, to: Int, evidence range: Range<Int>, of block: EncodedEvidence) {
        precondition(range.lowerBound >= 0 && range.upperBound <= block.bytes.count, "evidence range outside its block")
        self.init(from: from, relation: relation, to: to,
                  storage: range.isEmpty ? .items([]) : .encoded(block, start: UInt32(range.lowerBound), count: UInt32(range.count)))
    }

    private init(from: Int, relation: Relation, to: Int, storage: Storage) {
        guard let source = Int32(exactly: from), let target = Int32(exactly: to) else {
            preconditionFailure("node index \(max(from, to)) beyond the 2^31 nodes a graph holds")
        }
        self.source = source
        self.target = target
        self.relation = relation
        self.storage = storage
    }

    /// Edges are equal when their ends, relation and evidence are, however the evidence is kept.
    public static func == (lhs: Edge, rhs: Edge) -> Bool {
        lhs.source == rhs.source && lhs.target == rhs.target && lhs.relation == rhs.relation
            && lhs.evidence == rhs.evidence
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(relation)
        hasher.combine(target)
        hasher.combine(evidence)
    }
}

/// Evidence of many edges in a store's encoding, shared by the edges that point into it.
///
/// The store decides the encoding: it gives the bytes and the function that
/// decodes one edge's part, having checked when loading that every part
/// decodes (so a damaged store is reported when it is opened, not when an edge
/// is read). Immutable, hence `Sendable`.
public final class EncodedEvidence: Sendable {
    public let bytes: [UInt8]
    private let decoder: @Sendable (UnsafeRawBufferPointer) -> [Evidence]
    private let counter: @Sendable (UnsafeRawBufferPointer) -> Int

    /// - Parameters:
    ///   - bytes: the encoded evidence of some edges, back to back; fewer than 2³² bytes.
    ///   - decoder: decodes one edge's bytes.
    ///   - counter: how many items one edge's bytes hold (`decoder(bytes).count`, read
    ///     without decoding them); by default, by decoding them.
    public init(bytes: [UInt8], decoder: @escaping @Sendable (UnsafeRawBufferPointer) -> [Evidence],
                counter: (@Sendable (UnsafeRawBufferPointer) -> Int)? = nil) {
        precondition(bytes.count <= Int(UInt32.max), "an evidence block holds fewer than 4 GB")
        self.bytes = bytes
        self.decoder = decoder
        self.counter = counter ?? { decoder($0).count }
    }

    func decode(_ range: Range<Int>) -> [Evidence] {
        bytes.withUnsafeBytes { decoder(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    func count(_ range: Range<Int>) -> Int {
        bytes.withUnsafeBytes { counter(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }
}

/// An edge between node identities, before nodes have indices in a graph.
public struct EdgeSpec: Hashable, Sendable {
    public var from: NodeID
    public var relation: Relation
    public var to: NodeID
    public var evidence: [Evidence]

    public init(from: NodeID, relation: Relation, to: NodeID, evidence: [Evidence] = []) {
        self.from = from
        self.relation = relation
        self.to = to
        self.evidence = evidence
    }
}
