import Foundation
import PaperGraph
import Testing

/// Extraction on several threads gives what one thread gives, in input order,
/// whatever the batch size and however many threads share a batch.
@Suite struct ParallelExtractionTests {
    static let ontologyDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("ontology").path

    /// The bundled sample's papers, each repeated (so batches hold more than one chunk).
    static func records() throws -> [PaperRecord] {
        guard let sample = Sample.path else { throw CocoaError(.fileNoSuchFile) }
        var records: [PaperRecord] = []
        _ = try Ingestor(options: IngestOptions()).read(inputs: [sample], onItem: { item in
            if case .paper(let record) = item { records.append(record) }
        }, onWarning: { _ in })
        return Array(repeating: records, count: 4).flatMap { $0 }
    }

    @Test("pipelined extraction matches one thread, in input order", arguments: [(2, 7), (2, 100), (3, 64), (2, 4_096)])
    func matchesOneThread(jobs: Int, batchSize: Int) throws {
        let extractor = Extractor(ontology: try Ontology.load(from: Self.ontologyDirectory))
        let records = try Self.records()
        #expect(records.count == 4 * 54)
        let serial = records.map { ($0.title, extractor.extract($0)) }
        var pipelined: [(String, Extraction)] = []
        let pipeline = PipelinedExtraction(extractor: extractor, jobs: jobs, batchSize: batchSize,
                                           transform: { record, found in (record.title, found) },
                                           consume: { pipelined += $0 })
        for record in records { try pipeline.add(record) }
        try pipeline.flush()
        #expect(pipelined.map(\.0) == serial.map(\.0))
        #expect(pipelined.map(\.1) == serial.map(\.1))
    }

    @Test("extractAll on several threads matches one thread")
    func extractAllMatches() throws {
        let extractor = Extractor(ontology: try Ontology.load(from: Self.ontologyDirectory))
        let records = try Self.records()
        let one = extractor.extractAll(records, jobs: 1) { _, found in found }
        let two = extractor.extractAll(records, jobs: 2) { _, found in found }
        #expect(one == two)
        #expect(one.count == records.count)
    }
}
