import ArgumentParser
import PaperGraph
import PaperGraphQuery

struct PapersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "papers",
        abstract: "List papers by the benchmarks they evaluate on, the methods they use, or their code.",
        discussion: """
            Names match case- and punctuation-insensitively and through aliases (GSM-8K finds GSM8K). \
            Several names of one kind match papers with any of them; --all requires every one. \
            Example: papergraph papers --benchmark MATH --benchmark GSM8K
            """)

    @Option(name: .customLong("benchmark"), help: "A benchmark the paper evaluates on. Repeatable.")
    var benchmarks: [String] = []

    @Option(name: .customLong("method"), help: "A method the paper proposes or uses. Repeatable.")
    var methods: [String] = []

    @Option(name: .customLong("repo"), help: "A repository with the paper's code (host/owner/name or URL). Repeatable.")
    var repositories: [String] = []

    @Flag(name: .customLong("all"), help: "Require every named benchmark, method and repository, not any one.")
    var requireAll = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: QueryOutputOptions

    func run() throws {
        let graph = try loadStoredGraph(store.path)
        let engine = QueryEngine(graph: graph)
        let filter = PaperFilter(benchmarks: benchmarks, methods: methods, repositories: repositories, requireAll: requireAll)
        try output.emit(graph: graph) { try engine.papers(filter, limits: output.limits) }
    }
}
