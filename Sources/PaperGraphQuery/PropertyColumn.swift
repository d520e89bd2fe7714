/// One node property's values, and their classes under Cypher
/// equivalence (as DISTINCT compares: `1` and `1.0` are one value, and so are
/// canonically equal strings): two nodes have equal values exactly when they
/// have the same class.
///
/// Filled in lazily, a node at a time, by queries that meet the node, and kept
/// by the engine's catalog. DISTINCT over a property then hashes each node's
/// value once per engine rather than once per row, and compares numbers instead
/// of strings; and reading a result row's value is one access here rather than
/// a walk through the node, its property dictionary and a string hash.
///
/// Sharing: one query at a time fills a column in (it checks the column out of
/// the catalog, see ``GraphCatalog/checkOutColumn(of:)``), while the rows of
/// earlier queries keep reading it. That is safe because writers only write
/// what no reader reads: a node's value and its place are written once, before
/// any row holding the node is handed out, and never changed after; its class
/// (a field of its own, which rows never read) is written once too. Hence raw
/// memory, not arrays, which would copy themselves on the next write while
/// earlier rows hold them, and values kept in chunks that never move.
///
/// Layout: per node, its class and where its value is, side by side (DISTINCT
/// reads the one and then reading the rows the other, so the rows find the
/// line in cache); values in the order nodes were filled in, which is the order
/// a query's rows come in when it runs again, so reading them walks memory
/// forward instead of jumping a node's width across a large graph.
final class PropertyColumn: @unchecked Sendable {
    /// What the column knows of a node.
    struct Entry {
        /// Its class + 1; 0 where not looked up yet.
        var cls: Int32
        /// Its value's place in `chunks` + 1; 0 where not filled in yet.
        var slot: Int32
    }

    let key: String
    let nodeCount: Int
    private let entries: UnsafeMutablePointer<Entry>
    /// Values in the order nodes were filled in, `chunkSize` to a chunk; a
    /// node's value as ``GraphCatalog/nodeProperty(_:_:)`` gives it (the node's
    /// own value, not an equivalent one). Room for a chunk pointer per possible
    /// chunk up front, so the list of chunks never moves either.
    private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<CypherValue>?>
    private static let chunkBits = 12
    private static let chunkSize = 1 << chunkBits
    /// Values stored.
    private var filled = 0
    /// Class of each value met, numbered from 0 in order of first appearance.
    private var numbering: [CypherValue: Int32] = [:]

    init(key: String, nodeCount: Int) {
        self.key = key
        self.nodeCount = nodeCount
        entries = .allocate(capacity: max(nodeCount, 1))
        entries.initialize(repeating: Entry(cls: 0, slot: 0), count: max(nodeCount, 1))
        let chunkCount = nodeCount / Self.chunkSize + 1
        chunks = .allocate(capacity: chunkCount)
        chunks.initialize(repeating: nil, count: chunkCount)
    }

    deinit {
        for chunk in 0 ..< nodeCount / Self.chunkSize + 1 {
            guard let values = chunks[chunk] else { break }
            values.deinitialize(count: Swift.min(Self.chunkSize, filled - chunk * Self.chunkSize))
            values.deallocate()
        }
        chunks.deallocate()
        entries.deallocate()
    }

    /// `node`'s class + 1 if looked up already, else 0; reads only, so it can
    /// run ahead of ``classOf(_:in:)`` to overlap the cache misses of many nodes.
    @inline(__always)
    func known(_ node: Int) -> Int32 { entries[node].cls }

    /// Per node, what the column knows (see ``known(_:)``), for loops that must
    /// not count references; valid while the column lives.
    var knownEntries: UnsafePointer<Entry> { UnsafePointer(entries) }

    /// The class of `node`'s value, filling the node in if needed.
    /// Only the query holding the column (checked out of the catalog) may call this.
    @inline(__always)
    func classOf(_ node: Int, in catalog: GraphCatalog) -> Int {
        let known = entries[node].cls
        if known > 0 { return Int(known) - 1 }
        return classify(node, catalog)
    }

    /// Stores `node`'s value if it is not stored yet, without looking up its
    /// class (which hashes it). Only the query holding the column may call this.
    @inline(__always)
    func fill(_ node: Int, in catalog: GraphCatalog) {
        if entries[node].slot == 0 { store(node, catalog) }
    }

    /// `node`'s value. The node must have been filled in before the caller
    /// received it (see the type's note on sharing).
    @inline(__always)
    func value(_ node: Int) -> CypherValue { place(node).pointee }

    /// Reads `node`'s value and the first bytes of the object holding its
    /// string or list, retaining nothing, so that a copy of the value soon after
    /// finds them in cache; the sum returned means nothing. The node must have
    /// been filled in, as for ``value(_:)``.
    @inline(__always)
    func touch(_ node: Int) -> Int {
        switch place(node).pointee {
        case .string(let s): return Int(s.utf8.first ?? 0)
        case .list(let items): return items.count
        default: return 0
        }
    }

    @inline(__always)
    private func place(_ node: Int) -> UnsafeMutablePointer<CypherValue> {
        let slot = Int(entries[node].slot) - 1
        assert(slot >= 0, "reading node \(node) of column \(key) before it was filled in")
        return chunks[slot >> Self.chunkBits].unsafelyUnwrapped + (slot & (Self.chunkSize - 1))
    }

    @inline(never)
    private func store(_ node: Int, _ catalog: GraphCatalog) {
        var value = catalog.nodeProperty(node, key)
        if case .string(let s) = value { value = .string(Self.packed(s)) }
        let chunk = filled >> Self.chunkBits
        if chunks[chunk] == nil { chunks[chunk] = .allocate(capacity: Self.chunkSize) }
        (chunks[chunk].unsafelyUnwrapped + (filled & (Self.chunkSize - 1))).initialize(to: value)
        filled += 1
        entries[node].slot = Int32(filled)
    }

    /// Strings up to this many UTF-8 bytes (a title, a name) are copied into
    /// storage of the column's own; longer ones (an abstract) are shared.
    static let copiedLength = 256

    /// A copy of `s` in new storage when it is short (see ``copiedLength``), else `s`.
    ///
    /// A graph's strings lie wherever loading put them, one per page apart
    /// among longer texts, so reading the titles of many rows misses the cache
    /// and the address translation cache on each. Copied as nodes are filled
    /// in, they lie side by side, in the order queries meet them, which is the
    /// order their rows are read in when a query is run again.
    static func packed(_ s: String) -> String {
        let count = s.utf8.count
        guard count > 15, count <= copiedLength else { return s }   // up to 15 bytes a string holds them itself
        return String(unsafeUninitializedCapacity: count) { buffer in buffer.initialize(from: s.utf8).1 }
    }

    @inline(never)
    private func classify(_ node: Int, _ catalog: GraphCatalog) -> Int {
        fill(node, in: catalog)
        let value = place(node).pointee
        let number: Int32
        if let existing = numbering[value] {
            number = existing
        } else {
            number = Int32(numbering.count)
            numbering[value] = number
        }
        entries[node].cls = number + 1
        return Int(number)
    }
}
