import Testing
@testable import PaperGraphModel

/// The performance paths must give exactly what the general ones give.
@Suite("Bulk construction and ASCII folding agree with the general paths")
struct BulkAndFastPathTests {
    /// Deterministic ASCII names with punctuation, digits, `+`, `*` and spaces.
    private static let names: [String] = {
        let alphabet = Array("aZ09+*- _.:/()GSM8Kc++MCTS*x")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<500).map { i in
            String((0..<(i % 23)).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return alphabet[Int(state >> 33) % alphabet.count]
            })
        }
    }()

    @Test("ASCII fold and slug equal the Unicode path (forced by a trailing non-ASCII letter)")
    func asciiFastPaths() {
        for name in Self.names {
            // "é" makes the whole string non-ASCII, so it takes the Unicode path.
            #expect(NameFolding.fold(name + "é") == NameFolding.fold(name) + "é", "fold \(name)")
            let slug = NameFolding.slug(name)
            #expect(NameFolding.slug(name + " é") == (slug.isEmpty ? "é" : slug + "-é"), "slug \(name)")
        }
        #expect(NameFolding.fold("GSM-8K") == "gsm8k")
        #expect(NameFolding.fold("C++ / MCTS*") == "c++mcts*")
        #expect(NameFolding.slug("  Scaling LLMs: 2x Faster!  ") == "scaling-llms-2x-faster")
    }

    @Test("init(distinctNodes:distinctEdges:) builds the graph upsert and addEdge build")
    func bulkEqualsIncremental() throws {
        var incremental = KnowledgeGraph()
        var nodes: [Node] = [], edges: [Edge] = []
        let benchmarks = ["MATH", "GSM8K", "HumanEval"].map { Node(id: NodeID(.benchmark, $0), name: $0) }
        for node in benchmarks { nodes.append(node); incremental.upsert(node) }
        for i in 0..<30 {
            let paper = Node(id: NodeID(.paper, "Paper \(i)"), name: "Paper \(i)", properties: ["n": .int(i)])
            let p = incremental.upsert(paper)
            nodes.append(paper)
            for b in 0..<(i % 4) {
                let evidence = [Evidence(rule: "gazetteer", field: .abstract, sentence: "s\(i)", start: b, end: b + 1)]
                incremental.addEdge(from: p, relation: .evaluatesOn, to: b, evidence: evidence)
                edges.append(Edge(from: p, relation: .evaluatesOn, to: b, evidence: evidence))
            }
        }
        let bulk = try #require(KnowledgeGraph(distinctNodes: nodes, distinctEdges: edges))
        #expect(bulk.nodes == incremental.nodes)
        #expect(bulk.edges == incremental.edges)
        #expect(bulk.nodeCounts == incremental.nodeCounts)
        for i in nodes.indices {
            #expect(bulk.outgoing(i) == incremental.outgoing(i))
            #expect(bulk.incoming(i) == incremental.incoming(i))
            #expect(bulk.index(of: nodes[i].id) == i)
        }
        #expect(bulk.edgeIndex(from: 4, relation: .evaluatesOn, to: 0) == incremental.edgeIndex(from: 4, relation: .evaluatesOn, to: 0))
        #expect(bulk.edgeIndex(from: 4, relation: .uses, to: 0) == nil)
    }

    @Test("bulk construction refuses a repeated identity or an edge to a missing node")
    func bulkRefusesBadInput() {
        let a = Node(id: NodeID(.method, "MCTS"), name: "MCTS")
        #expect(KnowledgeGraph(distinctNodes: [a, a], distinctEdges: []) == nil)
        #expect(KnowledgeGraph(distinctNodes: [a], distinctEdges: [Edge(from: 0, relation: .specializes, to: 1)]) == nil)
    }
}
