import PaperGraphModel
import Testing
@testable import PaperGraphExport

/// ``StableOrder`` sorts kind by kind and edges source by source; its order must
/// be the one its definition gives when everything is sorted at once.
@Suite struct StableOrderTests {
    static func definition(_ graph: KnowledgeGraph) -> (nodes: [Int], edges: [Int]) {
        let nodes = graph.nodes.indices.sorted { graph.nodes[$0].id < graph.nodes[$1].id }
        var position = [Int](repeating: 0, count: graph.nodeCount)
        for (p, i) in nodes.enumerated() { position[i] = p }
        let edges = graph.edges.indices.sorted {
            let a = graph.edges[$0], b = graph.edges[$1]
            return (position[a.from], Relation.allCases.firstIndex(of: a.relation)!, position[a.to])
                < (position[b.from], Relation.allCases.firstIndex(of: b.relation)!, position[b.to])
        }
        return (nodes, edges)
    }

    @Test func sampleGraphsFollowTheDefinition() {
        var many = KnowledgeGraph()
        // Keys whose String order is not their byte order, kinds interleaved, edges of every relation.
        let keys = ["b", "a", "é", "e\u{301}x", "Z", "z", "10", "9", "数", "😀", "", "a b"]
        var indices: [Int] = []
        for (i, key) in keys.enumerated() {
            let kind = NodeKind.allCases[i % NodeKind.allCases.count]
            indices.append(many.upsert(Node(id: NodeID(kind: kind, normalizedKey: key), name: key)))
        }
        for (i, from) in indices.enumerated() {
            for (j, to) in indices.enumerated() where (i * 7 + j) % 3 == 0 {
                many.addEdge(from: from, relation: Relation.allCases[(i + j) % Relation.allCases.count], to: to)
            }
        }
        for graph in [TestGraphs.sample(), many, KnowledgeGraph()] {
            let order = StableOrder(graph), expected = Self.definition(graph)
            #expect(order.nodes == expected.nodes)
            #expect(order.edges == expected.edges)
        }
    }
}

/// The GraphML writer computes the property columns beside the order instead of
/// after it; they must be the columns of the nodes in export order.
@Suite struct GraphMLColumnsTests {
    static func graph(_ nodes: [Node]) -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        for node in nodes { graph.upsert(node) }
        return graph
    }

    static func paper(_ key: String, _ title: PropertyValue?) -> Node {
        Node(id: NodeID(kind: .paper, normalizedKey: key), name: "Paper \(key)",
             properties: title.map { ["title": $0, "year": .int(1)] } ?? ["year": .string("one")])
    }
    static func method(_ key: String, _ title: PropertyValue) -> Node {
        Node(id: NodeID(kind: .method, normalizedKey: key), name: key, properties: ["title": title, "kind": .int(3)])
    }

    @Test func columnsAreThoseOfTheNodesInExportOrder() {
        let graphs = [
            TestGraphs.sample(),
            KnowledgeGraph(),
            // The first paper (least key) lacks a title; titles elsewhere are numbers.
            Self.graph([Self.method("m", .int(5)), Self.paper("b", .int(2)), Self.paper("a", nil)]),
            // The first paper has a numeric title; a later one lacks it.
            Self.graph([Self.paper("b", nil), Self.method("m", .int(5)), Self.paper("a", .int(2))]),
            Self.graph([Self.paper("b", .int(3)), Self.paper("a", .int(2))]),
            // No papers at all.
            Self.graph([Self.method("m", .bool(true)), Self.method("n", .bool(false))]),
        ]
        for graph in graphs {
            let (order, columns) = GraphMLWriter.orderAndColumns(graph)
            let expected = PropertyColumns(graph, nodes: StableOrder(graph).nodes).columns
            #expect(order.nodes == StableOrder(graph).nodes)
            #expect(columns.map(\.name) == expected.map(\.name))
            #expect(columns.map(\.type) == expected.map(\.type))
        }
    }
}
