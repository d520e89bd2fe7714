import Foundation
import Testing
import PaperGraphModel
@testable import PaperGraphQuery

/// The specialised operator for `MATCH <chain> RETURN [DISTINCT] <nodes, properties>`
/// (``LinearMatchPlan``) must answer exactly as the general pipeline does: same
/// columns, same rows in the same order, same counters, same errors.
@Suite struct FastPathTests {
    /// The sample graph plus papers that make DISTINCT work: equal titles on
    /// different papers, titles equal only under Unicode canonical equivalence
    /// (é precomposed and decomposed; the Kelvin sign and K), missing titles,
    /// and a property whose values are equal across types (1 and 1.0).
    static let graph: KnowledgeGraph = {
        var graph = SampleGraph.build()
        let math = graph.index(of: NodeID(.benchmark, "MATH"))!
        let gsm8k = graph.index(of: NodeID(.benchmark, "GSM8K"))!
        let lora = graph.index(of: NodeID(.method, "LoRA"))!
        let titles: [String?] = ["Same title", "Same title", "Caf\u{E9} reasoning", "Cafe\u{301} reasoning",
                                 "\u{212A}elvin", "Kelvin", nil, nil, "Same title"]
        let scores: [PropertyValue?] = [.int(1), .double(1.0), .int(2), nil, .string("1"), .int(1), nil, .double(2), nil]
        for (k, title) in titles.enumerated() {
            var props: [String: PropertyValue] = [:]
            if let title { props["title"] = .string(title) }
            if let score = scores[k] { props["score"] = score }
            let paper = graph.upsert(Node(id: NodeID(kind: .paper, normalizedKey: "2402.0000\(k)"),
                                          name: title ?? "untitled \(k)", properties: props))
            graph.addEdge(from: paper, relation: .evaluatesOn, to: k % 2 == 0 ? math : gsm8k)
            if k % 3 == 0 { graph.addEdge(from: paper, relation: .evaluatesOn, to: k % 2 == 0 ? gsm8k : math) }
            graph.addEdge(from: paper, relation: .uses, to: lora)
        }
        return graph
    }()

    /// Queries of the fast path's shape, each exercising one part of it.
    static let fastQueries: [(String, [String: CypherValue])] = [
        (#"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN DISTINCT p.title"#, [:]),
        (#"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN p.title"#, [:]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN $names RETURN DISTINCT p.title, b.domain",
         ["names": .list([.string("MATH"), .string("GSM8K"), .string("AIME")])]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT p.score", [:]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT p.authors", [:]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT b.domain", [:]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT b", [:]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT b, p.title", [:]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT b.domain SKIP 1", [:]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT p.title SKIP 3 LIMIT 4", [:]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN p.title, b.name SKIP $s LIMIT $l",
         ["s": .int(2), "l": .int(5)]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN p LIMIT 0", [:]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN p LIMIT -1", [:]),
        ("MATCH (p:Paper {key: $paper})-[:EVALUATES_ON]->(:Benchmark)<-[:EVALUATES_ON]-(q:Paper)-[:USES]->(m:Method) "
         + "RETURN DISTINCT m.name", ["paper": .string("2401.00001")]),
        ("MATCH (x:Paper)-[:EVALUATES_ON]->(:Benchmark)<-[:EVALUATES_ON]-(q:Paper) RETURN x.key, q.key", [:]),
        ("MATCH (a:Paper)-[:USES]->(m)<-[:USES]-(a) RETURN a.key, m.name", [:]),
        ("MATCH (m:Method)-[:SPECIALIZES]->(n)<-[:SPECIALIZES]-(o) RETURN DISTINCT m.name, o.name", [:]),
        (#"MATCH (m:Method {name: "LoRA"})-[]-(x) RETURN x, x.title"#, [:]),
        (#"MATCH (m:Method {name: "LoRA"})<--(x)-->(y) RETURN DISTINCT y"#, [:]),
        ("MATCH (x)-[:SUBSET_OF]->(y) RETURN x.name, y.name", [:]),
        ("MATCH (p:Paper:Method)-->(x) RETURN x", [:]),
        ("MATCH (p:Paper:Paper)-[:HAS_CODE]->(r) RETURN *", [:]),
        ("MATCH (p:Paper) RETURN p.comment", [:]),
        (#"MATCH (p:Paper)-[:USES]->(m:Method) WHERE p.published STARTS WITH "2024-0" AND m.name <> "LoRA" RETURN p.key, m.name"#, [:]),
        (#"MATCH (p:Paper)-[:EVALUATES_ON]->(b) WHERE b.domain = "math" OR b.domain IS NULL RETURN DISTINCT p.key"#, [:]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b) WHERE (p)-[:HAS_CODE]->() RETURN DISTINCT p.key", [:]),
        ("MATCH (p:Paper)-[:EVALUATES_ON]->(b) WHERE p.key < b.key OR $flag RETURN p.key, b.key", ["flag": .bool(true)]),
        ("MATCH (b:Benchmark)<-[:EVALUATES_ON]-(p) WHERE b.name IN 5 RETURN p.key", [:]),
        (#"MATCH (b:Benchmark {name: "ARC"})<-[:INTRODUCES]-(p) WHERE b.name IN 5 RETURN p.key"#, [:]),
        ("MATCH (p:Paper {key: $nope})-[:USES]->(m) RETURN m", [:]),
        ("MATCH (p:Paper {title: $t})-[:USES]->(m) RETURN m.name", ["t": .string("Same title")]),
        (#"MATCH (b:Benchmark)<-[:EVALUATES_ON]-(p:Paper {title: "Same title"}) RETURN DISTINCT b.name"#, [:]),
    ]

    /// Queries that must not take the fast path; their answers must not change either.
    static let generalQueries: [String] = [
        "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT p.title ORDER BY p.title LIMIT 5",
        "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN p.title ORDER BY p.title DESC SKIP 2 LIMIT 3",
        "MATCH (p:Paper) OPTIONAL MATCH (p)-[:HAS_CODE]->(r:Repository) RETURN DISTINCT r.key",
        "MATCH (p:Paper)-[r:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT b.name, r.weight",
        "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT toLower(b.name)",
        "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN b.name, count(*) AS n",
        "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WITH DISTINCT b RETURN b.name",
    ]

    enum Outcome: Equatable {
        case answer(columns: [String], rows: [[CypherValue]], statistics: QueryStatistics)
        case failure(QueryError.Kind, String)
    }

    static func outcome(_ engine: QueryEngine, _ query: String, _ parameters: [String: CypherValue] = [:],
                        limits: QueryLimits = QueryLimits()) -> Outcome {
        do {
            let result = try engine.run(query, parameters: parameters, limits: limits)
            return .answer(columns: result.columns, rows: Array(result.rows), statistics: result.statistics)
        } catch let error as QueryError {
            return .failure(error.kind, error.message)
        } catch {
            return .failure(.runtime, "unexpected \(error)")
        }
    }

    static func takesFastPath(_ query: String) throws -> Bool {
        var binder = Binder(catalog: GraphCatalog(graph: graph))
        let (steps, _) = try binder.bind(Parser.parse(query))
        return LinearMatchPlan(steps: steps, nodeCount: graph.nodeCount) != nil
    }

    @Test(arguments: fastQueries.indices)
    func fastPathAnswersAsTheGeneralPipeline(_ i: Int) throws {
        let (query, parameters) = Self.fastQueries[i]
        #expect(try Self.takesFastPath(query))
        let fast = QueryEngine(graph: Self.graph), general = QueryEngine(graph: Self.graph, fastPaths: false)
        let expected = Self.outcome(general, query, parameters)
        #expect(Self.outcome(fast, query, parameters) == expected, "\(query)")
        // Again on the same engine, now with the property hashes cached.
        #expect(Self.outcome(fast, query, parameters) == expected, "\(query) (second run)")
    }

    @Test func fastPathCoversItsQueriesNonTrivially() throws {
        // Guards the comparison above against comparing empty answers only.
        let general = QueryEngine(graph: Self.graph, fastPaths: false)
        let answered = Self.fastQueries.filter { query, parameters in
            if case .answer(_, let rows, _) = Self.outcome(general, query, parameters) { return !rows.isEmpty }
            return false
        }
        #expect(answered.count >= 20)
        let distinctTitles = try general.run(Self.fastQueries[0].0).rows.map { $0[0] }
        #expect(distinctTitles.filter { $0 == .string("Same title") }.count == 1)
        #expect(distinctTitles.filter { $0 == .string("Kelvin") }.count == 1)
        #expect(distinctTitles.filter(\.isNull).count == 1)
    }

    @Test(arguments: generalQueries)
    func otherShapesKeepTheGeneralPipeline(_ query: String) throws {
        #expect(try !Self.takesFastPath(query))
        let fast = QueryEngine(graph: Self.graph), general = QueryEngine(graph: Self.graph, fastPaths: false)
        #expect(Self.outcome(fast, query) == Self.outcome(general, query))
    }

    @Test func differentialSuiteAnswersTheSameEitherWay() {
        let graph = SampleGraph.build()
        let fast = QueryEngine(graph: graph), general = QueryEngine(graph: graph, fastPaths: false)
        for query in DifferentialSuite.queries {
            #expect(Self.outcome(fast, query.papergraph, query.parameters)
                    == Self.outcome(general, query.papergraph, query.parameters), "[\(query.id)]")
        }
    }

    @Test func rowLimitHoldsOnTheFastPath() throws {
        let query = "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT p.title"
        #expect(try Self.takesFastPath(query))
        let fast = QueryEngine(graph: Self.graph), general = QueryEngine(graph: Self.graph, fastPaths: false)
        let limits = QueryLimits(maxRows: 5)
        let outcome = Self.outcome(fast, query, limits: limits)
        guard case .failure(.tooManyRows, _) = outcome else {
            Issue.record("expected too many rows, got \(outcome)")
            return
        }
        #expect(outcome == Self.outcome(general, query, limits: limits))
        let limited = query + " LIMIT 5"
        #expect(Self.outcome(fast, limited, limits: limits) == Self.outcome(general, limited, limits: limits))
    }

    @Test func timeoutHoldsOnTheFastPath() throws {
        // Every pair of 40 benchmarks linked both ways: chains of four hops number in the billions.
        var dense = KnowledgeGraph()
        let nodes = (0..<40).map { dense.upsert(Node(id: NodeID(.benchmark, "B\($0)"), name: "B\($0)")) }
        for a in nodes { for b in nodes where a != b { dense.addEdge(from: a, relation: .subsetOf, to: b) } }
        let query = "MATCH (a)-->(b)-->(c)-->(d)-->(e) RETURN e.name"
        #expect(try Self.takesFastPath(query))
        let start = Date()
        #expect {
            _ = try QueryEngine(graph: dense).run(query, limits: QueryLimits(maxRows: .max, timeout: 0.3))
        } throws: { ($0 as? QueryError)?.kind == .timeout }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func packedAdjacencyListsWhatTheGraphLists() {
        // The fast path expands in the packed order; the general one in the graph's lists' order.
        let graph = Self.graph
        for outgoing in [true, false] {
            let packed = PackedAdjacency(graph, outgoing: outgoing)
            for node in 0..<graph.nodeCount {
                let range = packed.start[node] ..< packed.start[node + 1]
                let listed = Array(outgoing ? graph.outgoing(node) : graph.incoming(node))
                #expect(range.map { Int(packed.edge[$0]) } == listed)
                #expect(range.allSatisfy { k in
                    let edge = graph.edges[Int(packed.edge[k])]
                    return Int(packed.end[k]) == (outgoing ? edge.to : edge.from) && packed.relation[k] == edge.relation
                })
            }
        }
    }

    @Test func rowsReadAsTheyWereStored() throws {
        let result = try QueryEngine(graph: Self.graph).run(#"MATCH (b:Benchmark {name: "MATH"}) RETURN b, b.name, b.domain"#)
        let math = try #require(Self.graph.index(of: NodeID(.benchmark, "MATH")))
        #expect(result.rows == [[.node(math), .string("MATH"), .string("math")]])
        #expect(result.rows.count == 1 && result.rows.first == [.node(math), .string("MATH"), .string("math")])
    }
}
