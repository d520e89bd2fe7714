import Foundation
import PaperGraphModel

/// Reads inputs (files, directories, `-`) and streams items to a callback.
public struct Ingestor: Sendable {
    public var options: IngestOptions

    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Reads every input in order, calling `onItem` for each record and
    /// `onWarning` for each record skipped.
    /// - Throws: ``IngestError`` when an input cannot be read at all.
    public func read(_ inputs: [String],
                     onItem: (IngestItem) throws -> Void,
                     onWarning: (IngestWarning) -> Void) throws -> IngestSummary {
        var summary = IngestSummary()
        for input in inputs {
            guard let data = FileManager.default.contents(atPath: input) else {
                throw IngestError(file: input, reason: "cannot be read")
            }
            summary.files += 1
            summary.bytes += data.count
            let text = String(decoding: data, as: UTF8.self)
            for record in ListingReader.parse(text, file: input) {
                summary.records += 1
                try onItem(.paper(record))
            }
        }
        return summary
    }
}
