import ArgumentParser
import PaperGraph
import PaperGraphQuery

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Show a shortest path between two nodes (relationships in either direction).",
        discussion: "Example: papergraph path LoRA GSM8K")

    @Argument(help: "Where the path starts.")
    var from: String

    @Argument(help: "Where the path ends.")
    var to: String

    @Option(name: .customLong("max-depth"), help: "Longest path to look for.")
    var maxDepth: Int = 10

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: QueryOutputOptions

    func validate() throws {
        guard maxDepth >= 1 else { throw ValidationError("--max-depth must be at least 1") }
    }

    func run() throws {
        let graph = try loadStoredGraph(store.path)
        let engine = QueryEngine(graph: graph)
        try output.emit(graph: graph) { try engine.shortestPath(from: from, to: to, maxDepth: maxDepth, limits: output.limits) }
    }
}
