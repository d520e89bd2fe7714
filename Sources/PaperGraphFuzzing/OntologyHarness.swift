import Foundation
import PaperGraphOntology

/// Feeds fuzz bytes to the ontology loader and validator as `benchmarks.yaml`,
/// beside the repository's real `schema.yaml` and a one-entry `methods.yaml`
/// (small, so each run parses mostly fuzz bytes).
enum OntologyHarness {
    /// A private directory for this process, set up once.
    static let directory: String = {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("papergraph-fuzz-ontology-\(getpid())").path
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let schema = FuzzSeeds.repository.appendingPathComponent("ontology").appendingPathComponent(Ontology.File.schema)
            try Data(contentsOf: schema).write(to: URL(fileURLWithPath: dir).appendingPathComponent(Ontology.File.schema))
            try Data("- name: \"reinforcement learning\"\n  aliases: [\"RL\"]\n  case: ignore\n".utf8)
                .write(to: URL(fileURLWithPath: dir).appendingPathComponent(Ontology.File.methods))
        } catch {
            fatalError("fuzz harness: cannot set up \(dir): \(error)")
        }
        return dir
    }()

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        // swift-foundation's FileManager.contents(atPath:) leaks its 4 KiB read
        // buffer for an empty file on Linux (the zero-size fast path), which
        // LeakSanitizer reports on every run of an empty input. Not ours, and the
        // loader reads each file once per run; so empty input is not fuzzed.
        guard !bytes.isEmpty else { return }
        let file = URL(fileURLWithPath: directory).appendingPathComponent(Ontology.File.benchmarks)
        do {
            try Data(buffer: bytes).write(to: file)
        } catch {
            fatalError("fuzz harness: cannot write \(file.path): \(error)")
        }
        _ = Ontology.check(directory: directory)
    }
}
