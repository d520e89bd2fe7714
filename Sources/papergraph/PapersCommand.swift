import ArgumentParser
import PaperGraph

struct PapersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "papers", abstract: "(not yet available)")

    func run() throws {
        throw ValidationError("'papers' is not implemented yet")
    }
}
