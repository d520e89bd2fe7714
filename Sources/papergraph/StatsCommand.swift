import ArgumentParser
import PaperGraph

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "(not yet available)")

    func run() throws {
        throw ValidationError("'stats' is not implemented yet")
    }
}
