import Foundation
import PaperGraphModel

/// A standalone HTML page: the rendered SVG inline and a list of every node
/// (kind, name, link) so the map is searchable with the browser's find.
///
/// Every text from the graph is HTML-escaped; the SVG comes from Graphviz,
/// which escapes labels itself, and loses its XML prolog and DOCTYPE (which
/// may not appear inside HTML). The page has no script.
enum HTMLMap {
    static func page(_ graph: KnowledgeGraph, svg: Data, title: String) -> String {
        let order = StableOrder(graph)
        var svgText = String(decoding: svg, as: UTF8.self)
        if let start = svgText.range(of: "<svg") { svgText = String(svgText[start.lowerBound...]) }
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body { font-family: Helvetica, Arial, sans-serif; margin: 1em; }
        .map { overflow: auto; border: 1px solid #ccc; max-height: 80vh; }
        .map svg { max-width: none; }
        table { border-collapse: collapse; margin-top: 1em; }
        td, th { padding: 2px 8px; text-align: left; border-bottom: 1px solid #eee; }
        </style>
        </head>
        <body>
        <h1>\(escape(title))</h1>
        <p>\(graph.nodeCount) nodes, \(graph.edgeCount) edges.</p>
        <div class="map">
        \(svgText)
        </div>
        <h2>Nodes</h2>
        <table>
        <thead><tr><th>kind</th><th>name</th><th>key</th><th>degree</th></tr></thead>
        <tbody>

        """
        for (position, index) in order.nodes.enumerated() {
            let node = graph.nodes[index]
            let degree = graph.outgoing(index).count + graph.incoming(index).count
            var name = escape(node.name)
            if let url = GraphDrawing.link(node) {
                name = "<a href=\"\(escape(url))\" rel=\"noopener noreferrer\">\(name)</a>"
            }
            html += "<tr id=\"row-n\(position)\"><td>\(node.kind.rawValue)</td><td>\(name)</td>"
                + "<td>\(escape(node.id.key))</td><td>\(degree)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</body>\n</html>\n"
        return html
    }

    /// Escapes text for HTML element content and double-quoted attributes, and
    /// drops characters that XML and HTML forbid.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in XMLText.clean(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
