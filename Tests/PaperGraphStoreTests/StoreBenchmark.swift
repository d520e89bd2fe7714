import Foundation
import PaperGraphModel
import Testing
@testable import PaperGraphStore

/// Write and load timings at scale: not a timed assertion, a measurement run on
/// demand (`PAPERGRAPH_STORE_BENCH=100000 swift test -c release -Xswiftc -enable-testing
/// --filter StoreBenchmark`), printing `key=value` lines like the bench peers.
@Suite struct StoreBenchmark {
    static let papers = ProcessInfo.processInfo.environment["PAPERGRAPH_STORE_BENCH"].flatMap { Int($0) }

    @Test(.enabled(if: papers != nil, "set PAPERGRAPH_STORE_BENCH=N to measure"))
    func writeAndLoad() throws {
        let count = try #require(Self.papers)
        let dir = try TemporaryDirectory()
        let path = ProcessInfo.processInfo.environment["PAPERGRAPH_STORE_BENCH_PATH"] ?? dir.path("bench.sqlite")
        try? FileManager.default.removeItem(atPath: path)
        /// Wall-clock and CPU seconds: the machine is shared, so CPU time is the steadier figure.
        var cpu: [String] = []
        func seconds(_ label: String = "", _ body: () throws -> Void) rethrows -> Double {
            var before = timespec(), after = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &before)
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &after)
            let used = Double(after.tv_sec - before.tv_sec) + Double(after.tv_nsec - before.tv_nsec) / 1e9
            if !label.isEmpty { cpu.append("\(label)_cpu_s=\(used)") }
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        // Generated up front so the timings are the store's alone (a build overlaps
        // extraction with writing instead).
        var fragments: [GraphFragment] = []
        let generate = seconds {
            fragments = (0..<count).map { SyntheticFragments.fragment(paper: $0, pool: 350, abstractBytes: 1_000, variant: 0) }
        }
        var summary = WriteSummary()
        let write = seconds("write") { summary = try! GraphStore(path: path).write(fragments) }
        let rewrite = seconds("rewrite") { _ = try! GraphStore(path: path).write(fragments) }
        var graph = KnowledgeGraph()
        let load = seconds("load") { graph = try! GraphStore(path: path, mode: .readOnly).loadGraph() }
        var stats: StoreStats?
        let statsTime = seconds { stats = try! GraphStore(path: path, mode: .readOnly).stats() }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("""
            papers=\(count) nodes=\(graph.nodeCount) edges=\(graph.edgeCount) added=\(summary.papersAdded)
            generate_s=\(generate) write_s=\(write)
            rewrite_unchanged_s=\(rewrite) load_s=\(load) stats_s=\(statsTime) store_mb=\(size / 1_000_000)
            \(cpu.joined(separator: " "))
            top_benchmark=\(stats?.topBenchmarks.first?.name ?? "-")
            """)
        #expect(graph.nodeCounts[.paper] == count)
    }
}
