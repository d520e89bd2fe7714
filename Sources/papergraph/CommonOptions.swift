import ArgumentParser
import PaperGraph

/// Options every command that touches the ontology shares.
struct OntologyOptions: ParsableArguments {
    @Option(name: .customLong("ontology"), help: "Ontology directory (default: the bundled ontology/).")
    var directory: String?

    /// Loads the ontology, turning its problems into a clean exit with every message.
    func load() throws -> Ontology {
        guard let dir = directory ?? Ontology.defaultDirectory() else {
            throw ValidationError("cannot find the ontology directory; pass --ontology DIR or set PAPERGRAPH_ONTOLOGY")
        }
        do {
            return try Ontology.load(from: dir)
        } catch {
            throw CleanExit.message(error.description)
        }
    }
}

/// The store location option shared by commands that read or write the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: "The SQLite graph store.")
    var path: String = "output/papergraph.sqlite"
}
