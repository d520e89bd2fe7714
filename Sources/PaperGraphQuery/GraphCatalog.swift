import Foundation
import PaperGraphModel

/// The graph as the query engine reads it: property access for nodes and
/// relationships, and lazily built name indexes, one per node kind.
///
/// Indexes are built on first use (a query about benchmarks never pays for an
/// index over a million papers) and kept for the engine's lifetime; a lock
/// makes the lazy build safe when one engine serves several threads.
final class GraphCatalog: @unchecked Sendable {
    let graph: KnowledgeGraph
    private let lock = NSLock()
    private var nameIndexes: [NodeKind: [String: [Int]]] = [:]
    private var observedProperties: [NodeKind: Set<String>] = [:]
    private var columns: [String: PropertyColumn] = [:]
    private var packed: [Bool: PackedAdjacency] = [:]
    /// Each node's kind, one byte per node: reading it from the node itself
    /// touches a whole `Node` for one byte, a cache miss per node on a large graph.
    let nodeKinds: [NodeKind]

    init(graph: KnowledgeGraph) {
        self.graph = graph
        nodeKinds = graph.nodes.map(\.kind)
    }

    /// Properties every node has, computed from its identity.
    static let builtinNodeProperties: [String] = ["name", "kind", "key"]

    /// The documented properties per kind (see DESIGN.md); a query may name one
    /// even when no node in this graph carries it yet (it reads as null).
    static let schemaProperties: [NodeKind: Set<String>] = [
        .paper: ["title", "abstract", "authors", "published", "url", "homepage", "source", "arxiv_id", "categories",
                 "doi", "comment"],
        .method: ["aliases", "broader"],
        .benchmark: ["aliases", "domain", "subset_of"],
        .repository: ["url", "host"],
    ]

    /// Relationship properties: `evidence` (the sentences, a list), `rule` (the
    /// first rule that fired, null for ontology edges), `rules` (all rules, a
    /// list), `weight` (how many pieces of evidence).
    static let relationshipProperties: [String] = ["evidence", "rule", "rules", "weight"]

    // MARK: Properties

    func nodeProperty(_ index: Int, _ key: String) -> CypherValue {
        // Read fields in place rather than copying the whole node out of the array.
        switch key {
        case "name": return .string(graph.nodes[index].name)
        case "kind": return .string(graph.nodes[index].kind.rawValue)
        case "key": return .string(graph.nodes[index].id.key)
        default: return graph.nodes[index].properties[key].map(CypherValue.init) ?? .null
        }
    }

    func relationshipProperty(_ index: Int, _ key: String) -> CypherValue {
        let edge = graph.edges[index]
        switch key {
        case "evidence": return .list(edge.evidence.map { .string($0.sentence) })
        case "rule": return edge.evidence.first.map { .string($0.rule) } ?? .null
        case "rules": return .list(edge.evidence.map { .string($0.rule) })
        case "weight": return .int(edge.evidenceCount)
        default: return .null
        }
    }

    /// Whether `key` names a property nodes of these kinds can have: built in,
    /// documented, or present on some node of the graph.
    func isKnownNodeProperty(_ key: String, kinds: [NodeKind]) -> Bool {
        if GraphCatalog.builtinNodeProperties.contains(key) { return true }
        if kinds.contains(where: { GraphCatalog.schemaProperties[$0]?.contains(key) == true }) { return true }
        return kinds.contains { observed(for: $0).contains(key) }
    }

    /// All property names nodes of these kinds can have, for suggestions.
    func nodePropertyNames(kinds: [NodeKind]) -> Set<String> {
        var names = Set(GraphCatalog.builtinNodeProperties)
        for kind in kinds {
            names.formUnion(GraphCatalog.schemaProperties[kind] ?? [])
            names.formUnion(observed(for: kind))
        }
        return names
    }

    private func observed(for kind: NodeKind) -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        if let cached = observedProperties[kind] { return cached }
        var keys = Set<String>()
        for i in graph.nodeIndices(of: kind) { keys.formUnion(graph.nodes[i].properties.keys) }
        observedProperties[kind] = keys
        return keys
    }

    // MARK: Packed adjacency

    /// The graph's outgoing (or incoming) relationships packed for scanning, built on first use.
    func packedAdjacency(outgoing: Bool) -> PackedAdjacency {
        lock.lock()
        defer { lock.unlock() }
        if let built = packed[outgoing] { return built }
        let built = PackedAdjacency(graph, outgoing: outgoing)
        packed[outgoing] = built
        return built
    }

    // MARK: Property columns

    /// Per property key, its values and their classes in node order (see ``PropertyColumn``).
    ///
    /// The caller fills the column in until it returns it with ``checkIn(_:)``;
    /// a query running meanwhile gets a fresh column and the later return wins,
    /// which loses only work, never correctness: each column is consistent on its
    /// own, and rows keep the column they were read from.
    func checkOutColumn(of key: String) -> PropertyColumn {
        lock.lock()
        defer { lock.unlock() }
        return columns.removeValue(forKey: key) ?? PropertyColumn(key: key, nodeCount: graph.nodeCount)
    }

    func checkIn(_ column: PropertyColumn) {
        lock.lock()
        defer { lock.unlock() }
        columns[column.key] = column
    }

    // MARK: Lookup

    /// Nodes of `kind` whose name is exactly `name`, through the kind's name index.
    func nodes(named name: String, kind: NodeKind) -> [Int] {
        lock.lock()
        defer { lock.unlock() }
        if nameIndexes[kind] == nil {
            var index: [String: [Int]] = [:]
            for i in graph.nodeIndices(of: kind) { index[graph.nodes[i].name, default: []].append(i) }
            nameIndexes[kind] = index
        }
        return nameIndexes[kind]![name] ?? []
    }

    /// The node of `kind` whose normalised key is exactly `key`.
    func node(key: String, kind: NodeKind) -> Int? {
        graph.index(of: NodeID(kind: kind, normalizedKey: key))
    }

    /// The node at the other end of `edge` from `node`.
    func otherEnd(of edge: Int, from node: Int) -> Int {
        let e = graph.edges[edge]
        return e.from == node ? e.to : e.from
    }
}
