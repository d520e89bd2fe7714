import ArgumentParser
import PaperGraph

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "(not yet available)")

    func run() throws {
        throw ValidationError("'export' is not implemented yet")
    }
}
