import Foundation
import PaperGraphModel

/// The export formats of `papergraph export`.
public enum ExportFormat: String, CaseIterable, Sendable {
    case graphml, dot, svg, png, pdf, json, csv, ntriples, html

    /// The default file (or directory, for CSV) name under `output/`.
    public var defaultFileName: String {
        switch self {
        case .csv: return "papergraph-csv"
        case .ntriples: return "papergraph.nt"
        default: return "papergraph.\(rawValue)"
        }
    }
}

/// The exporters' public entry points, for the CLI and the `build` pipeline.
///
/// ```swift
/// try Exporter.write(Exporter.graphML(graph), to: "output/papergraph.graphml")
/// try Exporter.write(Exporter.dot(graph), to: "output/papergraph.dot")
/// try Exporter.write(Exporter.render(graph, format: .svg), to: "output/papergraph.svg")
/// try Exporter.write(Exporter.renderMap(ConceptMap(graph), format: .svg), to: "output/map.svg")
/// ```
/// Rendering runs on ``GraphvizEngine/shared`` (libgvc is not thread-safe);
/// everything else is pure Swift plus libxml2's writer and may run anywhere.
public enum Exporter {
    /// GraphML (see ``GraphMLWriter``); `yed` adds yFiles shapes and colours.
    public static func graphML(_ graph: KnowledgeGraph, yed: Bool = false) throws(ExportError) -> Data {
        GraphMLWriter(graph: graph, yed: yed).data()
    }

    /// Writes GraphML straight into `path` (atomically), streaming rather than
    /// building the document in memory first: for 100k papers the document is
    /// ~430 MB, which would otherwise be held twice.
    public static func writeGraphML(_ graph: KnowledgeGraph, yed: Bool = false, to path: String) throws(ExportError) {
        let writer = GraphMLWriter(graph: graph, yed: yed)
        try AtomicFile.write(to: path) { (fd: Int32, temporary: String) throws(ExportError) in
            try writer.write(toFileDescriptor: fd, path: temporary)
        }
    }

    /// The drawing Graphviz would lay out for the whole graph.
    public static func drawing(_ graph: KnowledgeGraph, engine: LayoutEngine? = nil) -> DotGraph {
        GraphDrawing.make(graph, engine: engine ?? .automatic(nodeCount: graph.nodeCount))
    }

    /// DOT text written by cgraph, with shapes, colours, tooltips and links.
    public static func dot(_ graph: KnowledgeGraph, engine: LayoutEngine? = nil) throws(ExportError) -> String {
        try GraphvizEngine.shared.dot(drawing(graph, engine: engine))
    }

    /// SVG, PNG or PDF rendered in process by libgvc. Without an engine,
    /// `dot` for small graphs and `sfdp` (with overlap removal) for large ones.
    public static func render(_ graph: KnowledgeGraph, format: RenderFormat,
                              engine: LayoutEngine? = nil) throws(ExportError) -> Data {
        let engine = engine ?? .automatic(nodeCount: graph.nodeCount)
        return try GraphvizEngine.shared.render(drawing(graph, engine: engine), format: format, engine: engine)
    }

    /// A concept map as DOT text.
    public static func mapDOT(_ map: ConceptMap, engine: LayoutEngine = .neato) throws(ExportError) -> String {
        try GraphvizEngine.shared.dot(map.drawing(engine: engine))
    }

    /// A concept map rendered by libgvc.
    public static func renderMap(_ map: ConceptMap, format: RenderFormat,
                                 engine: LayoutEngine = .neato) throws(ExportError) -> Data {
        try GraphvizEngine.shared.render(map.drawing(engine: engine), format: format, engine: engine)
    }

    /// NetworkX / D3 node-link JSON.
    public static func nodeLinkJSON(_ graph: KnowledgeGraph) -> String { NodeLinkJSON.text(graph) }

    /// CSV files for `neo4j-admin database import` and Kuzu `COPY FROM`,
    /// as (relative path, contents); see ``writeCSV(_:to:)``.
    public static func csvFiles(_ graph: KnowledgeGraph) -> [(path: String, text: String)] { CSVTables.files(graph) }

    /// N-Triples using the ontology namespace (`Ontology.schema.namespace`).
    public static func nTriples(_ graph: KnowledgeGraph, namespace: String) -> String {
        NTriples.text(graph, namespace: namespace)
    }

    /// A standalone HTML page with the rendered SVG and a node list.
    public static func htmlMap(_ graph: KnowledgeGraph, title: String = "papergraph",
                               engine: LayoutEngine? = nil) throws(ExportError) -> String {
        HTMLMap.page(graph, svg: try render(graph, format: .svg, engine: engine), title: title)
    }

    /// Writes bytes atomically (temporary file, fsync, rename).
    public static func write(_ data: Data, to path: String) throws(ExportError) {
        try AtomicFile.write(data, to: path)
    }

    /// Writes text atomically as UTF-8.
    public static func write(_ text: String, to path: String) throws(ExportError) {
        try AtomicFile.write(text, to: path)
    }

    /// Writes the CSV directory: `directory/neo4j/…` and `directory/kuzu/…`,
    /// each file atomically.
    public static func writeCSV(_ graph: KnowledgeGraph, to directory: String) throws(ExportError) {
        for file in csvFiles(graph) {
            try AtomicFile.write(file.text, to: (directory as NSString).appendingPathComponent(file.path))
        }
    }

    /// Exports in any format to `path` (a directory for CSV): the one call the CLI needs.
    public static func export(_ graph: KnowledgeGraph, format: ExportFormat, to path: String,
                              engine: LayoutEngine? = nil, yed: Bool = false,
                              namespace: String) throws(ExportError) {
        switch format {
        case .graphml: try writeGraphML(graph, yed: yed, to: path)
        case .dot: try write(dot(graph, engine: engine), to: path)
        case .svg: try write(render(graph, format: .svg, engine: engine), to: path)
        case .png: try write(render(graph, format: .png, engine: engine), to: path)
        case .pdf: try write(render(graph, format: .pdf, engine: engine), to: path)
        case .json: try write(nodeLinkJSON(graph), to: path)
        case .csv: try writeCSV(graph, to: path)
        case .ntriples: try write(nTriples(graph, namespace: namespace), to: path)
        case .html: try write(htmlMap(graph, engine: engine), to: path)
        }
    }
}
