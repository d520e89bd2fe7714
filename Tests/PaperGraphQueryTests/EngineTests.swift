import Foundation
import Testing
import PaperGraphModel
@testable import PaperGraphQuery

/// Behaviour the differential suite cannot show: errors, limits, formats,
/// planning, and functions Kuzu spells differently.
@Suite struct EngineTests {
    let graph = SampleGraph.build()
    var engine: QueryEngine { QueryEngine(graph: graph) }

    func values(_ q: String, _ params: [String: CypherValue] = [:]) throws -> [[CypherValue]] {
        Array(try engine.run(q, parameters: params).rows)
    }

    func error(_ q: String, limits: QueryLimits = QueryLimits()) -> QueryError? {
        do {
            _ = try engine.run(q, limits: limits)
            return nil
        } catch let error as QueryError {
            return error
        } catch {
            return nil
        }
    }

    // MARK: Errors

    @Test func syntaxErrorShowsCaretAndExpectation() throws {
        let q = "MATCH (p:Paper)-[:USES]->(m:Method\nRETURN p"
        let e = try #require(error(q))
        #expect(e.kind == .syntax)
        let rendered = e.render(query: q)
        #expect(rendered.contains("line 2, column 1"))
        #expect(rendered.contains("expected ':', '{' or ')'") || rendered.contains("expected ')'"))
        #expect(rendered.hasSuffix("  RETURN p\n  ^"))
    }

    @Test func unknownNamesSuggestTheNearest() throws {
        let label = try #require(error("MATCH (b:Benchmarks) RETURN b"))
        #expect(label.message.contains("unknown label :Benchmarks (did you mean Benchmark?)"))
        #expect(label.render(query: "MATCH (b:Benchmarks) RETURN b").hasSuffix("\n  " + String(repeating: " ", count: 9) + "^"))
        let type = try #require(error("MATCH (p)-[:EVALUATE_ON]->(b) RETURN b"))
        #expect(type.message.contains("did you mean EVALUATES_ON?"))
        let property = try #require(error("MATCH (p:Paper) RETURN p.titel"))
        #expect(property.message.contains("unknown property 'titel' of :Paper nodes (did you mean title?)"))
        let relProperty = try #require(error("MATCH ()-[r:USES]->() RETURN r.evidense"))
        #expect(relProperty.message.contains("did you mean evidence?"))
        let function = try #require(error("MATCH (p:Paper) RETURN toLowr(p.title)"))
        #expect(function.message.contains("did you mean toLower?"))
        let variable = try #require(error("MATCH (paper:Paper) RETURN papr.title"))
        #expect(variable.message.contains("variable `papr` is not defined (did you mean paper?)"))
    }

    @Test func semanticErrors() throws {
        #expect(error("MATCH (p:Paper) WHERE count(*) > 1 RETURN p")?.message.contains("not allowed here") == true)
        #expect(error("MATCH (p:Paper) WITH p.title RETURN 1")?.message.contains("must be aliased") == true)
        #expect(error("MATCH (p:Paper) CREATE (x) RETURN p")?.message.contains("not supported") == true)
        #expect(error("MATCH (p:Paper) RETURN p.key, p.key")?.message.contains("appears twice") == true)
        #expect(error("MATCH (p:Paper) RETURN $missing")?.message.contains("--param missing=VALUE") == true)
    }

    // MARK: Limits

    @Test func runawayQueryStopsAtTheTimeout() throws {
        // A dense graph: every pair of 14 benchmarks linked, so trails number in the billions.
        var dense = KnowledgeGraph()
        let nodes = (0..<14).map { dense.upsert(Node(id: NodeID(.benchmark, "B\($0)"), name: "B\($0)")) }
        for a in nodes { for b in nodes where a < b { dense.addEdge(from: a, relation: .subsetOf, to: b) } }
        let start = Date()
        #expect {
            _ = try QueryEngine(graph: dense).run("MATCH (a)-[*]-(b) RETURN count(*)", limits: QueryLimits(timeout: 0.3))
        } throws: { ($0 as? QueryError)?.kind == .timeout }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func tooManyRowsIsAnError() throws {
        let e = try #require(error("MATCH (p:Paper) RETURN p", limits: QueryLimits(maxRows: 10)))
        #expect(e.kind == .tooManyRows)
        #expect(try engine.run("MATCH (p:Paper) RETURN p LIMIT 10", limits: QueryLimits(maxRows: 10)).rows.count == 10)
        // Aggregating over many rows is fine: only returned rows count.
        #expect(try engine.run("MATCH (p:Paper) RETURN count(*)", limits: QueryLimits(maxRows: 1)).rows == [[.int(30)]])
    }

    @Test func catastrophicRegexIsStopped() throws {
        var g = KnowledgeGraph()
        g.upsert(Node(id: NodeID(.method, "x"), name: String(repeating: "a", count: 40) + "!"))
        // Nested repetition is refused before it runs (ICU cannot be interrupted inside one attempt).
        for pattern in ["(a+)+b", "(a*)*b", "(\\w+\\s?)*!", "((ab)*c)+x", "(a{2,})+b"] {
            #expect {
                _ = try QueryEngine(graph: g).run("MATCH (m:Method) WHERE m.name =~ '\(pattern)' RETURN m", limits: QueryLimits(timeout: 0.5))
            } throws: { ($0 as? QueryError)?.message.contains("backtrack catastrophically") == true }
        }
        // Ordinary repetition still runs.
        for pattern in ["a+!", "(ab)+", "[a-z]+(-[a-z]+)*", "(a|b)*!", "a{1,3}"] {
            #expect(throws: Never.self) {
                _ = try QueryEngine(graph: g).run("MATCH (m:Method) WHERE m.name =~ '\(pattern)' RETURN m", limits: QueryLimits(timeout: 5))
            }
        }
        #expect(error("MATCH (m:Method) WHERE m.name =~ '(' RETURN m")?.message.contains("invalid regular expression") == true)
    }

    // MARK: Planning

    @Test func namedBenchmarksStartFromTheNameIndex() throws {
        let q = #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN DISTINCT p.title"#
        let result = try engine.run(q)
        #expect(result.statistics.startNodes == 2)
        let scan = try engine.run("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN DISTINCT p.title")
        #expect(scan.statistics.startNodes > 10)
        let byKey = try engine.run(#"MATCH (p:Paper {key: "2401.00001"})-[:USES]->(m) RETURN m.name"#)
        #expect(byKey.statistics.startNodes == 1)
        let byParameter = try engine.run("MATCH (b:Benchmark)<-[:EVALUATES_ON]-(p) WHERE b.name = $n RETURN p.key",
                                         parameters: ["n": .string("MATH")])
        #expect(byParameter.statistics.startNodes == 1)
    }

    // MARK: Semantics Kuzu spells differently

    @Test func functions() throws {
        let rows = try values(#"""
            MATCH (p:Paper {key: "2401.00001"})-[r:HAS_CODE]->(x)
            RETURN startNode(r) = p, endNode(r).key, toString(42), toInteger("17"), toInteger("x"), toInteger(2.9),
                   toFloat("1.5"), id(p) >= 0, type(r), labels(x), size([1, 2, null])
            """#)
        #expect(rows == [[.bool(true), .string("github.com/turing/repo1"), .string("42"), .int(17), .null, .int(2),
                          .double(1.5), .bool(true), .string("HAS_CODE"), .list([.string("Repository")]), .int(3)]])
        #expect(try values("RETURN 7 / 2, -7 / 2, 7 % 3, 2 ^ 3, 1 + 2.5, 'a' + 'b', [1] + 2, null + 1")
                == [[.int(3), .int(-3), .int(1), .double(8), .double(3.5), .string("ab"), .list([.int(1), .int(2)]), .null]])
    }

    @Test func threeValuedLogicAndNulls() throws {
        #expect(try values("RETURN null = null, null <> 1, NOT null, true OR null, false AND null, true XOR null, 1 < 'a'")
                == [[.null, .null, .null, .bool(true), .bool(false), .null, .null]])
        #expect(try values("RETURN null IS NULL, 1 IS NOT NULL, 'abc' STARTS WITH null, 2 IN [1, null], null IN []")
                == [[.bool(true), .bool(true), .null, .bool(false), .null]])
    }

    @Test func shortestPathAndTrails() throws {
        let rows = try values(#"""
            MATCH (a:Benchmark {name: "MATH-500"}), (b:Benchmark {name: "AIME"})
            MATCH p = shortestPath((a)-[:SUBSET_OF*]-(b)) RETURN length(p)
            """#)
        #expect(rows == [[.int(2)]])
        // A trail never reuses a relationship: MATH-500 -> MATH <- AIME and back is not a 4-hop trail.
        let hops = try values(#"MATCH (a:Benchmark {name: "MATH-500"})-[:SUBSET_OF*]-(x) RETURN x.name, count(*) ORDER BY x.name"#)
        #expect(hops == [[.string("AIME"), .int(1)], [.string("MATH"), .int(1)]])
    }

    @Test func optionalMatchPadsWithNull() throws {
        let rows = try values(#"""
            MATCH (p:Paper {key: "2401.00008"}) OPTIONAL MATCH (p)-[:EVALUATES_ON]->(b) RETURN p.key, b, b.name
            """#)
        #expect(rows == [[.string("2401.00008"), .null, .null]])
    }

    // MARK: Parameters

    @Test func commandLineParameters() throws {
        #expect(CypherValue.parameter(fromCommandLine: "42") == .int(42))
        #expect(CypherValue.parameter(fromCommandLine: "2.5") == .double(2.5))
        #expect(CypherValue.parameter(fromCommandLine: "true") == .bool(true))
        #expect(CypherValue.parameter(fromCommandLine: #"["MATH","GSM8K"]"#) == .list([.string("MATH"), .string("GSM8K")]))
        #expect(CypherValue.parameter(fromCommandLine: "GSM8K") == .string("GSM8K"))
        #expect(CypherValue.parameter(fromCommandLine: #""quoted""#) == .string("quoted"))
        let (name, value) = try CypherValue.parameterBinding("k=a=b")
        #expect(name == "k" && value == .string("a=b"))
        #expect(throws: QueryError.self) { try CypherValue.parameterBinding("=1") }
    }

    // MARK: Output

    @Test func formats() throws {
        let result = try engine.run(#"""
            MATCH (p:Paper {key: "2401.00001"})-[r:HAS_CODE]->(x) RETURN x AS repo, type(r) AS t, p.authors AS authors, null AS n
            """#)
        let formatter = ResultFormatter(graph: graph)
        let json = formatter.render(result, as: .json)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == 1)
        let repo = try #require(parsed[0]["repo"] as? [String: String])
        #expect(repo == ["kind": "Repository", "key": "github.com/turing/repo1", "name": "github.com/turing/repo1"])
        #expect(parsed[0]["t"] as? String == "HAS_CODE")
        #expect(parsed[0]["n"] is NSNull)
        #expect(formatter.render(result, as: .jsonl).split(separator: "\n").count == 1)
        let csv = formatter.render(result, as: .csv)
        #expect(csv.hasPrefix("repo,t,authors,n\r\n"))
        #expect(csv.contains(#""(:Repository {name: ""github.com/turing/repo1""})""#))
        let table = formatter.render(result, as: .table)
        #expect(table.contains("| repo "))
        #expect(table.contains(#"(:Repository {name: "github.com/turing/repo1"})"#))
        #expect(table.hasSuffix("1 row\n"))
    }

    // MARK: Convenience queries

    @Test func papersByBenchmarkMatchThroughFoldingAndAliases() throws {
        let direct = try engine.run(#"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH", "GSM8K"] RETURN DISTINCT p.key"#)
        let viaAliases = try engine.papers(PaperFilter(benchmarks: ["math", "GSM-8K"])).result
        #expect(Set(viaAliases.rows.map { $0[0] }) == Set(direct.rows.map { $0[0] }))
        #expect(viaAliases.columns == ["paper", "title", "published", "benchmarks"])

        #expect(!viaAliases.rows.isEmpty)

        let both = try engine.papers(PaperFilter(benchmarks: ["arc", "grade school math"], requireAll: true)).result
        let expected = try engine.run(#"""
            MATCH (p:Paper)-[:EVALUATES_ON]->(:Benchmark {name: "ARC"}) MATCH (p)-[:EVALUATES_ON]->(:Benchmark {name: "GSM8K"})
            RETURN DISTINCT p.key
            """#)
        #expect(!both.rows.isEmpty)
        #expect(Set(both.rows.map { $0[0] }) == Set(expected.rows.map { $0[0] }))

        let withCode = try engine.papers(PaperFilter(methods: ["low-rank adaptation"],
                                                     repositories: ["https://github.com/knuth/repo5/"])).result
        #expect(withCode.columns == ["paper", "title", "published", "methods", "repositories"])
        #expect(withCode.rows == [[.string("2401.00005"), .string("Paper 5: better alignment with MCTS"), .string("2024-06-15"),
                                   .list([.string("LoRA")]), .list([.string("github.com/knuth/repo5")])]])
        #expect(throws: QueryError.self) { try engine.papers(PaperFilter(benchmarks: ["GSM9K"])) }
    }

    @Test func neighborsAndPath() throws {
        let near = try engine.neighbors(of: "math-500", depth: 1).result
        #expect(near.rows.map { $0[5] } .contains(.string("MATH")))
        #expect(near.rows.allSatisfy { $0[0] == .int(1) })
        let far = try engine.neighbors(of: "Benchmark:MATH-500", depth: 2).result
        #expect(far.rows.contains { $0[0] == .int(2) && $0[5] == .string("AIME") })

        let path = try engine.shortestPath(from: "MATH-500", to: "AIME").result
        #expect(path.rows.count == 1 && path.rows[0][0] == .int(2))
        let text = ResultFormatter(graph: graph).text(path.rows[0][1])
        #expect(text == #"(:Benchmark {name: "MATH-500"})-[:SUBSET_OF]->(:Benchmark {name: "MATH"})<-[:SUBSET_OF]-(:Benchmark {name: "AIME"})"#)
    }
}

/// Clauses and forms outside the differential suite's reach.
@Suite struct ClauseTests {
    let engine = QueryEngine(graph: SampleGraph.build())

    func values(_ q: String) throws -> [[CypherValue]] { Array(try engine.run(q).rows) }

    @Test func starProjectionsAndHiddenOrderKeys() throws {
        let star = try engine.run(#"MATCH (b:Benchmark {name: "AIME"})-[r:SUBSET_OF]->(m) WITH * RETURN *"#)
        #expect(star.columns == ["b", "m", "r"])
        let top = try values("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN b.name ORDER BY count(*) DESC, b.name LIMIT 2")
        let counted = try values("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) RETURN b.name, count(*) AS n ORDER BY n DESC, b.name LIMIT 2")
        #expect(top == counted.map { [$0[0]] })
    }

    @Test func variableLengthRelationshipListsAndReboundRelationships() throws {
        let rows = try values(#"MATCH (a:Benchmark {name: "MATH-500"})-[rs:SUBSET_OF*1..2]-(x) RETURN x.name, size(rs) ORDER BY x.name"#)
        #expect(rows == [[.string("AIME"), .int(2)], [.string("MATH"), .int(1)]])
        let again = try values(#"MATCH (p:Paper)-[r:HAS_CODE]->(x) WITH r LIMIT 1 MATCH (a)-[r]->(b) RETURN type(r), labels(b)"#)
        #expect(again == [[.string("HAS_CODE"), .list([.string("Repository")])]])
    }

    @Test func optionalMatchCountsIgnoreNulls() throws {
        let rows = try values(#"MATCH (b:Benchmark {name: "ARC"}) OPTIONAL MATCH (b)<-[:INTRODUCES]-(p) RETURN count(*), count(p)"#)
        #expect(rows == [[.int(1), .int(0)]])
    }

    @Test func patternPredicateWithVariableLength() throws {
        let rows = try values(#"MATCH (b:Benchmark) WHERE (b)-[:SUBSET_OF*2]->(:Benchmark) RETURN b.name ORDER BY b.name"#)
        let expected = try values(#"MATCH (b:Benchmark)-[:SUBSET_OF]->()-[:SUBSET_OF]->(:Benchmark) RETURN DISTINCT b.name ORDER BY b.name"#)
        #expect(rows == expected)
    }
}
