import Foundation
import PaperGraphExtract
import PaperGraphModel
import PaperGraphOntology

/// Feeds fuzz bytes to the extractor as a paper: the first line is the title,
/// the rest the abstract, and anything after a form feed the arXiv comment.
enum ExtractorHarness {
    /// The repository's real ontology, loaded once: the extractor's behaviour
    /// depends on its gazetteers, so fuzzing with a toy one would miss paths.
    static let ontology: Ontology = {
        do {
            return try Ontology.load(from: FuzzSeeds.repository.appendingPathComponent("ontology").path)
        } catch {
            fatalError("fuzz harness: cannot load the repository ontology: \(error)")
        }
    }()
    static let extractor = Extractor(ontology: ontology)

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.split(separator: "\u{0C}", maxSplits: 1, omittingEmptySubsequences: false)
        let body = parts[0]
        let titleEnd = body.firstIndex(of: "\n") ?? body.endIndex
        let title = String(body[..<titleEnd])
        let abstract = titleEnd < body.endIndex ? String(body[body.index(after: titleEnd)...]) : ""
        let record = PaperRecord(arxivID: nil, title: title, abstract: abstract,
                                 comment: parts.count > 1 ? String(parts[1]) : nil,
                                 sourceFormat: "fuzz", location: SourceLocation(file: "fuzz-input", line: 1))
        let extraction = extractor.extract(record)
        _ = GraphAssembler.fragment(for: record, extraction: extraction, ontology: ontology)
        _ = ExtractionJSON.line(for: record, extraction: extraction)
    }
}
