import ArgumentParser
import PaperGraph
import PaperGraphQuery

struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "Show what a node is connected to, nearest first.",
        discussion: "NAME is a benchmark, method, repository, arXiv id or key; Kind:NAME picks the kind (Method:MATH).")

    @Argument(help: "The node's name.")
    var name: String

    @Option(help: "How many relationships away to look.")
    var depth: Int = 1

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: QueryOutputOptions

    func validate() throws {
        guard depth >= 1 else { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        let graph = try loadStoredGraph(store.path)
        let engine = QueryEngine(graph: graph)
        try output.emit(graph: graph) { try engine.neighbors(of: name, depth: depth, limits: output.limits) }
    }
}
