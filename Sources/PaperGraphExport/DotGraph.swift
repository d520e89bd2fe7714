/// A drawing to hand to Graphviz, as plain values: what the full-graph view and
/// the concept map produce, and what ``GraphvizEngine`` turns into a cgraph
/// graph. Keeping it free of C pointers lets it be built anywhere, while all
/// Graphviz calls stay in the engine's one serial context.
///
/// Attribute values are Graphviz attribute values as they would appear between
/// the quotes of a DOT file *after* unquoting; escString attributes (`label`,
/// `URL`, `id`) must be passed through ``DotGraph/escString(_:)`` and tooltips
/// through ``DotGraph/tooltip(_:)``.
/// DOT quoting itself is left to cgraph's `agwrite`.
public struct DotGraph: Sendable {
    public typealias Attributes = [(String, String)]

    public struct Node: Sendable {
        public var name: String
        public var attributes: Attributes
        public init(name: String, attributes: Attributes) {
            self.name = name
            self.attributes = attributes
        }
    }

    public struct Edge: Sendable {
        public var tail: String
        public var head: String
        public var attributes: Attributes
        public init(tail: String, head: String, attributes: Attributes) {
            self.tail = tail
            self.head = head
            self.attributes = attributes
        }
    }

    /// A `cluster_…` subgraph (used for the legend).
    public struct Cluster: Sendable {
        public var name: String
        public var attributes: Attributes
        public var nodes: [Node]
        public var edges: [Edge]
        public init(name: String, attributes: Attributes, nodes: [Node], edges: [Edge]) {
            self.name = name
            self.attributes = attributes
            self.nodes = nodes
            self.edges = edges
        }
    }

    public var name: String
    public var attributes: Attributes = []
    public var nodeDefaults: Attributes = []
    public var edgeDefaults: Attributes = []
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    public var clusters: [Cluster] = []

    public init(name: String) { self.name = name }

    /// Text as a Graphviz escString: backslashes doubled (so `\N`, `\n`, `\G` in
    /// a title stay literal), line breaks as Graphviz's `\n`, `&` as `&amp;`
    /// (Graphviz passes entity references like `&amp;` through to SVG and
    /// pango, so a literal `&amp;` in a title would otherwise show as `&`), and
    /// characters XML forbids dropped (they would make the SVG ill-formed).
    /// Quotes, braces and everything else are left to cgraph's quoting.
    public static func escString(_ text: String) -> String { escape(text, backslashes: 2) }

    /// Text for `tooltip`: Graphviz 2.42 unescapes tooltips twice (once when
    /// substituting `\N` and friends, once more when emitting), so a literal
    /// backslash needs four.
    public static func tooltip(_ text: String) -> String { escape(text, backslashes: 4) }

    private static func escape(_ text: String, backslashes: Int) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": for _ in 0..<backslashes { out.append("\\") }
            case "\r": out.append("\\"); out.append("n")
            case "\n": if !previousCR { out.append("\\"); out.append("n") }
            case "\t": out.append(" ")
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            default: if XMLText.isAllowed(scalar.value) { out.append(scalar) }
            }
            previousCR = scalar == "\r"
        }
        return String(out)
    }

    /// A label shortened to `limit` characters (with an ellipsis) and wrapped at
    /// word boundaries every `width` characters, as an escString.
    public static func label(_ text: String, limit: Int = 80, width: Int = 28) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let short = flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
        var lines: [String] = []
        var line = ""
        for word in short.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines.map(escString).joined(separator: "\\n")
    }
}
