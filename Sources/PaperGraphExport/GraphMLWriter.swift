import CLibXML2
import Foundation
import PaperGraphModel

/// Writes a ``KnowledgeGraph`` as GraphML with libxml2's `xmlTextWriter`, so
/// escaping and encoding are libxml2's, not ours.
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
struct GraphMLWriter {
    let graph: KnowledgeGraph
    /// Adds yFiles node graphics (shape and colour by kind) for yEd.
    let yed: Bool

    private static let graphmlNS = "http://graphml.graphdrawing.org/xmlns"
    private static let yNS = "http://www.yworks.com/xml/graphml"

    /// The document as bytes.
    func data() throws(ExportError) -> Data {
        LibXML.ready
        guard let buffer = xmlBufferCreate() else { throw .xmlWriter(format: "GraphML", element: "buffer") }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            throw .xmlWriter(format: "GraphML", element: "writer")
        }
        do {
            try write(with: writer)
        } catch {
            xmlFreeTextWriter(writer)
            throw error
        }
        xmlFreeTextWriter(writer)  // flushes into the buffer
        let length = Int(xmlBufferLength(buffer))
        guard length > 0, let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: length)
    }

    /// Streams the document into an open file descriptor (used for atomic file
    /// writes, so a large graph is never held twice in memory). The descriptor
    /// stays open; libxml2 flushes everything before this returns.
    func write(toFileDescriptor fd: Int32, path: String) throws(ExportError) {
        LibXML.ready
        guard let output = xmlOutputBufferCreateFd(fd, nil), let writer = xmlNewTextWriter(output) else {
            throw .xmlWriter(format: "GraphML", element: "writer for \(path)")
        }
        do throws(ExportError) {
            try write(with: writer)
            // The last buffered bytes reach the file only here. Unchecked, a failed
            // final write (disk full) let a truncated file be renamed into place.
            if xmlTextWriterFlush(writer) < 0 || output.pointee.error != 0 {
                throw .io(path: path, step: "write", reason: Self.ioReason(errno))
            }
        } catch {
            let code = errno, outputFailed = output.pointee.error != 0
            xmlFreeTextWriter(writer)  // frees `output` too
            // A writer error caused by the file (disk full, file too large) is an
            // I/O error on that file, not a libxml2 failure on some element.
            if case .xmlWriter = error, outputFailed {
                throw .io(path: path, step: "write", reason: Self.ioReason(code))
            }
            throw error
        }
        xmlFreeTextWriter(writer)  // frees the output buffer, leaving fd open
    }

    private static func ioReason(_ code: Int32) -> String {
        code != 0 ? ExportError.describe(code) : "libxml2 output error"
    }

    private struct Key {
        let id: String
        let name: String
        let type: ColumnType
    }

    private func write(with w: OpaquePointer) throws(ExportError) {
        var out = XMLOut(writer: w)
        let order = StableOrder(graph)
        let columns = PropertyColumns(graph, nodes: order.nodes)

        // Key ids are `n_<name>` / `e_<name>`; attr.name must itself be an NMTOKEN,
        // so names that are not get `_` for the offending characters.
        var usedIDs: Set<String> = []
        func makeKey(_ prefix: String, _ name: String, _ type: ColumnType) -> Key {
            var id = prefix + nmtoken(name)
            var n = 2
            while usedIDs.contains(id) { id = prefix + nmtoken(name) + "_\(n)"; n += 1 }
            usedIDs.insert(id)
            return Key(id: id, name: nmtoken(name), type: type)
        }
        let kindKey = makeKey("n_", "kind", .string)
        let keyKey = makeKey("n_", "key", .string)
        let nameKey = makeKey("n_", "name", .string)
        let labelKey = makeKey("n_", "label", .string)
        let propertyKeys = columns.columns.map { (column: $0.name, key: makeKey("n_", $0.name, $0.type)) }
        let relationKey = makeKey("e_", "relation", .string)
        let evidenceKey = makeKey("e_", "evidence", .string)
        let weightKey = makeKey("e_", "weight", .long)
        let graphicsKey = yed ? makeKey("n_", "graphics", .string) : nil

        try out.check(xmlTextWriterSetIndent(w, 1), "indent")
        try out.check(xmlChars("  ") { xmlTextWriterSetIndentString(w, $0) }, "indent")
        try out.check(xmlTextWriterStartDocument(w, "1.0", "UTF-8", nil), "document")
        try out.start("graphml")
        try out.attribute("xmlns", Self.graphmlNS)
        try out.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        if yed { try out.attribute("xmlns:y", Self.yNS) }
        try out.attribute("xsi:schemaLocation",
                          "\(Self.graphmlNS) http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")

        for key in [kindKey, keyKey, nameKey, labelKey] + propertyKeys.map(\.key) {
            try declare(key, for: "node", &out)
        }
        for key in [relationKey, evidenceKey, weightKey] { try declare(key, for: "edge", &out) }
        if let graphicsKey {
            try out.start("key")
            try out.attribute("id", graphicsKey.id)
            try out.attribute("for", "node")
            try out.attribute("yfiles.type", "nodegraphics")
            try out.end()
        }

        try out.start("graph")
        try out.attribute("id", "papergraph")
        try out.attribute("edgedefault", "directed")

        for (position, index) in order.nodes.enumerated() {
            let node = graph.nodes[index]
            try out.start("node")
            try out.attribute("id", "n\(position)")
            try out.data(kindKey.id, node.kind.rawValue)
            try out.data(keyKey.id, node.id.key)
            try out.data(nameKey.id, node.name)
            try out.data(labelKey.id, node.name)
            for (column, key) in propertyKeys {
                guard let value = PropertyColumns.value(node, column) else { continue }
                try out.data(key.id, PropertyColumns.text(value))
            }
            if let graphicsKey { try writeShape(node, position: position, key: graphicsKey.id, &out) }
            try out.end()
        }

        var json = JSONText(capacity: 1024)
        for (position, index) in order.edges.enumerated() {
            let edge = graph.edges[index]
            try out.start("edge")
            try out.attribute("id", "e\(position)")
            try out.attribute("source", order.nodeID(edge.from))
            try out.attribute("target", order.nodeID(edge.to))
            try out.data(relationKey.id, edge.relation.rawValue)
            json.bytes.removeAll(keepingCapacity: true)
            json.evidence(edge.evidence)
            try out.data(evidenceKey.id, json.text)
            try out.data(weightKey.id, String(max(1, edge.evidence.count)))
            try out.end()
        }
        try out.end()  // graph
        try out.end()  // graphml
        try out.check(xmlTextWriterEndDocument(w), "document")
    }

    private func declare(_ key: Key, for domain: String, _ out: inout XMLOut) throws(ExportError) {
        try out.start("key")
        try out.attribute("id", key.id)
        try out.attribute("for", domain)
        try out.attribute("attr.name", key.name)
        let type: String
        switch key.type {
        case .string, .list: type = "string"
        case .long: type = "long"
        case .double: type = "double"
        case .boolean: type = "boolean"
        }
        try out.attribute("attr.type", type)
        try out.end()
    }

    /// yEd draws what `y:ShapeNode` says; nodes are spread on a grid so the file
    /// opens readable before the user runs one of yEd's layouts.
    private func writeShape(_ node: Node, position: Int, key: String, _ out: inout XMLOut) throws(ExportError) {
        let style = NodeStyle(node.kind)
        try out.start("data")
        try out.attribute("key", key)
        try out.start("y:ShapeNode")
        try out.start("y:Geometry")
        let width = max(60, min(320, 7 * node.name.count + 20))
        try out.attribute("x", String((position % 40) * 340))
        try out.attribute("y", String((position / 40) * 80))
        try out.attribute("width", String(width))
        try out.attribute("height", "40")
        try out.end()
        try out.start("y:Fill")
        try out.attribute("color", style.fill)
        try out.attribute("transparent", "false")
        try out.end()
        try out.start("y:BorderStyle")
        try out.attribute("color", style.border)
        try out.attribute("type", "line")
        try out.attribute("width", "1.0")
        try out.end()
        try out.start("y:NodeLabel")
        try out.text(node.name.count > 48 ? String(node.name.prefix(47)) + "…" : node.name)
        try out.end()
        try out.start("y:Shape")
        try out.attribute("type", style.yedShape)
        try out.end()
        try out.end()  // ShapeNode
        try out.end()  // data
    }
}

/// Thin checked wrappers over `xmlTextWriter*`, which report failure as -1.
struct XMLOut {
    let writer: OpaquePointer
    private var stack: [String] = []

    init(writer: OpaquePointer) { self.writer = writer }

    func check(_ rc: Int32, _ element: String) throws(ExportError) {
        if rc < 0 { throw .xmlWriter(format: "GraphML", element: element) }
    }

    mutating func start(_ name: String) throws(ExportError) {
        stack.append(name)
        try check(xmlChars(name) { xmlTextWriterStartElement(writer, $0) }, name)
    }

    mutating func end() throws(ExportError) {
        let name = stack.popLast() ?? "?"
        try check(xmlTextWriterEndElement(writer), name)
    }

    func attribute(_ name: String, _ value: String) throws(ExportError) {
        let rc = xmlChars(name) { n in xmlChars(XMLText.clean(value)) { xmlTextWriterWriteAttribute(writer, n, $0) } }
        try check(rc, stack.last ?? name)
    }

    func text(_ value: String) throws(ExportError) {
        try check(xmlChars(XMLText.clean(value)) { xmlTextWriterWriteString(writer, $0) }, stack.last ?? "text")
    }

    /// `<data key="…">value</data>`.
    mutating func data(_ key: String, _ value: String) throws(ExportError) {
        try start("data")
        try attribute("key", key)
        try text(value)
        try end()
    }
}

/// Passes a Swift string to libxml2 as `const xmlChar *` (UTF-8 bytes).
@inline(__always)
func xmlChars<T>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> T) -> T {
    s.withCString { $0.withMemoryRebound(to: xmlChar.self, capacity: 1, body) }
}
