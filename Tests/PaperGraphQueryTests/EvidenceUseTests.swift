import PaperGraphModel
import Testing
@testable import PaperGraphQuery

/// `papergraph query` loads a store without evidence when the query cannot read
/// it; these hold the check to what the engine actually reads.
@Suite("Evidence use")
struct EvidenceUseTests {
    static let graph = SampleGraph.build()
    /// The same graph with every edge's evidence dropped, as a load without it gives.
    static let bare: KnowledgeGraph = {
        let edges = graph.edges.map { Edge(from: $0.from, relation: $0.relation, to: $0.to) }
        return KnowledgeGraph(distinctNodes: graph.nodes, distinctEdges: edges)!
    }()

    @Test("queries said not to read evidence answer the same without it", arguments: DifferentialSuite.queries)
    func sameAnswerWithoutEvidence(query: DifferentialQuery) throws {
        guard try !QueryEngine.readsEvidence(query.papergraph) else { return }
        let full = try QueryEngine(graph: Self.graph).run(query.papergraph, parameters: query.parameters)
        let bare = try QueryEngine(graph: Self.bare).run(query.papergraph, parameters: query.parameters)
        #expect(full.columns == bare.columns)
        #expect(full.rows == bare.rows)
    }

    @Test("the differential suite's three evidence queries are seen, and only they")
    func suiteSplit() throws {
        let reading = try DifferentialSuite.queries.filter { try QueryEngine.readsEvidence($0.papergraph) }
        #expect(reading.count == 3)
        #expect(reading.allSatisfy { $0.papergraph.contains("r.weight") })
    }

    @Test("every way of reaching evidence is seen", arguments: [
        "MATCH (p)-[r:USES]->(m) RETURN r.evidence",
        "MATCH (p)-[r]->(m) WHERE r.weight > 1 RETURN p.name",
        "MATCH (p)-[r]->(m) RETURN p.name ORDER BY r.rule",
        "MATCH (p)-[r]->(m) WITH r, p WHERE size(r.rules) > 0 RETURN p.name",
        #"MATCH (p)-[r:USES {rule: "gazetteer"}]->(m) RETURN m.name"#,
        #"MATCH (p:Paper) WHERE (p)-[:USES {rule: "gazetteer"}]->() RETURN p.name"#,
        "MATCH (p)-[r]->(m) UNWIND r.evidence AS s RETURN s",
        #"MATCH (p)-[r]->(m) WITH r, "rule" AS k RETURN r[k]"#,
    ])
    func evidenceReaders(query: String) throws {
        #expect(try QueryEngine.readsEvidence(query))
    }

    @Test("walks, node properties and counts read none", arguments: [
        #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN DISTINCT p.title"#,
        "MATCH (p:Paper)-[r]->(m:Method) RETURN type(r), count(*)",
        "MATCH (p:Paper) RETURN p.authors[0], p.title LIMIT 3",
        "MATCH path = (a:Method)-[*1..2]-(b:Method) RETURN length(path)",
    ])
    func evidenceFree(query: String) throws {
        #expect(try !QueryEngine.readsEvidence(query))
    }

    @Test("a query that does not parse is the parse error run gives")
    func parseError() {
        #expect(throws: QueryError.self) { try QueryEngine.readsEvidence("MATCH (p RETURN p") }
    }
}
