import PaperGraphModel

/// A deterministic order of a graph's nodes and edges, and the identifiers that
/// come from it, so the same graph always exports byte-identical files no matter
/// in which order papers were ingested.
///
/// Nodes are sorted by (kind, key) and named `n0`, `n1`, …; edges are sorted by
/// (source position, relation, target position) and named `e0`, `e1`, …. Such
/// names are valid XML NMTOKENs (GraphML ids) and Graphviz IDs; the node's real
/// identity travels in its `kind` and `key` attributes.
struct StableOrder {
    /// Node indices in export order.
    let nodes: [Int]
    /// Edge indices in export order.
    let edges: [Int]
    /// Export position of each node index.
    let position: [Int]

    init(_ graph: KnowledgeGraph) {
        // Kinds in their declared order (NodeKind's `<`), then keys by String `<`
        // within a kind. (kind, key) is unique, so this is the one order a sort of
        // all nodes by NodeID gives, without NodeKind's `<` in every comparison.
        var nodes: [Int] = []
        nodes.reserveCapacity(graph.nodeCount)
        for kind in NodeKind.allCases {
            let members = graph.nodeIndices(of: kind)
            let keys = members.map { graph.nodes[$0].id.key }
            nodes += members.indices.sorted { keys[$0] < keys[$1] }.map { members[$0] }
        }
        var position = [Int](repeating: 0, count: graph.nodeCount)
        for (p, i) in nodes.enumerated() { position[i] = p }
        self.nodes = nodes
        self.position = position

        // Edges grouped by source in node order, each source's edges by (relation,
        // target position), ties by edge index as a stable sort leaves them: the
        // order of sorting all edges by that triple, at the cost of sorting each
        // source's few edges.
        let rank = Dictionary(uniqueKeysWithValues: Relation.allCases.enumerated().map { ($1, UInt64($0)) })
        var edges: [Int] = []
        edges.reserveCapacity(graph.edgeCount)
        var leaving: [(key: UInt64, edge: Int)] = []
        for index in nodes {
            leaving.removeAll(keepingCapacity: true)
            for e in graph.outgoing(index) {
                let edge = graph.edges[e]
                leaving.append((rank[edge.relation]! << 48 | UInt64(position[edge.to]), e))
            }
            leaving.sort { ($0.key, $0.edge) < ($1.key, $1.edge) }
            for item in leaving { edges.append(item.edge) }
        }
        self.edges = edges
    }

    func nodeID(_ index: Int) -> String { "n\(position[index])" }
}

/// The type a property column gets in typed formats (GraphML `attr.type`, Kuzu,
/// Neo4j headers, RDF literals).
enum ColumnType: Equatable {
    case string, long, double, boolean
    /// A list, written as a JSON array string where the format has no list type.
    case list

    init(_ value: PropertyValue) {
        switch value {
        case .string: self = .string
        case .int: self = .long
        case .double: self = .double
        case .bool: self = .boolean
        case .strings: self = .list
        }
    }

    /// Two different types in one column: the column becomes a string, which
    /// every value can be written as.
    func joined(with other: ColumnType) -> ColumnType { self == other ? self : .string }
}

/// The property columns of a set of nodes: every property name found, with one
/// type that can carry all its values. Names the exporters reserve for the
/// node's own identity (`kind`, `key`, `name`, `label`) are left out: those
/// columns are always written from the node itself.
struct PropertyColumns {
    static let reserved: Set<String> = ["kind", "key", "name", "label", "id"]

    /// Column names in sorted order, with their types.
    let columns: [(name: String, type: ColumnType)]

    init(_ graph: KnowledgeGraph, nodes: some Sequence<Int>) {
        // One hash per property: reserved names are collected like any other and
        // dropped at the end, and whether `title` is known yet is tracked, not
        // looked up. (Exports of large graphs spent a fifth of their time here.)
        var types: [String: ColumnType] = [:]
        var hasTitle = false
        for i in nodes {
            let node = graph.nodes[i]
            for (name, value) in node.properties {
                let type = ColumnType(value)
                if let known = types.index(forKey: name) {
                    types.values[known] = types.values[known].joined(with: type)
                } else {
                    types[name] = type
                    if name == "title" { hasTitle = true }
                }
            }
            if node.kind == .paper, !hasTitle { types["title"] = .string; hasTitle = true }
        }
        for name in PropertyColumns.reserved { types[name] = nil }
        columns = types.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The value a column holds for a node; papers without a `title` property use their name.
    static func value(_ node: Node, _ column: String) -> PropertyValue? {
        if let v = node.properties[column] { return v }
        if column == "title", node.kind == .paper { return .string(node.name) }
        return nil
    }

    /// A value as text in a column of the given type: lists as JSON arrays
    /// (the contract the GraphML reader relies on), everything else as itself.
    static func text(_ value: PropertyValue) -> String {
        switch value {
        case .strings(let list):
            var json = JSONText()
            json.stringArray(list)
            return json.text
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        }
    }
}

/// Turns arbitrary text into an XML NMTOKEN (letters, digits, `.`, `-`, `_`),
/// used for GraphML key ids and `attr.name`.
func nmtoken(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        let v = scalar.value
        let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            || v == 0x2E || v == 0x2D || v == 0x5F
        out.unicodeScalars.append(ok ? scalar : "_")
    }
    return out.isEmpty ? "_" : out
}
