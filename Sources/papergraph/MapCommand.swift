import ArgumentParser
import PaperGraph

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "map", abstract: "(not yet available)")

    func run() throws {
        throw ValidationError("'map' is not implemented yet")
    }
}
