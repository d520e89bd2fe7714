import ArgumentParser
import Foundation
import PaperGraph

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

    @Option(help: "Extraction threads (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

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
        var batch: [PaperRecord] = []
        // Papers are extracted in parallel batches; lines come out in input order.
        func flush() {
            guard !batch.isEmpty else { return }
            let lines = extractor.extractAll(batch, jobs: jobs) { record, extraction in
                ExtractionJSON.line(for: record, extraction: extraction)
            }
            out.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            batch.removeAll(keepingCapacity: true)
        }
        do {
            _ = try Ingestor(options: options).read(inputs: sources, onItem: { item in
                guard case .paper(let record) = item else { return }
                batch.append(record)
                if batch.count >= 2_048 { flush() }
            }, onWarning: { warning in
                printError("warning: \(warning)")
            })
        } catch {
            // What was read before the unreadable input is still extracted and written.
            flush()
            throw error
        }
        flush()
    }
}
