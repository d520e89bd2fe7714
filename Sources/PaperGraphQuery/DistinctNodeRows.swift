/// DISTINCT over rows of node indices (``NodeColumns``), without building the
/// rows' values.
///
/// Two steps, both exact. A row whose nodes were all seen before in one row is a
/// duplicate (its values are functions of its nodes): a bit per node settles
/// that for one-node rows. Otherwise the row's values are compared with the kept
/// rows that have the same hash; a property's hash is computed once per node and
/// engine (``GraphCatalog/checkOutHashes(of:)``), so a repeated query hashes no
/// strings, and values are read only on a hash match.
final class DistinctNodeRows {
    private let catalog: GraphCatalog
    private let columns: [NodeColumns.Column]
    private let width: Int
    /// Whether every column is a node: then equal values means equal nodes.
    private let nodesOnly: Bool

    private var seenNodes: [UInt64] = []
    private var seenTuples = Set<[Int]>()

    /// The property keys hashed, each with its per-node hash cache, and per column its key's index here.
    private var hashKeys: [String] = []
    private var hashes: [[Int]] = []
    private var hashIndex: [Int] = []
    /// Open addressing over kept rows: entry = row + 1, 0 = free.
    private var table: [Int32]
    private var mask: Int
    /// Per kept row (``NodeColumns`` row), its hash.
    private var rowHashes: [Int] = []

    init(catalog: GraphCatalog, columns: [NodeColumns.Column], width: Int) {
        self.catalog = catalog
        self.columns = columns
        self.width = width
        nodesOnly = columns.allSatisfy { if case .node = $0 { true } else { false } }
        if width == 1 { seenNodes = Array(repeating: 0, count: catalog.graph.nodeCount / 64 + 1) }
        table = nodesOnly ? [] : Array(repeating: 0, count: 1024)
        mask = table.count - 1
        guard !nodesOnly else { return }
        for column in columns {
            guard case .property(_, let key) = column else {
                hashIndex.append(-1)
                continue
            }
            if let k = hashKeys.firstIndex(of: key) {
                hashIndex.append(k)
            } else {
                hashKeys.append(key)
                hashes.append(catalog.checkOutHashes(of: key))
                hashIndex.append(hashKeys.count - 1)
            }
        }
    }

    /// Returns the hash caches to the catalog.
    func close() {
        for (key, cache) in zip(hashKeys, hashes) { catalog.checkIn(hashes: cache, of: key) }
        hashes = []
        hashKeys = []
    }

    /// Whether the row of `slots` (a node per slot) is new; a new row is
    /// remembered as row `row` of `kept`, which the caller appends it as next.
    func insert(_ slots: [Int], as row: Int, among kept: NodeColumns) -> Bool {
        if width == 1 {
            let node = slots[0], bit = UInt64(1) << UInt64(node & 63)
            if seenNodes[node >> 6] & bit != 0 { return false }
            seenNodes[node >> 6] |= bit
        } else if !seenTuples.insert(slots).inserted {
            return false
        }
        if nodesOnly { return true }
        let hash = rowHash(slots)
        var i = Self.spread(hash) & mask
        while table[i] != 0 {
            let other = Int(table[i]) - 1
            if rowHashes[other] == hash && same(slots, as: other, in: kept) { return false }
            i = (i + 1) & mask
        }
        table[i] = Int32(row + 1)
        rowHashes.append(hash)
        if rowHashes.count * 2 > table.count { grow() }
        return true
    }

    private func rowHash(_ slots: [Int]) -> Int {
        var h: UInt64 = 0
        for (c, column) in columns.enumerated() {
            let part: Int
            switch column {
            case .node(let slot):
                part = slots[slot]
            case .property(let slot, let key):
                let node = slots[slot], k = hashIndex[c]
                if hashes[k][node] == 0 { hashes[k][node] = catalog.propertyHash(node, key) }
                part = hashes[k][node]
            }
            h = (h ^ UInt64(bitPattern: Int64(part))) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
        }
        return Int(bitPattern: UInt(h))
    }

    private static func spread(_ hash: Int) -> Int {
        Int(bitPattern: UInt((UInt64(bitPattern: Int64(hash)) &* 0xBF58_476D_1CE4_E5B9) >> 20))
    }

    /// Whether the row of `slots` has the values of kept row `other` (Cypher equivalence, as DISTINCT compares).
    private func same(_ slots: [Int], as other: Int, in kept: NodeColumns) -> Bool {
        for column in columns {
            switch column {
            case .node(let slot):
                if kept.node(other, slot: slot) != slots[slot] { return false }
            case .property(let slot, let key):
                let mine = catalog.nodeProperty(slots[slot], key)
                if mine != catalog.nodeProperty(kept.node(other, slot: slot), key) { return false }
            }
        }
        return true
    }

    private func grow() {
        table = Array(repeating: 0, count: table.count * 2)
        mask = table.count - 1
        for (row, hash) in rowHashes.enumerated() {
            var i = Self.spread(hash) & mask
            while table[i] != 0 { i = (i + 1) & mask }
            table[i] = Int32(row + 1)
        }
    }
}
