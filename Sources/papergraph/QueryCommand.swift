import ArgumentParser
import PaperGraph

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "query", abstract: "(not yet available)")

    func run() throws {
        throw ValidationError("'query' is not implemented yet")
    }
}
