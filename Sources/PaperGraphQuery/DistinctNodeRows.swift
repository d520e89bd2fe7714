/// DISTINCT over rows of node indices (``NodeColumns``), without building the
/// rows' values.
///
/// Two steps, both exact. A row whose nodes were all seen before in one row is a
/// duplicate (its values are functions of its nodes): a bit per node settles
/// that for one-node rows. Otherwise each column's value is replaced by its
/// class (the node itself, or the class of its property value, see
/// ``PropertyClasses``) and the row is new exactly when its classes are: a bit
/// per class settles that for one-column rows.
struct DistinctNodeRows {
    private let columns: [NodeColumns.Column]
    /// Per column, its index in `classes`, or -1 for a node column.
    private let classIndex: [Int]
    private var classes: [PropertyClasses] = []

    private var seenNodes: [UInt64] = []
    private var seenTuples = Set<[Int]>()
    private var seenClasses: [UInt64] = []
    private var seenClassTuples = Set<[Int]>()

    init(catalog: GraphCatalog, columns: [NodeColumns.Column], width: Int) {
        self.columns = columns
        if width == 1 { seenNodes = Array(repeating: 0, count: catalog.graph.nodeCount / 64 + 1) }
        var keys: [String] = []
        var classIndex: [Int] = []
        for column in columns {
            guard case .property(_, let key) = column else {
                classIndex.append(-1)
                continue
            }
            if let k = keys.firstIndex(of: key) {
                classIndex.append(k)
            } else {
                keys.append(key)
                classes.append(catalog.checkOutClasses(of: key))
                classIndex.append(keys.count - 1)
            }
        }
        self.classIndex = classIndex
    }

    /// Returns the value classes to the catalog, for the next query.
    mutating func close(_ catalog: GraphCatalog) {
        for c in classes { catalog.checkIn(c, of: c.key) }
        classes = []
    }

    /// Reads, ahead of ``insert(_:catalog:)``, what it will read for the nodes at
    /// odd indices of `candidates` (negative: none) going into `slot`: one pass
    /// of independent reads overlaps their cache misses, where one read per row
    /// waits for each in turn. Returns a value only so the reads are not dropped.
    func warm(_ candidates: [Int], slot: Int) -> Int32 {
        var sum: Int32 = 0
        for (c, column) in columns.enumerated() where classIndex[c] >= 0 && column.slot == slot {
            let classes = classes[classIndex[c]]
            var i = 1
            while i < candidates.count {
                if candidates[i] >= 0 { sum &+= classes.known(candidates[i]) }
                i += 2
            }
        }
        return sum
    }

    /// Whether the row of `slots` (a node per slot) was not seen before; it is now.
    mutating func insert(_ slots: [Int], catalog: GraphCatalog) -> Bool {
        if slots.count == 1 {
            guard Self.insert(slots[0], into: &seenNodes) else { return false }
        } else if !seenTuples.insert(slots).inserted {
            return false
        }
        if classes.isEmpty { return true }   // nodes only: equal values are equal nodes
        if columns.count == 1 {
            return Self.insert(classes[0].of(slots[columns[0].slot], in: catalog), into: &seenClasses)
        }
        var tuple: [Int] = []
        tuple.reserveCapacity(columns.count)
        for (c, column) in columns.enumerated() {
            let node = slots[column.slot]
            tuple.append(classIndex[c] < 0 ? node : classes[classIndex[c]].of(node, in: catalog))
        }
        return seenClassTuples.insert(tuple).inserted
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
