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
        let out = FileHandle.standardOutput
        // Papers are extracted on `jobs` threads while the next ones are read;
        // lines come out in input order.
        let extraction = PipelinedExtraction(
            extractor: Extractor(ontology: ontology), jobs: jobs,
            transform: { record, extraction in ExtractionJSON.line(for: record, extraction: extraction) },
            consume: { lines in out.write(Data((lines.joined(separator: "\n") + "\n").utf8)) })
        do {
            _ = try Ingestor(options: options).read(inputs: sources, onItem: { item in
                guard case .paper(let record) = item else { return }
                try extraction.add(record)
            }, onWarning: { warning in
                printError("warning: \(warning)")
            })
        } catch {
            // What was read before the unreadable input is still extracted and written.
            try extraction.flush()
            throw error
        }
        try extraction.flush()
    }
}
