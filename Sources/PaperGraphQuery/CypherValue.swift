import PaperGraphModel

/// A path through the graph: `nodes.count == edges.count + 1`, indices into one ``KnowledgeGraph``.
public struct GraphPath: Hashable, Sendable {
    public var nodes: [Int]
    public var edges: [Int]

    public init(nodes: [Int], edges: [Int]) {
        self.nodes = nodes
        self.edges = edges
    }
}

/// A value as the query language sees it.
///
/// Nodes, relationships and paths hold indices into the graph the engine runs
/// on, so rows stay small; the result formatter turns them into maps.
///
/// `==` and `hash(into:)` implement Cypher *equivalence* (what DISTINCT and
/// grouping use): `null` is equivalent to `null` and `1` to `1.0`. Cypher
/// *equality* (three-valued) is ``CypherValue/equals(_:_:)``.
public enum CypherValue: Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([CypherValue])
    case map([String: CypherValue])
    case node(Int)
    case relationship(Int)
    case path(GraphPath)

    public init(_ property: PropertyValue) {
        switch property {
        case .string(let s): self = .string(s)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .bool(let b): self = .bool(b)
        case .strings(let list): self = .list(list.map(CypherValue.string))
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "NULL"
        case .bool: return "BOOLEAN"
        case .int: return "INTEGER"
        case .double: return "FLOAT"
        case .string: return "STRING"
        case .list: return "LIST"
        case .map: return "MAP"
        case .node: return "NODE"
        case .relationship: return "RELATIONSHIP"
        case .path: return "PATH"
        }
    }

    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .double(let d): return CypherValue.format(d)
        case .string(let s): return s
        case .list(let items): return "[" + items.map(\.literalDescription).joined(separator: ", ") + "]"
        case .map(let m):
            return "{" + m.keys.sorted().map { "\($0): \(m[$0]!.literalDescription)" }.joined(separator: ", ") + "}"
        case .node(let i): return "node(\(i))"
        case .relationship(let i): return "relationship(\(i))"
        case .path(let p): return "path(\(p.nodes))"
        }
    }

    /// Like ``description`` but with strings quoted, as inside lists and maps.
    var literalDescription: String {
        if case .string(let s) = self { return "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        return description
    }

    /// Doubles print without a trailing `.0` noise only when they are not integral.
    static func format(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) + ".0" }
        return String(d)
    }

    // MARK: Cypher equality and comparison

    /// Three-valued equality: nil when the answer is unknown (a null is involved).
    public static func equals(_ a: CypherValue, _ b: CypherValue) -> Bool? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case (.int(let x), .int(let y)): return x == y
        case (.int(let x), .double(let y)): return Double(x) == y
        case (.double(let x), .int(let y)): return x == Double(y)
        case (.double(let x), .double(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.node(let x), .node(let y)): return x == y
        case (.relationship(let x), .relationship(let y)): return x == y
        case (.path(let x), .path(let y)): return x == y
        case (.list(let xs), .list(let ys)):
            guard xs.count == ys.count else { return false }
            var unknown = false
            for (x, y) in zip(xs, ys) {
                switch equals(x, y) {
                case .some(false): return false
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? nil : true
        case (.map(let xs), .map(let ys)):
            guard Set(xs.keys) == Set(ys.keys) else { return false }
            var unknown = false
            for (k, x) in xs {
                switch equals(x, ys[k]!) {
                case .some(false): return false
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? nil : true
        default: return false
        }
    }

    /// Comparison for `<`, `<=`, `>`, `>=`: nil when the values are not comparable
    /// (different types, or a null), as in Cypher.
    public static func compare(_ a: CypherValue, _ b: CypherValue) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.int, .double), (.double, .int), (.double, .double):
            let x = a.numeric!, y = b.numeric!
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.list(let xs), .list(let ys)):
            for (x, y) in zip(xs, ys) {
                guard let c = compare(x, y) else { return nil }
                if c != 0 { return c }
            }
            return xs.count < ys.count ? -1 : (xs.count == ys.count ? 0 : 1)
        default: return nil
        }
    }

    var numeric: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// Rank of the type in the global sort order used by ORDER BY, min and max
    /// (openCypher: map < node < relationship < list < path < string < boolean < number < null).
    private var orderRank: Int {
        switch self {
        case .map: return 0
        case .node: return 1
        case .relationship: return 2
        case .list: return 3
        case .path: return 4
        case .string: return 5
        case .bool: return 6
        case .int, .double: return 7
        case .null: return 8
        }
    }

    /// Total order for ORDER BY: nulls sort last ascending (first descending),
    /// as Neo4j and Kuzu do.
    public static func orderCompare(_ a: CypherValue, _ b: CypherValue) -> Int {
        let ra = a.orderRank, rb = b.orderRank
        if ra != rb { return ra < rb ? -1 : 1 }
        switch (a, b) {
        case (.null, .null): return 0
        case (.node(let x), .node(let y)), (.relationship(let x), .relationship(let y)):
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.list(let xs), .list(let ys)):
            for (x, y) in zip(xs, ys) {
                let c = orderCompare(x, y)
                if c != 0 { return c }
            }
            return xs.count < ys.count ? -1 : (xs.count == ys.count ? 0 : 1)
        case (.path(let x), .path(let y)):
            return orderCompare(.list(x.nodes.map(CypherValue.int)), .list(y.nodes.map(CypherValue.int)))
        case (.map(let x), .map(let y)):
            return orderCompare(.list(x.keys.sorted().map { .string($0) }), .list(y.keys.sorted().map { .string($0) }))
        default:
            return compare(a, b) ?? 0
        }
    }
}

extension CypherValue: Hashable {
    public static func == (lhs: CypherValue, rhs: CypherValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.list(let xs), .list(let ys)): return xs == ys
        case (.map(let xs), .map(let ys)): return xs == ys
        default: return equals(lhs, rhs) ?? false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .int(let i): hasher.combine(2); hasher.combine(Double(i))
        case .double(let d): hasher.combine(2); hasher.combine(d)
        case .string(let s): hasher.combine(3); hasher.combine(s)
        case .list(let items): hasher.combine(4); hasher.combine(items)
        case .map(let m): hasher.combine(5); hasher.combine(m)
        case .node(let i): hasher.combine(6); hasher.combine(i)
        case .relationship(let i): hasher.combine(7); hasher.combine(i)
        case .path(let p): hasher.combine(8); hasher.combine(p)
        }
    }
}
