import Dispatch
import Foundation
import PaperGraphExtract
import PaperGraphIngest
import PaperGraphStore

/// What `papergraph build` does: read inputs, extract papers in parallel, write
/// their fragments to the store in input order, then load the stored graph.
///
/// Three things overlap: the ingest thread reads the next batch of papers while
/// worker threads extract the current one (``PipelinedExtraction``), and the
/// store's ``BackgroundWriter`` commits the previous one — so a build costs about
/// its slowest stage, not their sum.
public struct BuildPipeline: Sendable {
    /// Settings of one build.
    public struct Options: Sendable {
        public var inputs: [String]
        public var storePath: String
        public var format: InputFormat?
        public var progress: Bool
        /// Threads extracting at once (default: one per core).
        public var jobs: Int

        public init(inputs: [String], storePath: String, format: InputFormat? = nil, progress: Bool = false,
                    jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.inputs = inputs
            self.storePath = storePath
            self.format = format
            self.progress = progress
            self.jobs = max(1, jobs)
        }
    }

    /// What a build did.
    public struct Report: Sendable {
        public var ingest: IngestSummary
        public var written: WriteSummary
        /// Seconds spent reading, extracting and writing (not loading or exporting).
        public var seconds: Double
    }

    /// Papers extracted together and handed to the writer as one chunk.
    static let batchSize = 4_096

    public let ontology: Ontology
    private let extractor: Extractor
    private let assembler: EncodedAssembler

    public init(ontology: Ontology) {
        self.ontology = ontology
        self.extractor = Extractor(ontology: ontology)
        self.assembler = EncodedAssembler(ontology: ontology)
    }

    /// Reads every input into the store. Warnings about skipped records go to
    /// `onWarning` as they happen. If reading fails part-way, everything read
    /// before the failure is still committed before the error is thrown.
    public func run(_ options: Options, onWarning: (IngestWarning) -> Void) throws -> Report {
        let started = DispatchTime.now()
        let storeDirectory = (options.storePath as NSString).deletingLastPathComponent
        if !storeDirectory.isEmpty {
            try FileManager.default.createDirectory(atPath: storeDirectory, withIntermediateDirectories: true)
        }
        let writer = try BackgroundWriter(path: options.storePath)
        let assembler = self.assembler
        let extraction = PipelinedExtraction(
            extractor: extractor, jobs: options.jobs, batchSize: Self.batchSize,
            // Assembled and encoded here, on the extraction threads, so the writer thread only writes.
            transform: { record, extraction in assembler.fragment(for: record, extraction: extraction) },
            consume: { fragments in try writer.submit(fragments) })
        let ingestor = Ingestor(options: IngestOptions(format: options.format, progress: options.progress))
        let ingested: IngestSummary
        do {
            ingested = try ingestor.read(inputs: options.inputs, onItem: { item in
                switch item {
                case .paper(let record):
                    try extraction.add(record)
                case .graph(let fragment):
                    try extraction.flush()
                    try writer.submit([fragment])
                }
            }, onWarning: onWarning)
            try extraction.flush()
        } catch {
            // Keep what was read: commit it, then report the failure.
            try? extraction.flush()
            _ = try? writer.finish()
            throw error
        }
        let written = try writer.finish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return Report(ingest: ingested, written: written, seconds: seconds)
    }
}
