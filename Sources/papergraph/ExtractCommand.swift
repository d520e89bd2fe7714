import ArgumentParser
import Foundation
import PaperGraph
import PaperGraphExtract
import PaperGraphIngest

/// `papergraph extract [INPUT…]`: run the extractor and print what it found,
/// one JSON object per paper (the evaluation format, with evidence).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract methods, benchmarks and code links from abstracts (JSON Lines on standard output).")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case jsonl
    }

    @Argument(help: "Input files or directories (default: the bundled sample).")
    var inputs: [String] = []

    @Option(help: "Output format.")
    var format: OutputFormat = .jsonl

    @Option(name: .customLong("from"), help: "Input format (default: detected from the content).")
    var inputFormat: String?

    @OptionGroup var ontologyOptions: OntologyOptions

    func run() throws {
        let ontology = try ontologyOptions.load()
        var sources = inputs
        if sources.isEmpty {
            guard let sample = Sample.path else { throw ValidationError("the bundled sample is missing; pass an input file") }
            sources = [sample]
        }
        var options = IngestOptions()
        if let inputFormat {
            guard let parsed = InputFormat(rawValue: inputFormat) else {
                throw ValidationError("unknown input format '\(inputFormat)' (known: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            options.format = parsed
        }
        let extractor = Extractor(ontology: ontology)
        let out = FileHandle.standardOutput
        var buffer = ""
        buffer.reserveCapacity(1 << 20)
        do {
            _ = try Ingestor(options: options).read(inputs: sources, onItem: { item in
                guard case .paper(let record) = item else { return }
                buffer += ExtractionJSON.line(for: record, extraction: extractor.extract(record))
                buffer += "\n"
                if buffer.utf8.count >= 1 << 20 {
                    out.write(Data(buffer.utf8))
                    buffer.removeAll(keepingCapacity: true)
                }
            }, onWarning: { warning in
                printError("warning: \(warning)")
            })
        } catch {
            // What was extracted before the unreadable input is still written.
            out.write(Data(buffer.utf8))
            throw error
        }
        out.write(Data(buffer.utf8))
    }
}
