import PaperGraphModel
import PaperGraphQuery

/// Feeds fuzz bytes to the query engine as a Cypher query: lexer, parser,
/// binder and (for queries that get that far) the evaluator, on a small graph
/// with every node kind and relation, under tight limits so a slow query ends
/// as a `QueryError` instead of stalling the fuzzer.
enum QueryHarness {
    static let engine = QueryEngine(graph: graph())
    static let limits = QueryLimits(maxRows: 1000, timeout: 0.2)

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        _ = try? engine.run(String(decoding: bytes, as: UTF8.self), parameters: ["names": .list([.string("MATH")])],
                            limits: limits)
    }

    /// Two papers proposing and using methods, evaluated on benchmarks with a subset, one with code.
    static func graph() -> KnowledgeGraph {
        var g = KnowledgeGraph()
        let p1 = g.upsert(Node(id: NodeID(.paper, "2401.00001"), name: "Chain of Thought for MATH",
                               properties: ["title": .string("Chain of Thought for MATH"), "published": .string("2024-01-02"),
                                            "authors": .strings(["A. Author", "B. Author"])]))
        let p2 = g.upsert(Node(id: NodeID(.paper, "2401.00002"), name: "LoRA on GSM8K",
                               properties: ["title": .string("LoRA on GSM8K")]))
        let cot = g.upsert(Node(id: NodeID(.method, "chain-of-thought"), name: "chain-of-thought"))
        let lora = g.upsert(Node(id: NodeID(.method, "LoRA"), name: "LoRA"))
        let peft = g.upsert(Node(id: NodeID(.method, "PEFT"), name: "PEFT"))
        let math = g.upsert(Node(id: NodeID(.benchmark, "MATH"), name: "MATH"))
        let gsm = g.upsert(Node(id: NodeID(.benchmark, "GSM8K"), name: "GSM8K"))
        let mathHard = g.upsert(Node(id: NodeID(.benchmark, "MATH-500"), name: "MATH-500"))
        let repo = g.upsert(Node(id: NodeID(.repository, "github.com/a/b"), name: "github.com/a/b"))
        g.addEdge(from: p1, relation: .proposes, to: cot)
        g.addEdge(from: p1, relation: .evaluatesOn, to: math)
        g.addEdge(from: p1, relation: .evaluatesOn, to: gsm)
        g.addEdge(from: p1, relation: .hasCode, to: repo)
        g.addEdge(from: p2, relation: .uses, to: lora)
        g.addEdge(from: p2, relation: .uses, to: cot)
        g.addEdge(from: p2, relation: .evaluatesOn, to: gsm)
        g.addEdge(from: p2, relation: .introduces, to: mathHard)
        g.addEdge(from: mathHard, relation: .subsetOf, to: math)
        g.addEdge(from: lora, relation: .specializes, to: peft)
        return g
    }
}
