import Foundation
import PaperGraph

/// The measured stages. Each runs in a process of its own (see ``ChildStage``), so
/// the peak memory a stage reports is its own and no stage warms another's caches.
enum Stages {
    /// Loads the bundled ontology, as `papergraph` does without `--ontology`.
    static func ontology() throws -> Ontology {
        guard let directory = Ontology.defaultDirectory() else {
            throw BenchError("cannot find the ontology directory; set PAPERGRAPH_ONTOLOGY")
        }
        return try Ontology.load(from: directory)
    }

    /// Ingest + extraction, exactly as `build` runs them, with the results dropped.
    static func extract(_ corpus: String, jobs: Int) throws -> StageOutput {
        let extractor = Extractor(ontology: try ontology())
        var mentions = 0
        let extraction = PipelinedExtraction(
            extractor: extractor, jobs: jobs,
            transform: { _, found in
                found.proposes.count + found.uses.count + found.evaluatesOn.count + found.introduces.count
                    + found.repositories.count + found.homepages.count
            },
            consume: { counts in mentions += counts.reduce(0, +) })
        let (summary, seconds) = try Measure.time {
            let summary = try Ingestor(options: IngestOptions()).read(inputs: [corpus], onItem: { item in
                if case .paper(let record) = item { try extraction.add(record) }
            }, onWarning: { _ in })
            try extraction.flush()
            return summary
        }
        var out = StageOutput()
        out.set("records", Double(summary.records))
        out.set("bytes", Double(summary.bytes))
        out.set("mentions", Double(mentions))
        out.set("seconds", seconds)
        out.set("cpu_s", Measure.cpuSeconds())
        out.set("peak_rss_mb", Measure.peakRSSMegabytes())
        out.set("loadavg", Measure.loadAverage())
        return out
    }

    /// A full build into a fresh store.
    static func build(_ corpus: String, store: String, jobs: Int) throws -> StageOutput {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        let pipeline = BuildPipeline(ontology: try ontology())
        let report = try pipeline.run(.init(inputs: [corpus], storePath: store, jobs: jobs), onWarning: { _ in })
        var out = StageOutput()
        out.set("records", Double(report.ingest.records))
        out.set("seconds", report.seconds)
        out.set("cpu_s", Measure.cpuSeconds())
        out.set("peak_rss_mb", Measure.peakRSSMegabytes())
        out.set("loadavg", Measure.loadAverage())
        return out
    }

    /// Loading the store and nothing else, to profile it alone.
    static func load(store: String) throws -> StageOutput {
        let opened = try GraphStore(path: store, mode: .readOnly)
        defer { opened.close() }
        let (graph, seconds) = try Measure.time { try opened.loadGraph(evidence: .all) }
        var out = StageOutput()
        out.set("nodes", Double(graph.nodeCount))
        out.set("edges", Double(graph.edgeCount))
        out.set("load_s", seconds)
        out.set("cpu_s", Measure.cpuSeconds())
        out.set("peak_rss_mb", Measure.peakRSSMegabytes())
        out.set("loadavg", Measure.loadAverage())
        return out
    }

    /// The store loaded as `query` loads it (no evidence), then the query timings alone.
    static func query(store: String, queryRuns: Int) throws -> StageOutput {
        let opened = try GraphStore(path: store, mode: .readOnly)
        defer { opened.close() }
        let (graph, seconds) = try Measure.time { try opened.loadGraph(evidence: .none) }
        var out = try QueryTimings.measure(graph, runs: queryRuns)
        out.set("load_no_evidence_s", seconds)
        out.set("peak_rss_mb", Measure.peakRSSMegabytes())
        return out
    }

    /// The store loaded with its evidence, then the GraphML export alone.
    static func graphML(store: String, work: String) throws -> StageOutput {
        let opened = try GraphStore(path: store, mode: .readOnly)
        defer { opened.close() }
        let graph = try opened.loadGraph(evidence: .all)
        var out = StageOutput()
        out.merge(try writeGraphML(graph, work: work))
        out.set("peak_rss_mb", Measure.peakRSSMegabytes())
        return out
    }

    /// Writes the graph as GraphML into `work`, timed, and removes the file.
    private static func writeGraphML(_ graph: KnowledgeGraph, work: String) throws -> StageOutput {
        var out = StageOutput()
        let path = (work as NSString).appendingPathComponent("bench.graphml")
        let cpuBefore = Measure.cpuSeconds()
        let (_, seconds) = try Measure.time { try Exporter.writeGraphML(graph, to: path) }
        out.set("graphml_s", seconds)
        out.set("graphml_cpu_s", Measure.cpuSeconds() - cpuBefore)
        out.set("graphml_mb", Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6)
        try? FileManager.default.removeItem(atPath: path)
        return out
    }

    /// Everything that reads a built store: loading it, queries, GraphML, a drawing.
    static func read(store: String, work: String, queryRuns: Int) throws -> StageOutput {
        var out = StageOutput()
        let opened = try GraphStore(path: store, mode: .readOnly)
        defer { opened.close() }
        // Without evidence first (what `query` loads), then everything (what `show` and exports load).
        do {
            let (bare, bareSeconds) = try Measure.time { try opened.loadGraph(evidence: .none) }
            out.set("load_no_evidence_s", bareSeconds)
            out.set("nodes", Double(bare.nodeCount))
            out.set("edges", Double(bare.edgeCount))
        }
        let cpuBefore = Measure.cpuSeconds()
        let (graph, seconds) = try Measure.time { try opened.loadGraph(evidence: .all) }
        out.set("load_s", seconds)
        out.set("load_cpu_s", Measure.cpuSeconds() - cpuBefore)

        out.merge(try QueryTimings.measure(graph, runs: queryRuns))

        out.merge(try writeGraphML(graph, work: work))

        let drawn = graph.subgraph(keeping: Set(0..<min(2_000, graph.nodeCount)))
        let (svg, svgSeconds) = try Measure.time { try Exporter.render(drawn, format: .svg) }
        out.set("svg_nodes", Double(drawn.nodeCount))
        out.set("svg_s", svgSeconds)
        out.set("svg_mb", Double(svg.count) / 1e6)
        out.set("peak_rss_mb", Measure.peakRSSMegabytes())
        out.set("loadavg", Measure.loadAverage())
        return out
    }
}

/// A failure of the benchmark itself (missing input, a stage that did not run).
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
