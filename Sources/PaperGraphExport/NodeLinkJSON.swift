import PaperGraphModel

/// The graph in NetworkX's node-link JSON (`networkx.node_link_graph`, D3).
///
/// NetworkX 3.6 reads edges from `"edges"` by default, earlier versions and
/// D3 from `"links"`; both keys are written (same list) so every reader works.
/// Node ids are `Kind:key`, which is unique and readable; properties keep their
/// JSON types (lists stay arrays) and evidence is an array of objects.
enum NodeLinkJSON {
    static func text(_ graph: KnowledgeGraph) -> String {
        let order = StableOrder(graph)
        var json = JSONText(capacity: graph.nodeCount * 256 + graph.edgeCount * 128)
        json.raw("{\"directed\":true,\"multigraph\":false,\"graph\":{\"name\":\"papergraph\"},\n\"nodes\":[")
        for (position, index) in order.nodes.enumerated() {
            let node = graph.nodes[index]
            json.raw(position == 0 ? "\n" : ",\n")
            json.raw("{\"id\":"); json.string(node.id.description)
            json.raw(",\"kind\":"); json.string(node.kind.rawValue)
            json.raw(",\"key\":"); json.string(node.id.key)
            json.raw(",\"name\":"); json.string(node.name)
            json.raw(",\"label\":"); json.string(node.name)
            if node.kind == .paper, node["title"] == nil {
                json.raw(",\"title\":"); json.string(node.name)
            }
            for name in node.properties.keys.sorted() where !PropertyColumns.reserved.contains(name) {
                json.raw(","); json.string(name); json.raw(":"); json.value(node.properties[name]!)
            }
            json.raw("}")
        }
        json.raw("\n],\n")
        var edges = JSONText(capacity: graph.edgeCount * 128)
        for (position, index) in order.edges.enumerated() {
            let edge = graph.edges[index], evidence = edge.evidence
            edges.raw(position == 0 ? "\n" : ",\n")
            edges.raw("{\"source\":"); edges.string(graph.nodes[edge.from].id.description)
            edges.raw(",\"target\":"); edges.string(graph.nodes[edge.to].id.description)
            edges.raw(",\"relation\":"); edges.string(edge.relation.rawValue)
            edges.raw(",\"weight\":"); edges.int(max(1, evidence.count))
            edges.raw(",\"evidence\":"); edges.evidence(evidence)
            edges.raw("}")
        }
        json.raw("\"edges\":[")
        json.bytes += edges.bytes
        json.raw("\n],\n\"links\":[")
        json.bytes += edges.bytes
        json.raw("\n]}\n")
        return json.text
    }
}
