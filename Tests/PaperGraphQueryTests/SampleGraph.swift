import PaperGraphModel

/// A small but non-trivial graph for the tests: 30 papers, methods with
/// SPECIALIZES links, benchmarks with SUBSET_OF links, repositories, missing
/// (null) properties, and edges with evidence. Built deterministically (a fixed
/// linear congruential sequence), so every run and Kuzu see the same graph.
enum SampleGraph {
    static let benchmarks: [(name: String, aliases: [String]?, domain: String?)] = [
        ("GSM8K", ["GSM-8K", "grade school math"], "math"), ("MATH", nil, "math"), ("MATH-500", ["MATH500"], "math"),
        ("AIME", [], nil), ("HumanEval", ["Human Eval"], "code"), ("MBPP", nil, "code"), ("MMLU", nil, "knowledge"),
        ("MMLU-Pro", ["MMLU Pro"], "knowledge"), ("ARC", nil, nil), ("SWE-bench", ["SWE bench"], "code"),
    ]
    static let subsets: [(String, String)] = [("MATH-500", "MATH"), ("MMLU-Pro", "MMLU"), ("AIME", "MATH")]

    static let methods: [(name: String, aliases: [String]?, broader: String?)] = [
        ("Transformer", nil, nil), ("Fine-tuning", ["finetuning"], nil), ("LoRA", ["low-rank adaptation"], "Fine-tuning"),
        ("Chain-of-Thought", ["CoT"], nil), ("Self-Consistency", nil, "Chain-of-Thought"), ("RLHF", nil, nil),
        ("DPO", ["direct preference optimization"], "RLHF"), ("PPO", nil, "RLHF"), ("MCTS", nil, nil),
        ("Tree-of-Thoughts", ["ToT"], "Chain-of-Thought"), ("RAG", ["retrieval augmented generation"], nil),
    ]

    static let topics = ["reasoning", "code generation", "alignment", "retrieval", "efficient tuning", "search"]
    static let people = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov",
                         "Donald Knuth", "Frances Allen", "John Backus"]

    /// A reproducible pseudo-random sequence.
    struct Sequence {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func build() -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        var bench: [String: Int] = [:]
        for b in benchmarks {
            var props: [String: PropertyValue] = [:]
            if let aliases = b.aliases { props["aliases"] = .strings(aliases) }
            if let domain = b.domain { props["domain"] = .string(domain) }
            bench[b.name] = graph.upsert(Node(id: NodeID(.benchmark, b.name), name: b.name, properties: props))
        }
        for (sub, whole) in subsets { graph.addEdge(from: bench[sub]!, relation: .subsetOf, to: bench[whole]!) }
        var method: [String: Int] = [:]
        for m in methods {
            var props: [String: PropertyValue] = [:]
            if let aliases = m.aliases { props["aliases"] = .strings(aliases) }
            if let broader = m.broader { props["broader"] = .string(broader) }
            method[m.name] = graph.upsert(Node(id: NodeID(.method, m.name), name: m.name, properties: props))
        }
        for m in methods { if let b = m.broader { graph.addEdge(from: method[m.name]!, relation: .specializes, to: method[b]!) } }

        var random = Sequence(state: 2024)
        let benchNames = benchmarks.map(\.name)
        let methodNames = methods.map(\.name)
        for k in 1...30 {
            let topic = topics[random.next(topics.count)]
            let title = "Paper \(k): better \(topic) with \(methodNames[random.next(methodNames.count)])"
            let id = "2401.\(String(format: "%05d", k))"
            var props: [String: PropertyValue] = ["title": .string(title),
                                                  "abstract": .string("We study \(topic). Results are strong.")]
            if k % 5 != 0 { props["authors"] = .strings((0..<(1 + random.next(3))).map { _ in people[random.next(people.count)] }) }
            if k % 4 != 0 { props["published"] = .string("2024-0\(1 + k % 9)-1\(k % 10)") }
            if k % 7 != 0 { props["url"] = .string("https://arxiv.org/abs/\(id)") }
            let paper = graph.upsert(Node(id: NodeID(kind: .paper, normalizedKey: id), name: title, properties: props))
            func evidence(_ rule: String, _ what: String) -> Evidence {
                let sentence = "In paper \(k) we \(rule == "gazetteer" ? "use" : "report") \(what)."
                return Evidence(rule: rule, field: .abstract, sentence: sentence, start: 0, end: sentence.utf8.count)
            }
            if k % 3 == 0 {
                let name = "Method-\(k)"
                let m = graph.upsert(Node(id: NodeID(.method, name), name: name))
                graph.addEdge(from: paper, relation: .proposes, to: m, evidence: [evidence("we-propose", name)])
                if k % 6 == 0 {
                    graph.addEdge(from: m, relation: .specializes, to: method[methodNames[random.next(methodNames.count)]]!)
                }
            }
            for _ in 0..<random.next(4) {
                let name = methodNames[random.next(methodNames.count)]
                var ev = [evidence("gazetteer", name)]
                if random.next(3) == 0 { ev.append(evidence("comparison", name)) }
                graph.addEdge(from: paper, relation: .uses, to: method[name]!, evidence: ev)
            }
            for _ in 0..<(k % 8 == 0 ? 0 : 1 + random.next(3)) {
                let name = benchNames[random.next(benchNames.count)]
                graph.addEdge(from: paper, relation: .evaluatesOn, to: bench[name]!, evidence: [evidence("evaluate-on", name)])
            }
            if k % 10 == 0 {
                let name = "NewBench-\(k)"
                let b = graph.upsert(Node(id: NodeID(.benchmark, name), name: name, properties: ["domain": .string("reasoning")]))
                graph.addEdge(from: paper, relation: .introduces, to: b, evidence: [evidence("we-introduce", name)])
                graph.addEdge(from: b, relation: .subsetOf, to: bench[benchNames[random.next(benchNames.count)]]!)
            }
            if k % 2 == 1 {
                let key = "github.com/\(people[k % people.count].split(separator: " ")[1].lowercased())/repo\(k % 9)"
                let repo = graph.upsert(Node(id: NodeID(.repository, key), name: key,
                                             properties: ["url": .string("https://\(key)"), "host": .string("github.com")]))
                graph.addEdge(from: paper, relation: .hasCode, to: repo, evidence: [evidence("code-url", key)])
            }
        }
        return graph
    }
}
