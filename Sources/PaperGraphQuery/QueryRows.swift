import PaperGraphModel

/// The rows of a ``QueryResult``: a random-access collection of rows, each an
/// array of values in column order.
///
/// A query whose columns are nodes and node properties (the common shape,
/// `RETURN DISTINCT p.title`) keeps only node indices, one flat array of them,
/// and reads the properties when a row is read. Building tens of thousands of
/// small `[CypherValue]` arrays cost more than finding the rows; a row read
/// here costs what it cost before, once, when someone looks at it.
public struct QueryRows: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral,
    CustomStringConvertible {
    enum Storage: Sendable {
        case values([[CypherValue]])
        case nodes(NodeColumns)
    }

    let storage: Storage

    init(_ storage: Storage) { self.storage = storage }

    public init(_ rows: [[CypherValue]]) { storage = .values(rows) }

    public init(arrayLiteral rows: [CypherValue]...) { storage = .values(rows) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .values(let rows): return rows.count
        case .nodes(let columns): return columns.count
        }
    }

    public subscript(position: Int) -> [CypherValue] {
        switch storage {
        case .values(let rows): return rows[position]
        case .nodes(let columns): return columns.row(position)
        }
    }

    public func makeIterator() -> Iterator { Iterator(rows: self) }

    /// Reads the rows in order. Rows kept as nodes are read a batch at a time:
    /// first every value the batch will copy is touched, with plain reads that
    /// overlap their cache misses (each value lives in its own corner of a large
    /// graph), then each row is built, its values' reference counts now in cache.
    /// Built one at a time, each row would wait for its misses in turn, since the
    /// atomic increment of a reference count lets no later read start early.
    public struct Iterator: IteratorProtocol {
        let rows: QueryRows
        var position = 0
        /// The end of the batch touched last.
        var touched = 0
        /// What the touching read, kept so the reads are not optimised away.
        public private(set) var checksum = 0

        /// Rows per batch: enough misses in flight to keep the memory system
        /// busy, few enough that what they bring in stays in the L1 cache.
        static let batch = 16

        public mutating func next() -> [CypherValue]? {
            switch rows.storage {
            case .values(let values):
                guard position < values.count else { return nil }
                position += 1
                return values[position - 1]
            case .nodes(let columns):
                guard position < columns.count else { return nil }
                if position == touched {
                    touched = Swift.min(position + Self.batch, columns.count)
                    checksum &+= columns.touch(position ..< touched)
                }
                position += 1
                return columns.row(position - 1)
            }
        }
    }

    public static func == (lhs: QueryRows, rhs: QueryRows) -> Bool { lhs.elementsEqual(rhs) }

    public static func == (lhs: QueryRows, rhs: [[CypherValue]]) -> Bool { lhs.elementsEqual(rhs) }

    public static func == (lhs: [[CypherValue]], rhs: QueryRows) -> Bool { rhs.elementsEqual(lhs) }

    public var description: String { Array(self).description }
}

/// Rows kept as node indices: `width` nodes per row, and per column which node
/// it shows and whether as the node itself or one of its properties.
struct NodeColumns: Sendable {
    enum Column: Sendable, Equatable {
        /// The node in row slot `slot`.
        case node(slot: Int)
        /// Property `key` of the node in row slot `slot`.
        case property(slot: Int, key: String)

        var slot: Int {
            switch self {
            case .node(let slot), .property(let slot, _): return slot
            }
        }
    }

    /// Per column, where its values come from: a property's from the column of
    /// its values (``PropertyColumn``), which holds every stored row's node.
    enum Source: Sendable {
        case node(slot: Int)
        case property(slot: Int, PropertyColumn)
    }

    let sources: [Source]
    /// Nodes per row.
    let width: Int
    /// Row-major: row `r`'s nodes are `nodes[r * width ..< (r + 1) * width]`.
    private(set) var nodes: [Int32] = []

    init(sources: [Source], width: Int) {
        self.sources = sources
        self.width = width
    }

    /// Rows held: counted, not divided out of `nodes.count`, as the output asks on every row.
    private(set) var count = 0

    mutating func append(_ row: [Int]) {
        for node in row { nodes.append(Int32(truncatingIfNeeded: node)) }
        count += 1
    }

    /// Appends a row of one node.
    mutating func append(_ node: Int) {
        nodes.append(Int32(truncatingIfNeeded: node))
        count += 1
    }

    /// Appends a one-node row for each far end at odd indices `range` of `ends`
    /// (relationship, far end or -1 pairs) that is not negative.
    mutating func append(ends: [Int32], _ range: Range<Int>) {
        precondition(width == 1, "rows of one node only")
        guard range.count > 64 else {
            // A node's few relationships (a step in the middle of a longer
            // pattern, run once per node): growing and shrinking would cost more.
            for i in stride(from: range.lowerBound, to: range.upperBound, by: 2) where ends[i] >= 0 {
                nodes.append(ends[i])
                count += 1
            }
            return
        }
        // Every far end is written and the count moves on only for kept ones:
        // which are kept is as good as random, so a branch on it would mispredict.
        let before = nodes.count, room = range.count / 2 + 1
        nodes.append(contentsOf: repeatElement(-1, count: room))
        let kept = nodes.withUnsafeMutableBufferPointer { nodes in
            var n = before
            var i = range.lowerBound
            while i < range.upperBound {
                nodes[n] = ends[i]
                n += ends[i] >= 0 ? 1 : 0
                i += 2
            }
            return n - before
        }
        nodes.removeLast(room - kept)
        count += kept
    }

    /// The same rows without the first `count`.
    func dropping(first count: Int) -> NodeColumns {
        var rest = NodeColumns(sources: sources, width: width)
        rest.nodes = Array(nodes[(count * width)...])
        rest.count = self.count - count
        return rest
    }

    func node(_ row: Int, slot: Int) -> Int { Int(nodes[row * width + slot]) }

    func value(_ row: Int, _ source: Source) -> CypherValue {
        switch source {
        case .node(let slot): return .node(node(row, slot: slot))
        case .property(let slot, let column): return column.value(node(row, slot: slot))
        }
    }

    /// Reads, retaining nothing, what reading `rows` will read; returns a value
    /// only so the reads are not dropped (see ``QueryRows/Iterator``).
    func touch(_ rows: Range<Int>) -> Int {
        var sum = 0
        for source in sources {
            guard case .property(let slot, let column) = source else { continue }
            for row in rows { sum &+= column.touch(node(row, slot: slot)) }
        }
        return sum
    }

    func row(_ row: Int) -> [CypherValue] {
        if sources.count == 1 { return [value(row, sources[0])] }
        return sources.map { value(row, $0) }
    }
}
