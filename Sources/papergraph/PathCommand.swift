import ArgumentParser
import PaperGraph

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "(not yet available)")

    func run() throws {
        throw ValidationError("'path' is not implemented yet")
    }
}
