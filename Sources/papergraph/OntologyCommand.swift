import ArgumentParser
import Foundation
import PaperGraph

/// `papergraph ontology check [DIR]`: validate the ontology files a user edited.
struct OntologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ontology", abstract: "Work with the ontology (schema and gazetteers).",
        subcommands: [Check.self, Turtle.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate an ontology directory: schema, gazetteers, aliases, case rules.")

        @Argument(help: "Ontology directory (default: the bundled ontology/).")
        var directory: String?

        func run() throws {
            guard let dir = directory ?? Ontology.defaultDirectory() else {
                throw ValidationError("cannot find the ontology directory; pass one")
            }
            let (ontology, issues) = Ontology.check(directory: dir)
            for issue in issues { printError(issue.description) }
            let errors = issues.filter { $0.severity == .error }.count
            if let ontology, errors == 0 {
                print("\(dir): ok — \(ontology.benchmarks.count) benchmarks, \(ontology.methods.count) methods, "
                      + "\(ontology.schema.relations.count) relations"
                      + (issues.isEmpty ? "" : ", \(issues.count) warning(s)"))
            } else {
                print("\(dir): \(errors) error(s)")
                throw ExitCode.failure
            }
        }
    }
}

extension OntologyCommand {
    /// `papergraph ontology turtle`: the schema as OWL in Turtle.
    struct Turtle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the schema as OWL in Turtle (ontology/papergraph.ttl is this output).")

        @OptionGroup var ontology: OntologyOptions

        func run() throws {
            print(try ontology.load().turtle, terminator: "")
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
