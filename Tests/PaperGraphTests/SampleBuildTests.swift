import Foundation
import PaperGraph
import PaperGraphTestSupport
import Testing

/// The walking skeleton end to end: the bundled sample through ingest, extraction
/// and the store, then GraphML, DOT and SVG checked by the real tools.
@Suite struct SampleBuildTests {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let ontologyDirectory = testsRoot.deletingLastPathComponent().appendingPathComponent("ontology").path
    static let graphMLSchema = testsRoot.appendingPathComponent("PaperGraphExportTests/Fixtures/graphml.xsd").path

    /// One build of the sample for the whole suite (into a temporary store).
    static let built: Result<(KnowledgeGraph, BuildPipeline.Report), any Error> = Result {
        let ontology = try Ontology.load(from: ontologyDirectory)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pg-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("sample.sqlite").path
        guard let sample = Sample.path else { throw CocoaError(.fileNoSuchFile) }
        let report = try BuildPipeline(ontology: ontology).run(.init(inputs: [sample], storePath: store), onWarning: { _ in })
        let graph = try GraphStore(path: store, mode: .readOnly).loadGraph()
        return (graph, report)
    }

    private var graph: KnowledgeGraph { get throws { try Self.built.get().0 } }

    @Test("the sample's 54 papers are read and all become Paper nodes")
    func paperCount() throws {
        let (graph, report) = try Self.built.get()
        #expect(report.ingest.records == 54)
        #expect(report.ingest.skipped == 0)
        #expect(graph.nodeCounts[.paper] == 54)
        let titles = graph.nodeIndices(of: .paper).map { graph.nodes[$0].name }
        #expect(titles.first == "AITEE -- Agentic Tutor for Electrical Engineering")
        #expect(titles.last == "Self-Judge: Selective Instruction Following with Alignment Self-Evaluation")
    }

    @Test("a known abstract gives exactly its nodes and edges, each with evidence")
    func knownAbstract() throws {
        let graph = try graph
        // seed-003: the MMAU paper introduces its benchmark and links its code.
        let paper = try #require(graph.resolve("MMAU: A Holistic Benchmark of Agent Capabilities Across Diverse Domains").first)
        let edges = graph.outgoing(paper).map { graph.edges[$0] }
        let described = Set(edges.map { "\($0.relation.rawValue) \(graph.nodes[$0.to].kind.rawValue):\(graph.nodes[$0.to].name)" })
        #expect(described == ["INTRODUCES Benchmark:MMAU", "HAS_CODE Repository:github.com/apple/axlearn"])
        #expect(edges.allSatisfy { !$0.evidence.isEmpty })
        // GSM8K appears in several papers and is one node.
        let gsm8k = try #require(graph.index(of: NodeID(.benchmark, "GSM8K")))
        #expect(graph.incoming(gsm8k).count >= 2)
    }

    @Test("the GraphML validates against the GraphML XSD with libxml2")
    func graphMLValidates() throws {
        let data = try Exporter.graphML(graph)
        #expect(XMLValidation.validate(data, schema: Self.graphMLSchema) == [])
    }

    @Test("Graphviz's own dot accepts the DOT")
    func dotIsAccepted() throws {
        let dot = try Exporter.dot(graph)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-Tsvg", "-o", "/dev/null"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "dot rejected the DOT: \(message)")
    }

    @Test("the SVG rendered by libgvc is well-formed with one node group per graph node")
    func svgHasOneGroupPerNode() throws {
        let graph = try graph
        let svg = try Exporter.render(graph, format: .svg)
        #expect(XMLValidation.parse(svg).error == nil)
        // The legend draws one sample node per kind (ids `legend_<Kind>`); the rest are the graph's.
        let groups = XMLValidation.xpath(svg, "//*[local-name()='g'][@class='node'][not(starts-with(@id, 'legend_'))]/@id")
        #expect(groups.count == graph.nodeCount)
        #expect(Set(groups).count == groups.count)
    }
}
