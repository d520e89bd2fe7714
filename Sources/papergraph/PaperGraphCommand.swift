import ArgumentParser

/// The `papergraph` command line: a thin layer over the `PaperGraph` library.
@main
struct PaperGraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "papergraph",
        abstract: "Build a knowledge graph of methods, benchmarks and code from research-paper abstracts.",
        subcommands: [
            BuildCommand.self, ExtractCommand.self, ShowCommand.self, StatsCommand.self,
            QueryCommand.self, PapersCommand.self, NeighborsCommand.self, PathCommand.self,
            ExportCommand.self, MapCommand.self, OntologyCommand.self,
        ])
}
