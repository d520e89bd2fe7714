/// DISTINCT over rows of node indices (``NodeColumns``), without building the
/// rows' values.
///
/// Two steps, both exact. A row whose nodes were all seen before in one row is a
/// duplicate (its values are functions of its nodes): a bit per node settles
/// that for one-node rows. Otherwise each column's value is replaced by its
/// class (the node itself, or the class of its property value, see
/// ``PropertyColumn``) and the row is new exactly when its classes are: a bit
/// per class settles that for one-column rows. Every row found new has had its
/// property values filled into their columns on the way.
struct DistinctNodeRows {
    /// Per output column, its slot and, for a property, the column of its values.
    private let slots: [Int]
    private let properties: [PropertyColumn?]
    /// The one column of one-column rows of a property, else nil.
    private let single: PropertyColumn?
    /// Whether some column is a property (else equal rows are rows of equal nodes).
    private let hasProperties: Bool

    /// Per output column of a property, what its column knows of each node
    /// (see ``PropertyColumn/knownEntries``): read without counting references.
    private let known: [UnsafePointer<PropertyColumn.Entry>?]

    private var seenNodes: [UInt64] = []
    /// Rows of two nodes, or two classes, seen: both numbers in one word, which
    /// hashes without building an array per row.
    private var seenPairs = Set<UInt64>()
    private var seenTuples = Set<[Int]>()
    private var seenClasses: [UInt64] = []
    private var seenClassPairs = Set<UInt64>()
    private var seenClassTuples = Set<[Int]>()
    /// What reading ahead read, kept so the reads are not optimised away.
    private(set) var warmed: Int32 = 0

    init(columns: [NodeColumns.Column], properties: [PropertyColumn?], width: Int, nodeCount: Int) {
        slots = columns.map(\.slot)
        self.properties = properties
        known = properties.map { $0?.knownEntries }
        single = properties.count == 1 ? properties[0] : nil
        hasProperties = properties.contains { $0 != nil }
        if width == 1 { seenNodes = Array(repeating: 0, count: nodeCount / 64 + 1) }
        // A class has a node at least, so a bit per node holds them all.
        if single != nil { seenClasses = Array(repeating: 0, count: nodeCount / 64 + 1) }
    }

    /// Reads, ahead of ``insert(_:catalog:)``, what it will read for the nodes at
    /// odd indices of `candidates` (negative: none) going into `slot`: one pass
    /// of independent reads overlaps their cache misses, where one read per row
    /// waits for each in turn. Returns a value only so the reads are not dropped.
    func warm(_ candidates: [Int32], slot: Int) -> Int32 {
        var sum: Int32 = 0
        for (c, column) in properties.enumerated() where slots[c] == slot {
            guard let column else { continue }
            var i = 1
            while i < candidates.count {
                if candidates[i] >= 0 { sum &+= column.known(Int(candidates[i])) }
                i += 2
            }
        }
        return sum
    }

    /// ``insert(_:catalog:)`` for the one-node rows of the far ends at odd
    /// indices `range` of `ends` (relationship, far end or -1 pairs), in order:
    /// replaces the far ends of rows seen before (earlier in `ends` too) by -1.
    ///
    /// A chunk (``chunk`` rows) at a time: first a loop of bare reads of the
    /// chunk's classes, whose cache misses overlap (a loop doing more holds
    /// fewer reads in flight), then the rows, from cache, in a loop that neither
    /// calls out (but to fill a node into its column) nor counts references: a
    /// call per row would wait for each in turn. For a property, the row's class
    /// alone decides it (a node seen before has a class seen before), so the
    /// bit per node is neither read nor set here.
    mutating func admit(_ ends: inout [Int32], _ range: Range<Int>, catalog: GraphCatalog) {
        guard !hasProperties || single != nil else {
            for i in stride(from: range.lowerBound, to: range.upperBound, by: 2)
            where ends[i] >= 0 && !insert(Int(ends[i]), catalog: catalog) {
                ends[i] = -1
            }
            return
        }
        var nodes: [UInt64] = [], classes: [UInt64] = []
        swap(&nodes, &seenNodes)
        swap(&classes, &seenClasses)
        defer {
            swap(&nodes, &seenNodes)
            swap(&classes, &seenClasses)
        }
        let known = single?.knownEntries
        var touched: Int32 = 0
        ends.withUnsafeMutableBufferPointer { ends in
            nodes.withUnsafeMutableBufferPointer { nodes in
                classes.withUnsafeMutableBufferPointer { classes in
                    for chunk in stride(from: range.lowerBound, to: range.upperBound, by: 2 * Self.chunk) {
                        let end = Swift.min(chunk + 2 * Self.chunk, range.upperBound)
                        if let known {
                            var i = chunk
                            while i < end {
                                if ends[i] >= 0 { touched &+= known[Int(ends[i])].cls }
                                i += 2
                            }
                        }
                        // Whether a row was seen decides no branch (it is as good
                        // as random): the far end is kept or overwritten either way.
                        var i = chunk
                        if let known {
                            // A node's class stands for the node too: one bit settles the row.
                            while i < end {
                                defer { i += 2 }
                                let node = Int(ends[i])
                                guard node >= 0 else { continue }
                                let k = known[node].cls
                                let c = k > 0 ? Int(k) - 1 : single!.classOf(node, in: catalog)
                                ends[i] = Self.mark(c, in: classes) ? -1 : ends[i]
                            }
                        } else {
                            while i < end {
                                defer { i += 2 }
                                let node = Int(ends[i])
                                guard node >= 0 else { continue }
                                ends[i] = Self.mark(node, in: nodes) ? -1 : ends[i]
                            }
                        }
                    }
                }
            }
        }
        warmed &+= touched
    }

    /// Rows per chunk of ``admit(_:_:catalog:)``: their classes' cache lines fit in L2 with room to spare.
    static let chunk = 2048

    /// ``insert(_:catalog:)`` for a one-node row.
    mutating func insert(_ node: Int, catalog: GraphCatalog) -> Bool {
        guard Self.insert(node, into: &seenNodes) else { return false }
        if let single { return Self.insert(single.classOf(node, in: catalog), into: &seenClasses) }
        return !hasProperties || insertClasses(of: [node], catalog: catalog)
    }

    /// Whether the row of `row` (a node per slot) was not seen before; it is now.
    mutating func insert(_ row: [Int], catalog: GraphCatalog) -> Bool {
        if row.count == 1 {
            guard Self.insert(row[0], into: &seenNodes) else { return false }
        } else if row.count == 2 {
            guard seenPairs.insert(Self.pair(row[0], row[1])).inserted else { return false }
        } else if !seenTuples.insert(row).inserted {
            return false
        }
        if let single { return Self.insert(single.classOf(row[slots[0]], in: catalog), into: &seenClasses) }
        return !hasProperties || insertClasses(of: row, catalog: catalog)
    }

    /// Whether the row's classes (a node's class is the node) were not seen before; they are now.
    private mutating func insertClasses(of row: [Int], catalog: GraphCatalog) -> Bool {
        if slots.count == 2 {
            return seenClassPairs.insert(Self.pair(classOf(row, 0, catalog), classOf(row, 1, catalog))).inserted
        }
        var tuple: [Int] = []
        tuple.reserveCapacity(slots.count)
        for c in slots.indices { tuple.append(classOf(row, c, catalog)) }
        return seenClassTuples.insert(tuple).inserted
    }

    /// Column `c`'s class of `row`: its node's value's class, or for a node column the node.
    @inline(__always)
    private func classOf(_ row: [Int], _ c: Int, _ catalog: GraphCatalog) -> Int {
        let node = row[slots[c]]
        guard let known = known[c] else { return node }
        let k = known[node].cls
        return k > 0 ? Int(k) - 1 : properties[c]!.classOf(node, in: catalog)
    }

    /// Two numbers below 2³² (node indices, classes) as one.
    @inline(__always)
    private static func pair(_ a: Int, _ b: Int) -> UInt64 { UInt64(truncatingIfNeeded: a) << 32 | UInt64(UInt32(truncatingIfNeeded: b)) }

    /// Sets bit `n` of a set large enough; whether it was set already. The bit
    /// is written either way, so a caller can use the answer without branching on it.
    @inline(__always)
    private static func mark(_ n: Int, in bits: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        let word = n >> 6, shift = UInt64(n & 63)
        let old = bits[word]
        bits[word] = old | (1 << shift)
        return (old >> shift) & 1 != 0
    }

    /// Sets bit `n` (growing the set as needed); false when it was set already.
    private static func insert(_ n: Int, into bits: inout [UInt64]) -> Bool {
        let word = n >> 6, bit = UInt64(1) << UInt64(n & 63)
        if word >= bits.count { bits.append(contentsOf: repeatElement(0, count: max(word + 1 - bits.count, bits.count))) }
        if bits[word] & bit != 0 { return false }
        bits[word] |= bit
        return true
    }
}
