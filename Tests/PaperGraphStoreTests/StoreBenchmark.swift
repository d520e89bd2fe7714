import Foundation
import PaperGraphModel
import Testing
@testable import PaperGraphStore

/// Write and load timings at scale: not a timed assertion, a measurement run on
/// demand, printing `key=value` lines like the bench peers:
///
///     swift build -c release --build-tests -Xswiftc -enable-testing
///     PAPERGRAPH_STORE_BENCH=100000 .build/release/papergraphPackageTests.xctest \
///         --testing-library swift-testing --filter StoreBenchmark
///
/// `PAPERGRAPH_STORE_BENCH_PATH` keeps the store; `PAPERGRAPH_STORE_BENCH_PHASES`
/// (default `write,rewrite,load,load_no_evidence,stats`) picks phases, e.g. `load` on a kept store.
@Suite struct StoreBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let papers = environment["PAPERGRAPH_STORE_BENCH"].flatMap { Int($0) }

    @Test(.enabled(if: papers != nil, "set PAPERGRAPH_STORE_BENCH=N to measure"))
    func writeAndLoad() throws {
        let count = try #require(Self.papers)
        let dir = try TemporaryDirectory()
        let path = Self.environment["PAPERGRAPH_STORE_BENCH_PATH"] ?? dir.path("bench.sqlite")
        let phases = Set((Self.environment["PAPERGRAPH_STORE_BENCH_PHASES"] ?? "write,rewrite,load,load_no_evidence,stats")
            .split(separator: ",").map(String.init))

        /// Wall-clock and CPU seconds: the machine is shared, so CPU time is the steadier figure.
        func measure(_ label: String, _ body: () throws -> Void) rethrows {
            var before = timespec(), after = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &before)
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &after)
            let cpu = Double(after.tv_sec - before.tv_sec) + Double(after.tv_nsec - before.tv_nsec) / 1e9
            let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("\(label)_s=\(wall) \(label)_cpu_s=\(cpu)")
        }

        print("papers=\(count)")
        if phases.contains("write") || phases.contains("rewrite") {
            if phases.contains("write") { try? FileManager.default.removeItem(atPath: path) }
            // Generated up front so the timings are the store's alone (a build overlaps
            // extraction with writing instead).
            var fragments: [GraphFragment] = []
            measure("generate") {
                fragments = (0..<count).map { SyntheticFragments.fragment(paper: $0, pool: 350, abstractBytes: 1_000, variant: 0) }
            }
            if phases.contains("write") {
                try measure("write") { print(try GraphStore(path: path).write(fragments)) }
            }
            if phases.contains("rewrite") {
                try measure("rewrite_unchanged") { print(try GraphStore(path: path).write(fragments)) }
            }
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            print("store_mb=\(size / 1_000_000)")
        }
        for (phase, evidence) in [("load", GraphStore.EvidenceLoading.all), ("load_no_evidence", .none)]
            where phases.contains(phase) {
            // The graph is freed outside the measurement: tearing down millions of
            // objects is the process's exit, not the load.
            var graph = KnowledgeGraph()
            try measure(phase) { graph = try GraphStore(path: path, mode: .readOnly).loadGraph(evidence: evidence) }
            print("nodes=\(graph.nodeCount) edges=\(graph.edgeCount)")
        }
        if phases.contains("decode") {
            // The store's own share of a load: read and decode every row, build no graph.
            try measure("decode") {
                let store = try GraphStore(path: path, mode: .readOnly)
                var properties = 0, evidence = 0
                let nodes = try store.connection.prepare("SELECT id, kind, key, name, props FROM nodes ORDER BY id")
                while try nodes.step() { properties += try GraphStore.node(nodes, path: path).properties.count }
                let edges = try store.connection.prepare("SELECT src, rel, dst, evidence FROM edges")
                while try edges.step() {
                    _ = try GraphStore.relation(edges, column: 1, path: path)
                    evidence += try GraphStore.evidence(edges, column: 3, path: path, edge: "").count
                }
                print("properties=\(properties) evidence=\(evidence)")
            }
        }
        if phases.contains("stats") {
            try measure("stats") {
                let stats = try GraphStore(path: path, mode: .readOnly).stats()
                print("top_benchmark=\(stats.topBenchmarks.first.map { "\($0.name) \($0.papers)" } ?? "-")")
            }
        }
    }
}
