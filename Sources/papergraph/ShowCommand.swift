import ArgumentParser
import PaperGraph

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "(not yet available)")

    func run() throws {
        throw ValidationError("'show' is not implemented yet")
    }
}
