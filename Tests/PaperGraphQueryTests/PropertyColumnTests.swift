import Foundation
import Testing
import PaperGraphModel
@testable import PaperGraphQuery

/// ``PropertyColumn`` caches node properties for DISTINCT and for reading rows:
/// what it holds must be each node's own value exactly (not merely an equivalent
/// one), its classes must be Cypher equivalence, and rows read through it must
/// stay right while later queries fill the column further.
@Suite struct PropertyColumnTests {
    /// Exact sameness, finer than Cypher equivalence: `1` is not `1.0`, and
    /// canonically equal strings with different code points are different.
    static func identical(_ a: CypherValue, _ b: CypherValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.list(let xs), .list(let ys)): return xs.count == ys.count && zip(xs, ys).allSatisfy(identical)
        default: return a.typeName == b.typeName && a == b
        }
    }

    static func identical(_ a: [[CypherValue]], _ b: [[CypherValue]]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.count == $1.count && zip($0, $1).allSatisfy(identical) }
    }

    /// Keys of every kind the graph has: strings short and long, present on some
    /// nodes only, numbers of both types for one key, lists, built-ins, and a key no node has.
    static let keys = ["title", "score", "authors", "abstract", "name", "key", "kind", "nope"]

    /// The fast-path graph (titles equal only canonically, 1 and 1.0, missing
    /// titles) plus a paper with a title longer than the column copies.
    static let graph: KnowledgeGraph = {
        var graph = FastPathTests.graph
        let long = String(repeating: "a very long title ", count: 20)
        #expect(long.utf8.count > PropertyColumn.copiedLength)
        _ = graph.upsert(Node(id: NodeID(kind: .paper, normalizedKey: "2403.00001"), name: long,
                              properties: ["title": .string(long), "abstract": .string(long + "é")]))
        return graph
    }()

    @Test(arguments: keys)
    func columnHoldsEachNodesOwnValue(_ key: String) {
        let catalog = GraphCatalog(graph: Self.graph)
        let column = PropertyColumn(key: key, nodeCount: Self.graph.nodeCount)
        // Half the nodes filled without a class, the rest classified, in an order unlike node order.
        let nodes = Array(0 ..< Self.graph.nodeCount).reversed()
        for node in nodes where node % 2 == 0 { column.fill(node, in: catalog) }
        var classes: [Int: Int] = [:]
        for node in nodes { classes[node] = column.classOf(node, in: catalog) }
        for node in nodes {
            let expected = catalog.nodeProperty(node, key)
            #expect(Self.identical(column.value(node), expected), "\(key) of node \(node)")
            #expect(column.known(node) == Int32(classes[node]! + 1))
        }
        for m in nodes {
            for n in nodes {
                #expect((classes[m] == classes[n]) == (column.value(m) == column.value(n)), "\(key) of \(m), \(n)")
            }
        }
    }

    @Test func classesAreEquivalenceNotSameness() {
        let catalog = GraphCatalog(graph: Self.graph)
        let titles = PropertyColumn(key: "title", nodeCount: Self.graph.nodeCount)
        let scores = PropertyColumn(key: "score", nodeCount: Self.graph.nodeCount)
        func node(_ key: String) -> Int { Self.graph.index(of: NodeID(kind: .paper, normalizedKey: key))! }
        // "Café" precomposed and decomposed: one class, each node keeping its own code points.
        #expect(titles.classOf(node("2402.00002"), in: catalog) == titles.classOf(node("2402.00003"), in: catalog))
        #expect(!Self.identical(titles.value(node("2402.00002")), titles.value(node("2402.00003"))))
        // 1 and 1.0: one class, an integer and a float.
        #expect(scores.classOf(node("2402.00000"), in: catalog) == scores.classOf(node("2402.00001"), in: catalog))
        #expect(Self.identical(scores.value(node("2402.00000")), .int(1)))
        #expect(Self.identical(scores.value(node("2402.00001")), .double(1)))
        // Missing values: null, one class.
        #expect(titles.classOf(node("2402.00006"), in: catalog) == titles.classOf(node("2402.00007"), in: catalog))
        #expect(titles.value(node("2402.00006")).isNull)
    }

    @Test(arguments: ["", "short", "exactly 15 byte", "Caf\u{E9} reasoning with decomposed e\u{301} and \u{212A}",
                      String(repeating: "x", count: PropertyColumn.copiedLength),
                      String(repeating: "y", count: PropertyColumn.copiedLength + 1)])
    func packedStringsReadAsTheOriginals(_ s: String) {
        let packed = PropertyColumn.packed(s)
        #expect(packed.utf8.elementsEqual(s.utf8))
        #expect(packed == s && packed.hashValue == s.hashValue)
    }

    /// A graph large enough that the fast path's chunks and the rows' read
    /// batches split it: 6,000 papers on MATH and GSM8K, titles repeating (some
    /// only canonically), some missing, some longer than the column copies.
    static let large: KnowledgeGraph = {
        var graph = KnowledgeGraph()
        let math = graph.upsert(Node(id: NodeID(.benchmark, "MATH"), name: "MATH"))
        let gsm8k = graph.upsert(Node(id: NodeID(.benchmark, "GSM8K"), name: "GSM8K"))
        let other = graph.upsert(Node(id: NodeID(.benchmark, "MMLU"), name: "MMLU"))
        var random = SampleGraph.Sequence(state: 11)
        for k in 0 ..< 6000 {
            let n = random.next(3500)
            let title: String? = switch n % 7 {
            case 0: nil
            case 1: "Cafe\u{301} study \(n / 7)"
            case 2: "Caf\u{E9} study \(n / 7)"
            case 3: String(repeating: "long ", count: 60) + "\(n)"
            default: "Paper \(n)"
            }
            var props: [String: PropertyValue] = ["score": n % 2 == 0 ? .int(n % 5) : .double(Double(n % 5))]
            if let title { props["title"] = .string(title) }
            let paper = graph.upsert(Node(id: NodeID(kind: .paper, normalizedKey: "2404.\(10000 + k)"),
                                          name: title ?? "untitled", properties: props))
            graph.addEdge(from: paper, relation: .evaluatesOn, to: [math, gsm8k, other][random.next(3)])
            if k % 4 == 0 { graph.addEdge(from: paper, relation: .evaluatesOn, to: k % 8 == 0 ? math : gsm8k) }
        }
        return graph
    }()

    static let largeQueries = [
        #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN DISTINCT p.title"#,
        #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN p.title"#,
        #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN DISTINCT p.score, p.title"#,
        #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN DISTINCT p.score"#,
        #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT p.title SKIP 1000 LIMIT 2500"#,
        #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT p, p.title LIMIT 3000"#,
        #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN DISTINCT p"#,
        #"MATCH (b:Benchmark)<-[:EVALUATES_ON]-(p:Paper) RETURN DISTINCT b.name, p.score"#,
    ]

    @Test(arguments: largeQueries)
    func largeAnswersAreTheGeneralPipelinesExactly(_ query: String) throws {
        let fast = QueryEngine(graph: Self.large), general = QueryEngine(graph: Self.large, fastPaths: false)
        let expected = Array(try general.run(query).rows)
        #expect(expected.count >= 5)
        for run in 0 ..< 2 {
            let rows = try fast.run(query).rows
            #expect(Self.identical(Array(rows), expected), "\(query), run \(run)")
            #expect(Self.identical(rows.indices.map { rows[$0] }, expected), "\(query), run \(run), by index")
        }
    }

    @Test func largeGraphSplitsIntoChunksAndBatches() throws {
        // Guards the comparison above against a graph too small to exercise them.
        let math = try #require(Self.large.index(of: NodeID(.benchmark, "MATH")))
        #expect(Self.large.incoming(math).count > DistinctNodeRows.chunk)
        let titles = try QueryEngine(graph: Self.large).run(Self.largeQueries[0]).rows
        #expect(titles.count > 1000 && titles.count % QueryRows.Iterator.batch != 0)
    }

    /// Without SKIP or LIMIT, the fast path keeps a long list of DISTINCT rows at
    /// once: the row limit, the counters and the error must still be the general pipeline's.
    @Test(arguments: largeQueries.filter { $0.hasSuffix("RETURN DISTINCT p.title") || $0.hasSuffix("RETURN DISTINCT p") })
    func rowLimitAndCountersHoldForRowsKeptAtOnce(_ query: String) throws {
        let fast = QueryEngine(graph: Self.large), general = QueryEngine(graph: Self.large, fastPaths: false)
        let count = try general.run(query).rows.count
        #expect(count > 1000)
        for maxRows in [count - 1, count, 1] {
            let limits = QueryLimits(maxRows: maxRows)
            let outcome = FastPathTests.outcome(fast, query, limits: limits)
            #expect(outcome == FastPathTests.outcome(general, query, limits: limits), "\(query), --max-rows \(maxRows)")
            if case .failure(let kind, _) = outcome { #expect(kind == .tooManyRows && maxRows < count) }
        }
    }

    @Test func rowsStayRightWhileLaterQueriesFillTheColumn() throws {
        let engine = QueryEngine(graph: Self.large), general = QueryEngine(graph: Self.large, fastPaths: false)
        let first = #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark {name: "MATH"}) RETURN DISTINCT p.title"#
        let second = #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT p.title"#
        let kept = try engine.run(first).rows
        let later = try engine.run(second).rows
        #expect(Self.identical(Array(kept), Array(try general.run(first).rows)))
        #expect(Self.identical(Array(later), Array(try general.run(second).rows)))
    }

    @Test func queriesRunningAtOnceEachAnswerRight() throws {
        let engine = QueryEngine(graph: Self.large), general = QueryEngine(graph: Self.large, fastPaths: false)
        let expected = try Self.largeQueries.map { Array(try general.run($0).rows) }
        let answers = Answers(count: 4 * Self.largeQueries.count)
        DispatchQueue.concurrentPerform(iterations: answers.count) { i in
            let q = i % Self.largeQueries.count
            answers.set(i, (try? engine.run(Self.largeQueries[q]).rows).map { Self.identical(Array($0), expected[q]) })
        }
        #expect(answers.all { $0 == true })
    }

    /// Results written from several threads.
    final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Bool?]
        let count: Int
        init(count: Int) {
            self.count = count
            values = Array(repeating: nil, count: count)
        }
        func set(_ i: Int, _ value: Bool?) { lock.withLock { values[i] = value } }
        func all(_ test: (Bool?) -> Bool) -> Bool { lock.withLock { values.allSatisfy(test) } }
    }
}
