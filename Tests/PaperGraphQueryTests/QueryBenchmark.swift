import Foundation
import Testing
import PaperGraphModel
import PaperGraphQuery

/// Not a timed test: a benchmark that prints numbers, run on demand with
///
///     PAPERGRAPH_QUERY_BENCH=1000000 swift test -c release -Xswiftc -enable-testing --filter QueryBenchmark
///
/// It builds a synthetic graph (N papers, 2,000 benchmarks, 500 methods, each
/// paper evaluating on two benchmarks and using two methods, MATH and GSM8K each
/// on about 0.1% of papers) and times the MATH-or-GSM8K query and a few others.
@Suite struct QueryBenchmark {
    @Test func mathOrGSM8K() throws {
        guard let papers = ProcessInfo.processInfo.environment["PAPERGRAPH_QUERY_BENCH"].flatMap(Int.init) else { return }
        let buildStart = Date()
        var graph = KnowledgeGraph()
        let benchmarks = (0..<2000).map { k -> Int in
            let name = k == 0 ? "MATH" : (k == 1 ? "GSM8K" : "Bench-\(k)")
            return graph.upsert(Node(id: NodeID(.benchmark, name), name: name))
        }
        let methods = (0..<500).map { graph.upsert(Node(id: NodeID(.method, "Method-\($0)"), name: "Method-\($0)")) }
        var random = SampleGraph.Sequence(state: 7)
        for k in 0..<papers {
            let id = String(format: "%04d.%05d", 2000 + k / 100_000, k % 100_000)
            let title = "Synthetic paper \(k)"
            let p = graph.upsert(Node(id: NodeID(kind: .paper, normalizedKey: id), name: title, properties: ["title": .string(title)]))
            for _ in 0..<2 { graph.addEdge(from: p, relation: .evaluatesOn, to: benchmarks[random.next(benchmarks.count)]) }
            for _ in 0..<2 { graph.addEdge(from: p, relation: .uses, to: methods[random.next(methods.count)]) }
        }
        let built = Date().timeIntervalSince(buildStart)
        print("built \(graph.nodeCount) nodes, \(graph.edgeCount) edges in \(String(format: "%.1f", built)) s")

        let engine = QueryEngine(graph: graph)
        let queries = [
            #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN DISTINCT p.title"#,
            #"MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark {name: "MATH"}) RETURN count(p)"#,
            #"MATCH (b:Benchmark {name: "GSM8K"})<-[:EVALUATES_ON]-(p)-[:USES]->(m) RETURN m.name, count(*) AS n ORDER BY n DESC LIMIT 5"#,
            #"MATCH (p:Paper {key: "2000.00042"})-[*1..2]-(x) RETURN count(*)"#,
            "MATCH (p:Paper) RETURN count(*)",
        ]
        // PAPERGRAPH_QUERY_BENCH_RUNS raises the repetitions, e.g. to profile with perf.
        let runs = max(7, ProcessInfo.processInfo.environment["PAPERGRAPH_QUERY_BENCH_RUNS"].flatMap(Int.init) ?? 7)
        for q in queries {
            var times: [Double] = []
            var rows = 0
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                rows = try engine.run(q, limits: QueryLimits(maxRows: 10_000_000, timeout: 600)).rows.count
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            let sorted = times.sorted()
            print(String(format: "first %8.2f ms  median %8.2f ms  min %8.2f ms  rows %7d  %@", times[0], sorted[runs / 2], sorted[0], rows, q))
        }
    }
}
