import ArgumentParser
import Foundation
import PaperGraph
import PaperGraphExport

/// `papergraph map`: a concept map of methods and benchmarks, papers collapsed
/// into weighted links, capped at a readable size.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a concept map: methods and benchmarks, linked by the papers that join them.")

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case svg, png, pdf, dot
    }

    @Option(help: "Map only the neighbourhood of this name (see `export --around`).")
    var around: String?

    @Option(help: "How many edges away from --around to go.")
    var depth = 2

    @Option(help: "Map only the nodes an openCypher query returns (see `export --query`).")
    var query: String?

    @Option(name: .customLong("max-nodes"), help: "Most concepts to draw; the caption says what was left out.")
    var maxNodes = 60

    @Option(help: "Output format.")
    var format: Format = .svg

    @Option(help: "Layout engine (neato spreads the map; dot draws methods and benchmarks in two columns).")
    var engine: LayoutEngine = .neato

    @Option(help: "Output file. Default: output/map.<format>.")
    var out: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if maxNodes < 1 { throw ValidationError("--max-nodes must be at least 1") }
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
        if around != nil && query != nil { throw ValidationError("use either --around or --query, not both") }
    }

    func run() throws {
        let graph = try selectGraph(storePath: store.path, around: around, depth: depth, query: query)
        let map = ConceptMap(graph, maxNodes: maxNodes)
        let path = out ?? "output/map.\(format.rawValue)"
        do {
            switch format {
            case .dot: try Exporter.write(Exporter.mapDOT(map, engine: engine), to: path)
            case .svg: try Exporter.write(Exporter.renderMap(map, format: .svg, engine: engine), to: path)
            case .png: try Exporter.write(Exporter.renderMap(map, format: .png, engine: engine), to: path)
            case .pdf: try Exporter.write(Exporter.renderMap(map, format: .pdf, engine: engine), to: path)
            }
        } catch {
            printError("papergraph map: \(error.description)")
            throw ExitCode.failure
        }
        print("\(path): \(map.concepts.count) concepts, \(map.links.count) links"
              + (map.omittedConcepts > 0 ? " (\(map.omittedConcepts) concepts left out)" : ""))
    }
}
