import PaperGraphModel

/// The `<key>` declarations of one GraphML document, and for each key the bytes
/// that open its `<data>` element, spelled once rather than per node and edge.
///
/// Key ids are `n_<name>` / `e_<name>`; `attr.name` must itself be an NMTOKEN,
/// so names that are not get `_` for the offending characters, and an id met
/// twice gets `_2`, `_3`, ….
struct GraphMLKeys {
    struct Key {
        let id: String
        let name: String
        let type: ColumnType
        /// `      <data key="id">`, indented as a child of `<node>` / `<edge>`.
        let open: [UInt8]

        init(id: String, name: String, type: ColumnType) {
            self.id = id
            self.name = name
            self.type = type
            var bytes = GraphMLBytes(capacity: 32 + id.utf8.count)
            bytes.raw("      <data key=\"")
            bytes.attribute(id)
            bytes.raw("\">")
            open = Array(bytes.bytes)
        }

        /// `<data key="…">text</data>` and a newline.
        func data(_ text: String, into out: inout GraphMLBytes) {
            out.raw(open)
            out.text(text)
            out.raw("</data>\n")
        }

        /// A property value: lists as a JSON array of strings, everything else as
        /// itself (what ``PropertyColumns/text(_:)`` gives).
        func data(_ value: PropertyValue, into out: inout GraphMLBytes) {
            out.raw(open)
            switch value {
            case .string(let s): out.text(s)
            case .int(let i): out.decimal(i)
            case .double(let d): out.text(String(d))
            case .bool(let b): out.raw(b ? "true" : "false")
            case .strings(let list):
                out.raw("[")
                for (i, item) in list.enumerated() {
                    if i > 0 { out.raw(",") }
                    out.jsonStringText(item)
                }
                out.raw("]")
            }
            out.raw("</data>\n")
        }
    }

    let kind: Key, key: Key, name: Key, label: Key
    /// One key per property column, in ``PropertyColumns`` order.
    let columns: [Key]
    let relation: Key, evidence: Key, weight: Key
    /// The yFiles `nodegraphics` key, in the yEd flavour only.
    let graphics: Key?

    /// Property name → index into ``columns``.
    private let columnIndex: [String: Int]
    /// The `title` column, which papers without a `title` property fill with their name.
    private let titleColumn: Int?

    /// Keys for the node identity, the property `columns` (``PropertyColumns``),
    /// the edge data and, with `yed`, the node graphics.
    init(columns properties: [(name: String, type: ColumnType)], yed: Bool) {
        var usedIDs: Set<String> = []
        func makeKey(_ prefix: String, _ name: String, _ type: ColumnType) -> Key {
            let token = nmtoken(name)
            var id = prefix + token
            var n = 2
            while usedIDs.contains(id) { id = prefix + token + "_\(n)"; n += 1 }
            usedIDs.insert(id)
            return Key(id: id, name: token, type: type)
        }
        kind = makeKey("n_", "kind", .string)
        key = makeKey("n_", "key", .string)
        name = makeKey("n_", "name", .string)
        label = makeKey("n_", "label", .string)
        columns = properties.map { makeKey("n_", $0.name, $0.type) }
        relation = makeKey("e_", "relation", .string)
        evidence = makeKey("e_", "evidence", .string)
        weight = makeKey("e_", "weight", .long)
        graphics = yed ? makeKey("n_", "graphics", .string) : nil
        columnIndex = Dictionary(uniqueKeysWithValues: properties.enumerated().map { ($1.name, $0) })
        titleColumn = columnIndex["title"]
    }

    /// The `<key>` elements, indented as children of `<graphml>`.
    func declare(into out: inout GraphMLBytes) {
        for k in [kind, key, name, label] + columns { declare(k, for: "node", into: &out) }
        for k in [relation, evidence, weight] { declare(k, for: "edge", into: &out) }
        if let graphics {
            out.raw("  <key id=\"")
            out.attribute(graphics.id)
            out.raw("\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n")
        }
    }

    private func declare(_ key: Key, for domain: StaticString, into out: inout GraphMLBytes) {
        out.raw("  <key id=\"")
        out.attribute(key.id)
        out.raw("\" for=\"")
        out.raw(domain)
        out.raw("\" attr.name=\"")
        out.attribute(key.name)
        out.raw("\" attr.type=\"")
        switch key.type {
        case .string, .list: out.raw("string")
        case .long: out.raw("long")
        case .double: out.raw("double")
        case .boolean: out.raw("boolean")
        }
        out.raw("\"/>\n")
    }

    /// A node's property values by column, in column order; reused across nodes
    /// so no node allocates.
    struct PropertyRow {
        var values: [(column: Int, value: PropertyValue)] = []
    }

    /// Fills `row` with the node's values, as ``PropertyColumns/value(_:_:)``
    /// gives them column by column, but looking up each property the node has
    /// rather than every column the graph has.
    func properties(of node: Node, into row: inout PropertyRow) {
        row.values.removeAll(keepingCapacity: true)
        var hasTitle = false
        for (name, value) in node.properties {
            // Reserved names have no column.
            guard let column = columnIndex[name] else { continue }
            if column == titleColumn { hasTitle = true }
            row.values.append((column, value))
        }
        if node.kind == .paper, !hasTitle, let titleColumn { row.values.append((titleColumn, .string(node.name))) }
        row.values.sort { $0.column < $1.column }
    }
}
