import Testing
@testable import PaperGraphModel

@Suite("KnowledgeGraph merge semantics")
struct KnowledgeGraphTests {
    private func evidence(_ rule: String, _ start: Int) -> Evidence {
        Evidence(rule: rule, field: .abstract, sentence: "We evaluate on GSM8K.", start: start, end: start + 5)
    }

    @Test("a benchmark found in 40 papers is one node with 40 incoming edges")
    func benchmarkMergesAcrossPapers() {
        var graph = KnowledgeGraph()
        let spellings = ["GSM8K", "gsm8k", "GSM-8K", "Gsm8k"]
        for i in 0..<40 {
            let paper = graph.upsert(Node(id: NodeID(.paper, "Paper number \(i)"), name: "Paper number \(i)"))
            let bench = graph.upsert(Node(id: NodeID(.benchmark, spellings[i % 4]), name: spellings[i % 4]))
            graph.addEdge(from: paper, relation: .evaluatesOn, to: bench, evidence: [evidence("gazetteer", i)])
        }
        #expect(graph.nodeCounts == [.paper: 40, .benchmark: 1])
        let bench = try! #require(graph.index(of: NodeID(.benchmark, "GSM8K")))
        #expect(graph.incoming(bench).count == 40)
        #expect(graph.outgoing(bench).isEmpty)
        #expect(graph.edgeCount == 40)
    }

    @Test("a repeated edge adds evidence once instead of a second edge")
    func edgeDeduplication() {
        var graph = KnowledgeGraph()
        let p = graph.upsert(Node(id: NodeID(.paper, "A"), name: "A"))
        let m = graph.upsert(Node(id: NodeID(.method, "MCTS"), name: "MCTS"))
        graph.addEdge(from: p, relation: .uses, to: m, evidence: [evidence("gazetteer", 1)])
        graph.addEdge(from: p, relation: .uses, to: m, evidence: [evidence("gazetteer", 1), evidence("acronym", 9)])
        graph.addEdge(from: p, relation: .proposes, to: m)
        #expect(graph.edgeCount == 2)
        let uses = try! #require(graph.edgeIndex(from: p, relation: .uses, to: m))
        #expect(graph.edges[uses].evidence.map(\.rule) == ["gazetteer", "acronym"])
        #expect(graph.outgoing(p).count == 2)
        #expect(graph.incoming(m).count == 2)
        #expect(graph.edgeCounts == [.uses: 1, .proposes: 1])
    }

    @Test("the same paper from two sources keeps the richer properties")
    func richerPropertiesWin() {
        var graph = KnowledgeGraph()
        let id = NodeID(kind: .paper, normalizedKey: "2409.12917")
        graph.upsert(Node(id: id, name: "Short", properties: ["abstract": .string("short"), "authors": .strings(["A"])]))
        graph.upsert(Node(id: id, name: "Short title longer", properties: [
            "abstract": .string("a much longer abstract"), "authors": .strings(["A", "B"]),
            "published": .string("2024-09-19")]))
        graph.upsert(Node(id: id, name: "S", properties: ["abstract": .string("tiny")]))
        let node = try! #require(graph.node(id))
        #expect(node.name == "Short title longer")
        #expect(node["abstract"] == .string("a much longer abstract"))
        #expect(node["authors"] == .strings(["A", "B"]))
        #expect(node["published"] == .string("2024-09-19"))
        #expect(graph.nodeCount == 1)
    }

    @Test("merging a fragment creates bare nodes for edge ends it does not carry")
    func fragmentMerge() {
        var graph = KnowledgeGraph()
        let paper = NodeID(kind: .paper, normalizedKey: "2401.00001")
        let fragment = GraphFragment(paper: paper, nodes: [Node(id: paper, name: "T")], edges: [
            EdgeSpec(from: paper, relation: .evaluatesOn, to: NodeID(.benchmark, "MATH-500")),
            EdgeSpec(from: NodeID(.benchmark, "MATH-500"), relation: .subsetOf, to: NodeID(.benchmark, "MATH")),
        ])
        graph.merge(fragment)
        graph.merge(fragment)
        #expect(graph.nodeCount == 3)
        #expect(graph.edgeCount == 2)
        #expect(graph.node(NodeID(.benchmark, "math500"))?.name == "math500")
        var copy = KnowledgeGraph()
        copy.merge(graph)
        #expect(copy.asFragment() == graph.asFragment())
    }
}

@Suite("Name resolution")
struct LookupTests {
    @Test("names resolve by folded key, alias, arXiv id, title and Kind: prefix")
    func resolve() {
        var graph = KnowledgeGraph()
        let math = graph.upsert(Node(id: NodeID(.benchmark, "MATH"), name: "MATH"))
        let mathMethod = graph.upsert(Node(id: NodeID(.method, "Math"), name: "Math"))
        let mcts = graph.upsert(Node(id: NodeID(.method, "Monte Carlo Tree Search"), name: "Monte Carlo Tree Search",
                                     properties: ["aliases": .strings(["MCTS"])]))
        let paper = graph.upsert(Node(id: NodeID(kind: .paper, normalizedKey: "2409.12917"), name: "A Title"))
        let titled = graph.upsert(Node(id: NodeID(.paper, "Grasp2Vec: Learning"), name: "Grasp2Vec: Learning"))
        #expect(graph.resolve("MATH") == [math, mathMethod])
        #expect(graph.resolve("Method:math") == [mathMethod])
        #expect(graph.resolve("mcts") == [mcts])
        #expect(graph.resolve("monte-carlo tree search") == [mcts])
        #expect(graph.resolve("arXiv:2409.12917v2") == [paper])
        #expect(graph.resolve("Grasp2Vec: Learning") == [titled])
        #expect(graph.resolve("nothing here").isEmpty)
    }
}

@Suite("Bare nodes")
struct BareNodeTests {
    @Test("a node first created bare from an edge end takes the real name when it arrives")
    func bareNameIsReplaced() {
        var graph = KnowledgeGraph()
        let paper = NodeID(kind: .paper, normalizedKey: "2401.00001")
        graph.merge(GraphFragment(paper: paper, nodes: [Node(id: paper, name: "T")],
                                  edges: [EdgeSpec(from: paper, relation: .evaluatesOn, to: NodeID(.benchmark, "MATH-500"))]))
        #expect(graph.node(NodeID(.benchmark, "MATH-500"))?.name == "math500")
        graph.upsert(Node(id: NodeID(.benchmark, "MATH-500"), name: "MATH-500"))
        #expect(graph.node(NodeID(.benchmark, "MATH-500"))?.name == "MATH-500")
        graph.upsert(Node(id: NodeID(.benchmark, "MATH-500"), name: "Math500"))
        #expect(graph.node(NodeID(.benchmark, "MATH-500"))?.name == "MATH-500")
    }
}
