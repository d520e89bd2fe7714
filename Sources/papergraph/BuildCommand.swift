import ArgumentParser
import Foundation
import PaperGraph

/// `papergraph build`: read abstracts into the store, then write GraphML, DOT and SVG.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the knowledge graph from abstracts into the store and write GraphML, DOT and SVG.",
        discussion: """
        Inputs are files, directories (read recursively), '-' for standard input, or gzip-compressed \
        files; the format is detected from the content. With no input, the bundled sample corpus is built. \
        Building into an existing store adds to it; building the same input again changes nothing.
        """)

    @Argument(help: "Input files or directories ('-' for standard input). Default: the bundled sample.")
    var inputs: [String] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var ontology: OntologyOptions

    @Option(help: "Directory for the GraphML, DOT and SVG files.")
    var out: String = "output"

    @Option(help: "Force the input format: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var from: InputFormat?

    @Flag(help: "Exit with an error if any record was skipped.")
    var strict = false

    @Flag(help: "No progress line and no per-record warnings (the summary still counts them).")
    var quiet = false

    @Flag(help: "Only update the store; write no GraphML, DOT or SVG.")
    var noExport = false

    @Option(help: "Extraction threads (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Per-record warnings shown before the rest are only counted.
    private static let shownWarnings = 20

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let ontology = try self.ontology.load()
        var sources = inputs
        if sources.isEmpty {
            guard let sample = Sample.path else { throw ValidationError("the bundled sample corpus is missing; pass an input") }
            sources = [sample]
        }
        var shown = 0
        let pipeline = BuildPipeline(ontology: ontology)
        let report: BuildPipeline.Report
        do {
            report = try pipeline.run(
                .init(inputs: sources, storePath: store.path, format: from, progress: !quiet, jobs: jobs),
                onWarning: { warning in
                    guard !quiet else { return }
                    shown += 1
                    if shown <= Self.shownWarnings { printError("warning: \(warning)") }
                })
        } catch let error as IngestError {
            printError("papergraph: \(error)")
            printError("papergraph: everything read before the error was stored in \(store.path)")
            throw ExitCode.failure
        }
        if shown > Self.shownWarnings { printError("warning: … and \(shown - Self.shownWarnings) more skipped records") }

        let graph = try loadStoredGraph(store.path)
        var files: [String] = []
        var map: ConceptMap?
        if !noExport {
            (files, map) = try export(graph)
        }
        print(summary(report, graph: graph, files: files, map: map))
        if strict && report.ingest.skipped > 0 {
            printError("papergraph: --strict: \(report.ingest.skipped) record(s) or input(s) were skipped")
            throw ExitCode.failure
        }
    }

    /// Above this many nodes the SVG shows the concept map instead of every node.
    private static let maxDrawnNodes = 2_000

    /// Writes the three files; returns them and, when the SVG shows the concept map
    /// rather than every node, that map (so the summary can say what it left out).
    private func export(_ graph: KnowledgeGraph) throws -> ([String], ConceptMap?) {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        func path(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }
        let graphML = path("papergraph.graphml"), dot = path("papergraph.dot"), svg = path("papergraph.svg")
        try Exporter.writeGraphML(graph, to: graphML)
        if graph.nodeCount <= Self.maxDrawnNodes {
            try Exporter.write(Exporter.dot(graph), to: dot)
            try Exporter.write(Exporter.render(graph, format: .svg), to: svg)
            return ([graphML, dot, svg], nil)
        }
        let map = ConceptMap(graph)
        try Exporter.write(Exporter.mapDOT(map), to: dot)
        try Exporter.write(Exporter.renderMap(map, format: .svg), to: svg)
        return ([graphML, dot, svg], map)
    }

    private func summary(_ report: BuildPipeline.Report, graph: KnowledgeGraph, files: [String], map: ConceptMap?) -> String {
        let ingest = report.ingest, written = report.written
        let rate = report.seconds > 0 ? Int(Double(ingest.records) / report.seconds) : 0
        var lines = ["built \(ingest.records) papers from \(ingest.files) file(s) in "
                     + String(format: "%.2f s", report.seconds) + " (\(rate) papers/s); skipped \(ingest.skipped)"]
        lines.append("store  \(store.path): \(written.papersAdded) added, \(written.papersReplaced) updated, "
                     + "\(written.papersUnchanged) unchanged" + (written.papersMerged > 0 ? ", \(written.papersMerged) merged" : ""))
        let counts = graph.nodeCounts, edges = graph.edgeCounts
        lines.append("nodes  \(graph.nodeCount): " + NodeKind.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
        lines.append("edges  \(graph.edgeCount): " + Relation.allCases.map { "\(edges[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
        for (i, file) in files.enumerated() { lines.append((i == 0 ? "wrote  " : "       ") + file) }
        if let map {
            var left: [String] = []
            if map.omittedConcepts > 0 { left.append("\(map.omittedConcepts) less-cited concepts") }
            if map.omittedLinks > 0 { left.append("\(map.omittedLinks) weaker links") }
            lines.append("       (the graph has over \(Self.maxDrawnNodes) nodes: the DOT and SVG show its concept map"
                         + (left.isEmpty ? ")" : "; left out: " + left.joined(separator: ", ") + ")"))
        }
        return lines.joined(separator: "\n")
    }
}

extension InputFormat: ExpressibleByArgument {}
