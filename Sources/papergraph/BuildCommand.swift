import ArgumentParser
import PaperGraph

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "(not yet available)")

    func run() throws {
        throw ValidationError("'build' is not implemented yet")
    }
}
