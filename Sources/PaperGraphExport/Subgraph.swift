import PaperGraphModel

extension KnowledgeGraph {
    /// The graph restricted to `nodeIndices` and the edges between them, node
    /// order and evidence preserved. This is the hook for `--query`: feed it the
    /// node indices a query matched.
    public func subgraph(keeping nodeIndices: Set<Int>) -> KnowledgeGraph {
        var result = KnowledgeGraph()
        var mapped: [Int: Int] = [:]
        for index in nodeIndices.sorted() where nodes.indices.contains(index) {
            mapped[index] = result.upsert(nodes[index])
        }
        for edge in edges {
            guard let from = mapped[edge.from], let to = mapped[edge.to] else { continue }
            result.addEdge(from: from, relation: edge.relation, to: to, evidence: edge.evidence)
        }
        return result
    }

    /// The neighbourhood of the named node(s): every node within `depth` edges,
    /// following edges in both directions (a benchmark reaches the papers that
    /// evaluate on it, and through them their methods).
    /// - Throws: ``ExportError/noSuchNode(name:)`` when nothing has this name.
    public func neighbourhood(of name: String, depth: Int) throws(ExportError) -> Set<Int> {
        let seeds = resolve(name)
        guard !seeds.isEmpty else { throw .noSuchNode(name: name) }
        var seen = Set(seeds)
        var frontier = seeds
        for _ in 0..<max(0, depth) where !frontier.isEmpty {
            var next: [Int] = []
            for node in frontier {
                for e in outgoing(node) where seen.insert(edges[e].to).inserted { next.append(edges[e].to) }
                for e in incoming(node) where seen.insert(edges[e].from).inserted { next.append(edges[e].from) }
            }
            frontier = next
        }
        return seen
    }

    /// ``neighbourhood(of:depth:)`` as a graph.
    public func subgraph(around name: String, depth: Int) throws(ExportError) -> KnowledgeGraph {
        subgraph(keeping: try neighbourhood(of: name, depth: depth))
    }
}

import Foundation
