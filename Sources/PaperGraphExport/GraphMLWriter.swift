import Foundation
import PaperGraphModel

/// Writes a ``KnowledgeGraph`` as GraphML.
///
/// The file is meant to open unchanged in Gephi, Cytoscape, yEd, NetworkX and
/// igraph, and to validate against the GraphML 1.0 schema:
/// - every node carries `kind`, `key`, `name` and `label` (Gephi shows `label`,
///   Cytoscape `name`), papers `title` and, when known, `url` and `published`,
///   and then every other property, each declared by a `<key>` whose `attr.type`
///   fits all values of that name (mixed types become `string`);
/// - list properties are written as a JSON array string — the GraphML reader
///   resolves keys by `attr.name` and decodes these arrays back;
/// - edges carry `relation`, `evidence` (a JSON array of
///   `{rule, field, sentence, start, end}`) and `weight` (evidence count, at least 1);
/// - ids come from ``StableOrder`` and are valid NMTOKENs.
///
/// The document is formatted straight into bytes (``GraphMLBytes``), laid out
/// and escaped exactly as libxml2's `xmlTextWriter` (indent two spaces) wrote it
/// before; the tests hold the escaping to libxml2's and read every file back
/// with libxml2, NetworkX and igraph.
struct GraphMLWriter {
    let graph: KnowledgeGraph
    /// Adds yFiles node graphics (shape and colour by kind) for yEd.
    let yed: Bool

    private static let graphmlNS = "http://graphml.graphdrawing.org/xmlns"
    private static let yNS = "http://www.yworks.com/xml/graphml"

    /// How many bytes are formatted before they are handed to the file: large
    /// enough that `write(2)` calls are few, small enough to stay in cache.
    private static let chunkBytes = 1 << 20

    /// The document as bytes.
    func data() -> Data {
        var out = GraphMLBytes(capacity: 1 << 16)
        format(into: &out, flushingAt: .max) { (_: inout GraphMLBytes) in }
        return Data(out.bytes)
    }

    /// Streams the document into an open file descriptor (used for atomic file
    /// writes, so a large graph is never held in memory), formatting each chunk
    /// while ``GraphMLFileOutput`` writes the one before. The descriptor stays
    /// open; every `write(2)`, the last one included, is checked, so a full disk
    /// fails the export instead of leaving a truncated file to be renamed into place.
    func write(toFileDescriptor fd: Int32, path: String) throws(ExportError) {
        let capacity = Self.chunkBytes + (1 << 16)
        let output = GraphMLFileOutput(fd: fd, path: path, spare: GraphMLBytes(capacity: capacity))
        var out = GraphMLBytes(capacity: capacity)
        do throws(ExportError) {
            try format(into: &out, flushingAt: Self.chunkBytes) { (out: inout GraphMLBytes) throws(ExportError) in
                try output.handOver(&out)
            }
        } catch {
            try? output.finish()
            throw error
        }
        try output.finish(remaining: out.bytes)
    }

    /// Formats the whole document into `out`, calling `flush` whenever it holds
    /// `threshold` bytes or more, and once at the end.
    private func format<Failure: Error>(into out: inout GraphMLBytes, flushingAt threshold: Int,
                                        _ flush: (inout GraphMLBytes) throws(Failure) -> Void) throws(Failure) {
        let (order, columns) = Self.orderAndColumns(graph)
        let keys = GraphMLKeys(columns: columns, yed: yed)

        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"")
        out.attribute(Self.graphmlNS)
        out.raw("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        if yed {
            out.raw(" xmlns:y=\"")
            out.attribute(Self.yNS)
            out.raw("\"")
        }
        out.raw(" xsi:schemaLocation=\"")
        out.attribute("\(Self.graphmlNS) http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
        out.raw("\">\n")
        keys.declare(into: &out)

        out.raw("  <graph id=\"papergraph\" edgedefault=\"directed\"")
        guard !order.nodes.isEmpty else {
            // libxml2 closed an element without children as `<graph …/>`.
            out.raw("/>\n</graphml>\n")
            return try flush(&out)
        }
        out.raw(">\n")

        var row = GraphMLKeys.PropertyRow()
        for (position, index) in order.nodes.enumerated() {
            let node = graph.nodes[index]
            out.raw("    <node id=\"n")
            out.decimal(position)
            out.raw("\">\n")
            keys.kind.data(node.kind.rawValue, into: &out)
            keys.key.data(node.id.key, into: &out)
            keys.name.data(node.name, into: &out)
            keys.label.data(node.name, into: &out)
            keys.properties(of: node, into: &row)
            for (column, value) in row.values { keys.columns[column].data(value, into: &out) }
            if let graphics = keys.graphics { writeShape(node, position: position, key: graphics, into: &out) }
            out.raw("    </node>\n")
            if out.count >= threshold { try flush(&out) }
        }

        for (position, index) in order.edges.enumerated() {
            let edge = graph.edges[index]
            let evidence = edge.evidence   // decoded once: a loaded edge decodes it at each read
            out.raw("    <edge id=\"e")
            out.decimal(position)
            out.raw("\" source=\"n")
            out.decimal(order.position[edge.from])
            out.raw("\" target=\"n")
            out.decimal(order.position[edge.to])
            out.raw("\">\n")
            keys.relation.data(edge.relation.rawValue, into: &out)
            out.raw(keys.evidence.open)
            Self.evidence(evidence, into: &out)
            out.raw("</data>\n")
            out.raw(keys.weight.open)
            out.decimal(max(1, evidence.count))
            out.raw("</data>\n")
            out.raw("    </edge>\n")
            if out.count >= threshold { try flush(&out) }
        }
        out.raw("  </graph>\n</graphml>\n")
        try flush(&out)
    }

    /// ``StableOrder`` and the ``PropertyColumns`` of all nodes, computed at once
    /// on two threads (a tenth of an export's time, before anything is written).
    ///
    /// The columns are what `PropertyColumns(graph, nodes: order.nodes)` gives
    /// without waiting for the order: types join the same in any order, and
    /// the order matters only for which node comes first — papers come first
    /// in ``StableOrder``, and the first paper decides whether `title` must be
    /// a string column (it lacks a `title`, so its name stands in) or takes
    /// the type of the titles. So that paper (least key) goes first, then
    /// every node (itself again, which changes nothing).
    static func orderAndColumns(_ graph: KnowledgeGraph) -> (StableOrder, [(name: String, type: ColumnType)]) {
        final class Results: @unchecked Sendable {  // each field written by one thread, read after both end
            var order: StableOrder?
            var columns: [(name: String, type: ColumnType)] = []
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                results.order = StableOrder(graph)
            } else {
                let papers = graph.nodeIndices(of: .paper)
                let first = papers.min { graph.nodes[$0].id.key < graph.nodes[$1].id.key }
                var nodes: [Int] = first.map { [$0] } ?? []
                nodes += graph.nodes.indices
                results.columns = PropertyColumns(graph, nodes: nodes).columns
            }
        }
        return (results.order!, results.columns)
    }

    /// Evidence as the XML text of the JSON array
    /// `[{"rule":…,"field":…,"sentence":…,"start":…,"end":…}, …]`, the bytes
    /// ``JSONText/evidence(_:)`` writes, escaped as text.
    private static func evidence(_ items: [Evidence], into out: inout GraphMLBytes) {
        out.raw("[")
        for (i, item) in items.enumerated() {
            if i > 0 { out.raw(",") }
            out.raw("{&quot;rule&quot;:")
            out.jsonStringText(item.rule)
            out.raw(",&quot;field&quot;:")
            out.jsonStringText(item.field.rawValue)
            out.raw(",&quot;sentence&quot;:")
            out.jsonStringText(item.sentence)
            out.raw(",&quot;start&quot;:")
            out.decimal(item.start)
            out.raw(",&quot;end&quot;:")
            out.decimal(item.end)
            out.raw("}")
        }
        out.raw("]")
    }

    /// yEd draws what `y:ShapeNode` says; nodes are spread on a grid so the file
    /// opens readable before the user runs one of yEd's layouts.
    private func writeShape(_ node: Node, position: Int, key: GraphMLKeys.Key, into out: inout GraphMLBytes) {
        let style = NodeStyle(node.kind)
        let characters = node.name.count
        out.raw(key.open)
        out.raw("\n        <y:ShapeNode>\n          <y:Geometry x=\"")
        out.decimal((position % 40) * 340)
        out.raw("\" y=\"")
        out.decimal((position / 40) * 80)
        out.raw("\" width=\"")
        out.decimal(max(60, min(320, 7 * characters + 20)))
        out.raw("\" height=\"40\"/>\n          <y:Fill color=\"")
        out.attribute(style.fill)
        out.raw("\" transparent=\"false\"/>\n          <y:BorderStyle color=\"")
        out.attribute(style.border)
        out.raw("\" type=\"line\" width=\"1.0\"/>\n          <y:NodeLabel>")
        out.text(characters > 48 ? String(node.name.prefix(47)) + "…" : node.name)
        out.raw("</y:NodeLabel>\n          <y:Shape type=\"")
        out.attribute(style.yedShape)
        out.raw("\"/>\n        </y:ShapeNode>\n      </data>\n")
    }
}
