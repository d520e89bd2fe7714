import Testing
import PaperGraphModel
@testable import PaperGraphQuery

@Suite struct EngineTests {
    let graph = SampleGraph.build()

    func run(_ q: String, _ params: [String: CypherValue] = [:]) throws -> QueryResult {
        try QueryEngine(graph: graph).run(q, parameters: params)
    }

    @Test func smoke() throws {
        let r = try run("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ['MATH', 'GSM8K'] RETURN DISTINCT p.title ORDER BY p.title LIMIT 3")
        print(ResultFormatter(graph: graph).render(r, as: .table))
        let s = try run("MATCH p = (a:Benchmark {name: 'AIME'})-[*1..2]-(b) RETURN p, length(p) LIMIT 3")
        print(ResultFormatter(graph: graph).render(s, as: .table))
    }
}
