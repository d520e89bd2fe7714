import PaperGraphModel

/// Deterministic fragments shaped like a build's: each paper proposes or uses a
/// few methods and evaluates on benchmarks drawn from a shared pool, has one
/// repository, and the benchmarks it meets bring their ontology links along.
enum SyntheticFragments {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let words = ["we", "propose", "a", "method", "for", "reasoning", "that", "improves", "accuracy", "on",
                        "benchmark", "tasks", "with", "large", "language", "models", "and", "retrieval", "results",
                        "show", "gains", "over", "strong", "baselines", "across", "settings"]

    /// `count` fragments; `abstractBytes` sets the abstract's length; `variant`
    /// changes every abstract (and so the edges' evidence) to simulate an edit.
    static func make(count: Int, pool: Int = 60, abstractBytes: Int = 200, variant: Int = 0,
                     firstPaper: Int = 0) -> [GraphFragment] {
        (firstPaper..<(firstPaper + count)).map {
            fragment(paper: $0, pool: pool, abstractBytes: abstractBytes, variant: variant)
        }
    }

    static func fragment(paper index: Int, pool: Int, abstractBytes: Int, variant: Int) -> GraphFragment {
        var random = Generator(state: UInt64(index &* 7919 &+ variant &* 104_729 &+ 1))
        var abstract = "Paper \(index) variant \(variant)."
        while abstract.utf8.count < abstractBytes {
            abstract += " " + words[random.below(words.count)]
        }
        let id = NodeID(kind: .paper, normalizedKey: "2401.\(index)")
        let title = "A study \(index) of things"
        let paper = Node(id: id, name: title, properties: [
            "title": .string(title), "abstract": .string(abstract),
            "authors": .strings(["Ada \(index % 97)", "Bo \(index % 89)"]),
            "published": .string("2024-0\(1 + index % 9)-1\(index % 10)"),
            "source": .string("synthetic"),
        ])
        var nodes = [paper]
        var edges: [EdgeSpec] = []
        func evidence(_ rule: String, _ name: String) -> Evidence {
            let sentence = "In variant \(variant) we evaluate \(name) carefully."
            return Evidence(rule: rule, field: .abstract, sentence: sentence, start: 3 + random.below(40),
                            end: 50 + random.below(40))
        }
        let relations: [Relation] = [.proposes, .uses, .uses, .evaluatesOn, .evaluatesOn]
        for relation in relations {
            let target = random.below(pool)
            let isBenchmark = relation.range == .benchmark
            let name = isBenchmark ? "Bench-\(target)" : "Method \(target)"
            let node = Node(id: NodeID(relation.range, name), name: name,
                            properties: isBenchmark
                                ? ["aliases": .strings(Array(["B\(target)", "bench\(target)"].prefix(1 + index % 2))),
                                   "domain": .string("math")]
                                : ["aliases": .strings(["M\(target)"])])
            nodes.append(node)
            edges.append(EdgeSpec(from: id, relation: relation, to: node.id,
                                  evidence: [evidence(relation == .proposes ? "we-propose" : "gazetteer", name)]))
            if isBenchmark && target % 5 == 0 && target > 0 {
                // The ontology's MATH-500 SUBSET_OF MATH, met in every paper that mentions the subset.
                let parent = NodeID(.benchmark, "Bench-\(target - 1)")
                edges.append(EdgeSpec(from: node.id, relation: .subsetOf, to: parent))
            }
        }
        let repo = NodeID(.repository, "github.com/lab\(index % 500)/Project\(index)")
        nodes.append(Node(id: repo, name: repo.key, properties: ["url": .string("https://\(repo.key)"),
                                                                 "host": .string("github.com")]))
        edges.append(EdgeSpec(from: id, relation: .hasCode, to: repo, evidence: [evidence("url", repo.key)]))
        return GraphFragment(paper: id, nodes: nodes, edges: edges)
    }
}
