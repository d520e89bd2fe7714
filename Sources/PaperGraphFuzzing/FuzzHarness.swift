import PaperGraphIngest

/// One fuzz target per parser papergraph runs on untrusted bytes.
///
/// The harnesses live in an ordinary library, always built and tested, so the
/// libFuzzer driver (`papergraph-fuzz`, built only with `PAPERGRAPH_FUZZ=1`)
/// and the in-process smoke test (`PaperGraphFuzzingTests`) run the same code.
/// A harness only has to *return*: any crash, trap, sanitizer report, hang or
/// runaway allocation is the finding.
public enum FuzzHarness: String, CaseIterable, Sendable {
    /// Each ingest reader with its format forced, so the sniffer cannot route
    /// garbage away from it.
    case listing, atom, oaipmh, jsonl, html, graphml
    /// The ingest entry point as the CLI uses it: gzip detection and format sniffing.
    case sniffed
    /// `Extractor.extract` (and the graph fragment and JSON built from it) on a
    /// record whose title, abstract and comment come from the bytes.
    case extractor
    /// The query engine (lexer, parser, binder, evaluator) on the bytes as a Cypher query.
    case query
    /// The ontology loader and validator on the bytes as `benchmarks.yaml`.
    case ontology

    /// Runs the harness once on `bytes`.
    public static func run(_ harness: FuzzHarness, _ bytes: UnsafeBufferPointer<UInt8>) {
        switch harness {
        case .listing: ingest(bytes, as: .listing)
        case .atom: ingest(bytes, as: .atom)
        case .oaipmh: ingest(bytes, as: .oaipmh)
        case .jsonl: ingest(bytes, as: .jsonl)
        case .html: ingest(bytes, as: .html)
        case .graphml: ingest(bytes, as: .graphml)
        case .sniffed: ingest(bytes, as: nil)
        case .extractor: ExtractorHarness.run(bytes)
        case .query: QueryHarness.run(bytes)
        case .ontology: OntologyHarness.run(bytes)
        }
    }

    /// Convenience for tests and seeds held as arrays.
    public static func run(_ harness: FuzzHarness, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { run(harness, $0) }
    }

    private static func ingest(_ bytes: UnsafeBufferPointer<UInt8>, as format: InputFormat?) {
        // Records and warnings are dropped: the readers' own tests check them.
        _ = try? Ingestor(options: IngestOptions(format: format))
            .read(bytes: Array(bytes), name: "fuzz-input", onItem: { _ in }, onWarning: { _ in })
    }
}
