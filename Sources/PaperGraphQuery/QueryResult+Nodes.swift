import PaperGraphModel

extension QueryResult {
    /// Every node a result refers to: nodes returned directly, both ends of each
    /// relationship, every node on each path, inside lists and maps too.
    ///
    /// This is how a query selects a subgraph to export or draw
    /// (`papergraph export --query`, `papergraph map --query`).
    public func referencedNodes(in graph: KnowledgeGraph) -> Set<Int> {
        var nodes = Set<Int>()
        func collect(_ value: CypherValue) {
            switch value {
            case .node(let index): nodes.insert(index)
            case .relationship(let index):
                nodes.insert(graph.edges[index].from)
                nodes.insert(graph.edges[index].to)
            case .path(let path): nodes.formUnion(path.nodes)
            case .list(let items): items.forEach(collect)
            case .map(let entries): entries.values.forEach(collect)
            default: break
            }
        }
        for row in rows { row.forEach(collect) }
        return nodes
    }
}
