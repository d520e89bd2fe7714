import Foundation
import PaperGraphOntology

/// Test ontologies. `Fixtures/valid/` is a complete, valid ontology directory;
/// each `Fixtures/broken/<case>/` holds only the file that differs from it, so
/// a broken directory shows exactly one mistake and nothing else to maintain.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static var valid: String { root.appendingPathComponent("valid").path }

    /// The outcome of checking one broken ontology.
    struct Checked {
        /// The directory that was checked; issue messages name files inside it.
        var directory: String
        var ontology: Ontology?
        var issues: [OntologyIssue]

        var errors: [OntologyIssue] { issues.filter { $0.severity == .error } }

        /// The path of a file of the checked directory, as messages write it.
        func path(_ file: String) -> String { (directory as NSString).appendingPathComponent(file) }
    }

    /// Assembles `valid/` overlaid with `broken/<name>/` in a fresh temporary
    /// directory and checks it.
    static func check(broken name: String) throws -> Checked {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("papergraph-ontology-\(name)-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        for source in [URL(fileURLWithPath: valid), root.appendingPathComponent("broken/\(name)")] {
            for file in try fm.contentsOfDirectory(atPath: source.path) {
                let target = dir.appendingPathComponent(file)
                try? fm.removeItem(at: target)
                try fm.copyItem(at: source.appendingPathComponent(file), to: target)
            }
        }
        let (ontology, issues) = Ontology.check(directory: dir.path)
        return Checked(directory: dir.path, ontology: ontology, issues: issues)
    }
}
