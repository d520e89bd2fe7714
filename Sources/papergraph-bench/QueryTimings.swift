import Dispatch
import Glibc
import PaperGraph

/// Query latency over a loaded graph: each question run `runs` times after one
/// warm-up (which also builds the engine's lazy name indexes), p50 and p99 kept.
enum QueryTimings {
    /// The peers' question: papers evaluated on MATH or GSM8K.
    static let mathOrGSM8K = """
        MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN ["MATH","GSM8K"] RETURN DISTINCT p.title
        """

    /// Methods used by the papers that evaluate on the benchmarks paper X evaluates on.
    static let sharedBenchmarkMethods = """
        MATCH (x:Paper {key: $paper})-[:EVALUATES_ON]->(:Benchmark)<-[:EVALUATES_ON]-(p:Paper)-[:USES]->(m:Method) \
        RETURN DISTINCT m.name
        """

    static func measure(_ graph: KnowledgeGraph, runs: Int) throws -> StageOutput {
        var out = StageOutput()
        let engine = QueryEngine(graph: graph)
        try time(engine, mathOrGSM8K, parameters: [:], runs: runs, prefix: "query_math", into: &out)
        // X: the first paper that evaluates on anything, so the question is the same on every run of one corpus.
        let x = graph.nodeIndices(of: .paper).first { paper in
            graph.outgoing(paper).contains { graph.edges[$0].relation == .evaluatesOn }
        }
        if let x {
            try time(engine, sharedBenchmarkMethods, parameters: ["paper": .string(graph.nodes[x].id.key)],
                     runs: runs, prefix: "query_hops", into: &out)
        }
        return out
    }

    /// `_first_ms` is the first run (it builds what the engine keeps: name indexes,
    /// packed adjacency, value classes); `_p50_ms`/`_p99_ms` time `run` alone on
    /// the runs after it (`_cpu_p50_ms`: its thread CPU time);
    /// `_read_p50_ms` also reads every value of every row (rows of nodes and
    /// properties are materialised when looked at), which is what the peers'
    /// figures include.
    private static func time(_ engine: QueryEngine, _ query: String, parameters: [String: CypherValue], runs: Int,
                             prefix: String, into out: inout StageOutput) throws {
        let (first, firstSeconds) = try Measure.time { try engine.run(query, parameters: parameters) }
        let rows = first.rows.count
        var samples: [Double] = []
        var readSamples: [Double] = []
        var cpuSamples: [Double] = []
        samples.reserveCapacity(runs)
        readSamples.reserveCapacity(runs)
        var checksum = 0
        for _ in 0..<runs {
            let ((result, seconds), total) = try Measure.time {
                let cpuStart = threadCPUSeconds()
                let timed = try Measure.time { try engine.run(query, parameters: parameters) }
                cpuSamples.append((threadCPUSeconds() - cpuStart) * 1000)
                for row in timed.0.rows { for value in row { checksum &+= touch(value) } }
                return timed
            }
            precondition(result.rows.count == rows, "a query answered differently on a repeat run")
            samples.append(seconds * 1000)
            readSamples.append(total * 1000)
        }
        precondition(checksum >= 0, "reading the rows back overflowed")  // and keeps the reads from being optimised away
        out.set("\(prefix)_rows", Double(rows))
        out.set("\(prefix)_first_ms", firstSeconds * 1000)
        out.set("\(prefix)_p50_ms", Measure.quantile(samples, 0.5))
        out.set("\(prefix)_p99_ms", Measure.quantile(samples, 0.99))
        out.set("\(prefix)_read_p50_ms", Measure.quantile(readSamples, 0.5))
        out.set("\(prefix)_cpu_p50_ms", Measure.quantile(cpuSamples, 0.5))
    }

    /// Reads a value as a client would use it (a string's bytes are there to be
    /// read; nothing is formatted), like the peers' `get_all()` and set building.
    private static func touch(_ value: CypherValue) -> Int {
        switch value {
        case .string(let s): return s.utf8.count
        case .node(let i), .relationship(let i), .int(let i): return i
        default: return 1
        }
    }

    /// CPU time of the calling thread: unlike wall time, not inflated while other
    /// processes hold the cores (the benchmark machine is shared).
    private static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
