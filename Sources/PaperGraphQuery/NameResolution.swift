import PaperGraphModel

/// Finding nodes by the names people type on the command line.
///
/// Same rules as `KnowledgeGraph.resolve(_:)` on main (this branch predates it;
/// after the merge the convenience queries can call that instead): `Kind:name`
/// restricts the kind; an arXiv id or a node key matches directly; otherwise the
/// name matches a node whose name or alias folds (``NameFolding/fold(_:)``) to the
/// same text. Exact-case name matches come first.
public enum NameResolution {
    public static func resolve(_ name: String, in graph: KnowledgeGraph, kinds: [NodeKind] = NodeKind.allCases) -> [Int] {
        var query = name.trimmingCharacters(in: .whitespaces)
        var kinds = kinds
        if let colon = query.firstIndex(of: ":"), let kind = NodeKind(rawValue: String(query[..<colon])) {
            kinds = kinds.filter { $0 == kind }
            query = String(query[query.index(after: colon)...])
        }
        var hits: [Int] = []
        func add(_ index: Int?) {
            if let index, kinds.contains(graph.nodes[index].kind), !hits.contains(index) { hits.append(index) }
        }
        if let id = ArxivID.canonical(query) { add(graph.index(of: NodeID(kind: .paper, normalizedKey: id))) }
        for kind in kinds { add(graph.index(of: NodeID(kind, query))) }
        if hits.isEmpty {
            let folded = NameFolding.fold(query)
            for kind in kinds where kind != .paper {
                for i in graph.nodeIndices(of: kind) {
                    let aliases = graph.nodes[i]["aliases"]?.stringsValue ?? []
                    if NameFolding.fold(graph.nodes[i].name) == folded || aliases.contains(where: { NameFolding.fold($0) == folded }) {
                        add(i)
                    }
                }
            }
        }
        return hits.sorted {
            (graph.nodes[$0].name == query ? 0 : 1, $0) < (graph.nodes[$1].name == query ? 0 : 1, $1)
        }
    }

    /// The nodes `name` refers to, or an error that suggests the nearest name of those kinds.
    static func require(_ name: String, in graph: KnowledgeGraph, kinds: [NodeKind]) throws -> [Int] {
        let hits = resolve(name, in: graph, kinds: kinds)
        guard hits.isEmpty else { return hits }
        let candidates = kinds.filter { $0 != .paper }.flatMap { graph.nodeIndices(of: $0).map { graph.nodes[$0].name } }
        let what = kinds.count == 1 ? kinds[0].rawValue.lowercased() : "node"
        throw QueryError(.semantic, "no \(what) named '\(name)' in the graph" + Suggest.hint(name, among: candidates))
    }
}
