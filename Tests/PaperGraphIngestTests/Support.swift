import Foundation
import PaperGraphModel
@testable import PaperGraphIngest

/// The fixtures directory beside this file.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

/// What one ingest run produced.
struct Ingested {
    var papers: [PaperRecord] = []
    var fragments: [GraphFragment] = []
    var warnings: [IngestWarning] = []
    var summary = IngestSummary()

    func paper(_ arxivID: String) -> PaperRecord? { papers.first { $0.arxivID == arxivID } }
}

func ingest(_ inputs: [String], format: InputFormat? = nil) throws -> Ingested {
    var result = Ingested()
    result.summary = try Ingestor(options: IngestOptions(format: format)).read(inputs: inputs, onItem: { item in
        switch item {
        case .paper(let record): result.papers.append(record)
        case .graph(let fragment): result.fragments.append(fragment)
        }
    }, onWarning: { result.warnings.append($0) })
    return result
}

/// A fresh temporary directory, removed by the caller with `cleanup()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("papergraph-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    var path: String { url.path }

    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// A 220-character abstract paragraph for listing-layout inputs.
let sampleAbstract = String(repeating: "We study a method and report results on a benchmark. ", count: 4)
