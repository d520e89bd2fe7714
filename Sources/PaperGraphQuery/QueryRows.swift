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

    var count: Int { width == 0 ? 0 : nodes.count / width }

    mutating func append(_ row: some Sequence<Int>) {
        for node in row { nodes.append(Int32(truncatingIfNeeded: node)) }
    }

    /// The same rows without the first `count`.
    func dropping(first count: Int) -> NodeColumns {
        var rest = NodeColumns(sources: sources, width: width)
        rest.nodes = Array(nodes[(count * width)...])
        return rest
    }

    func node(_ row: Int, slot: Int) -> Int { Int(nodes[row * width + slot]) }

    func value(_ row: Int, _ source: Source) -> CypherValue {
        switch source {
        case .node(let slot): return .node(node(row, slot: slot))
        case .property(let slot, let column): return column.value(node(row, slot: slot))
        }
    }

    func row(_ row: Int) -> [CypherValue] {
        if sources.count == 1 { return [value(row, sources[0])] }
        return sources.map { value(row, $0) }
    }
}
