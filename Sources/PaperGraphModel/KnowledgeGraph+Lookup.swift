/// Finding nodes by the names people type.
extension KnowledgeGraph {
    /// The nodes a user-typed name refers to, best match first.
    ///
    /// A name matches a node when it folds (``NameFolding/fold(_:)``) to the same
    /// text as the node's key, name or one of its aliases, or — for papers — is its
    /// arXiv id or its title. `Kind:name` (e.g. `Benchmark:MATH`) restricts the kind.
    /// Exact-case matches of the name come first, so `MATH` prefers the benchmark
    /// written `MATH` over a method written `Math`. `kinds` limits the search.
    public func resolve(_ name: String, kinds: [NodeKind] = NodeKind.allCases) -> [Int] {
        var query = name.trimmingCharacters(in: .whitespaces)
        var kinds = kinds
        if let colon = query.firstIndex(of: ":"), let kind = NodeKind(rawValue: String(query[..<colon])) {
            kinds = kinds.filter { $0 == kind }
            query = String(query[query.index(after: colon)...])
        }
        var hits: [Int] = []
        func add(_ index: Int?) {
            if let index, kinds.contains(nodes[index].kind), !hits.contains(index) { hits.append(index) }
        }
        if let id = ArxivID.canonical(query) { add(index(of: NodeID(kind: .paper, normalizedKey: id))) }
        for kind in kinds { add(index(of: NodeID(kind, query))) }
        if hits.isEmpty {
            let folded = NameFolding.fold(query)
            for kind in kinds where kind != .paper {
                for i in nodeIndices(of: kind) {
                    let aliases = nodes[i]["aliases"]?.stringsValue ?? []
                    if NameFolding.fold(nodes[i].name) == folded || aliases.contains(where: { NameFolding.fold($0) == folded }) {
                        add(i)
                    }
                }
            }
        }
        return hits.sorted { (nodes[$0].name == query ? 0 : 1, $0) < (nodes[$1].name == query ? 0 : 1, $1) }
    }
}

import Foundation
