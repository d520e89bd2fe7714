import ArgumentParser
import PaperGraph

struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "neighbors", abstract: "(not yet available)")

    func run() throws {
        throw ValidationError("'neighbors' is not implemented yet")
    }
}
