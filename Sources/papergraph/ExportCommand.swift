import ArgumentParser
import Foundation
import PaperGraph
import PaperGraphExport

/// `papergraph export`: write the graph (or part of it) for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the graph: GraphML, DOT, SVG/PNG/PDF, node-link JSON, CSV, N-Triples or an HTML map.",
        discussion: """
        GraphML opens in Gephi, Cytoscape, yEd (--yed adds shapes and colours), NetworkX and igraph.
        CSV writes a directory with neo4j/ (neo4j-admin database import) and kuzu/ (one file per \
        table plus load.cypher). Writes are atomic: an interrupted export leaves the old file.
        """)

    @Option(help: "Output format.")
    var format: ExportFormat = .graphml

    @Flag(help: "GraphML for yEd: yFiles shapes and colours by node kind.")
    var yed = false

    @Option(help: "Layout engine for svg/png/pdf/html (default: dot up to 40 nodes, else sfdp with overlap removal).")
    var engine: LayoutEngine?

    @Option(help: "Export only the neighbourhood of this method, benchmark, paper (arXiv id or title) or repository.")
    var around: String?

    @Option(help: "How many edges away from --around to go (both directions).")
    var depth = 1

    @Option(help: "Export only the nodes an openCypher query returns, e.g. 'MATCH (p:Paper)-[:EVALUATES_ON]->(b) RETURN p, b'.")
    var query: String?

    @Option(help: "Output file (a directory for csv). Default: output/papergraph.<format>.")
    var out: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var ontology: OntologyOptions

    func validate() throws {
        if yed && format != .graphml { throw ValidationError("--yed applies to --format graphml only") }
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if around != nil && query != nil { throw ValidationError("use either --around or --query, not both") }
    }

    func run() throws {
        let graph = try selectGraph(storePath: store.path, around: around, depth: depth, query: query)
        let path = out ?? "output/" + format.defaultFileName
        // Only N-Triples needs the ontology (for its namespace).
        let namespace = format == .ntriples ? try ontology.load().schema.namespace : ""
        do {
            try Exporter.export(graph, format: format, to: path, engine: engine, yed: yed, namespace: namespace)
        } catch {
            printError("papergraph export: \(error.description)")
            throw ExitCode.failure
        }
        print("\(path): \(format.rawValue), \(graph.nodeCount) nodes, \(graph.edgeCount) edges")
    }
}

/// The graph `export` and `map` work on: the stored graph, narrowed by
/// `--around NAME --depth N` or by `--query`.
func selectGraph(storePath: String, around: String?, depth: Int, query: String?) throws -> KnowledgeGraph {
    let graph = try loadStoredGraph(storePath)
    if let around {
        do {
            return try graph.subgraph(around: around, depth: depth)
        } catch {
            printError("papergraph: \(error.description)")
            throw ExitCode.failure
        }
    }
    if let query { return graph.subgraph(keeping: try nodesMatching(query: query, in: graph)) }
    return graph
}

/// The nodes an openCypher query refers to (see ``QueryResult/referencedNodes(in:)``).
func nodesMatching(query: String, in graph: KnowledgeGraph) throws -> Set<Int> {
    do {
        return try QueryEngine(graph: graph).run(query).referencedNodes(in: graph)
    } catch let error as QueryError {
        printError("papergraph: --query: " + error.render(query: query))
        throw ExitCode.failure
    }
}

extension ExportFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
