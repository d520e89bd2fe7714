import PaperGraphModel

/// Builds the drawing of a whole (sub)graph: one Graphviz node per graph node,
/// shaped and coloured by kind, with tooltips (paper title and the first
/// sentence of the abstract), links to papers and repositories, edges coloured
/// by relation, and a legend cluster listing the kinds present.
enum GraphDrawing {
    /// Node names are the GraphML ids (`n0`, `n1`, … from ``StableOrder``), so
    /// the SVG's `<g id>` and `<title>` match the GraphML file.
    static func make(_ graph: KnowledgeGraph, engine: LayoutEngine, legend: Bool = true) -> DotGraph {
        let order = StableOrder(graph)
        var drawing = DotGraph(name: "papergraph")
        drawing.attributes = [("charset", "UTF-8"), ("fontname", "Helvetica"), ("tooltip", "papergraph")]
        if engine == .dot {
            drawing.attributes += [("rankdir", "LR"), ("ranksep", "1.2"), ("nodesep", "0.25")]
        } else {
            drawing.attributes += [("overlap", "prism"), ("splines", "false"), ("outputorder", "edgesfirst")]
            if engine == .sfdp { drawing.attributes.append(("K", "0.8")) }
        }
        drawing.nodeDefaults = [("fontname", "Helvetica"), ("fontsize", "10")]
        drawing.edgeDefaults = [("arrowsize", "0.6")]

        for (position, index) in order.nodes.enumerated() {
            let node = graph.nodes[index]
            let style = NodeStyle(node.kind)
            var attributes: DotGraph.Attributes = [
                ("id", "n\(position)"),
                ("label", DotGraph.label(node.name, limit: node.kind == .paper ? 60 : 40)),
                ("shape", style.shape), ("style", style.style),
                ("fillcolor", style.fill), ("color", style.border),
                ("tooltip", DotGraph.tooltip(tooltip(node))),
            ]
            if let url = link(node) { attributes += [("URL", DotGraph.escString(url)), ("target", "_blank")] }
            drawing.nodes.append(DotGraph.Node(name: "n\(position)", attributes: attributes))
        }
        for index in order.edges {
            let edge = graph.edges[index]
            var attributes: DotGraph.Attributes = [
                ("color", NodeStyle.edgeColor(edge.relation)),
                ("tooltip", DotGraph.tooltip(edge.relation.rawValue)),
            ]
            if !edge.relation.isExtracted { attributes.append(("style", "dashed")) }
            let weight = edge.evidenceCount
            if weight > 1 { attributes.append(("penwidth", String(min(6, 1 + weight / 2)))) }
            drawing.edges.append(DotGraph.Edge(tail: order.nodeID(edge.from), head: order.nodeID(edge.to),
                                               attributes: attributes))
        }
        if legend {
            drawing.clusters.append(legendCluster(kinds: Set(graph.nodes.map(\.kind)).sorted()))
        }
        return drawing
    }

    /// The legend: one sample node per kind present, in a labelled cluster.
    static func legendCluster(kinds: [NodeKind], note: String? = nil) -> DotGraph.Cluster {
        let nodes = kinds.map { kind in
            let style = NodeStyle(kind)
            return DotGraph.Node(name: "legend_\(kind.rawValue)", attributes: [
                ("id", "legend_\(kind.rawValue)"), ("label", kind.rawValue), ("shape", style.shape),
                ("style", style.style), ("fillcolor", style.fill), ("color", style.border),
                ("tooltip", kind.rawValue),
            ])
        }
        // Invisible edges keep the legend entries in one column under `dot`.
        let edges = zip(nodes, nodes.dropFirst()).map {
            DotGraph.Edge(tail: $0.name, head: $1.name, attributes: [("style", "invis")])
        }
        return DotGraph.Cluster(name: "cluster_legend",
                                attributes: [("label", "Legend"), ("style", "rounded"), ("color", "#999999"),
                                             ("fontname", "Helvetica"), ("fontsize", "11")],
                                nodes: nodes, edges: edges)
    }

    /// The hover text: the paper's title and the first sentence of its abstract;
    /// for other nodes their kind, name and aliases.
    static func tooltip(_ node: Node) -> String {
        switch node.kind {
        case .paper:
            let title = node["title"]?.stringValue ?? node.name
            guard let abstract = node["abstract"]?.stringValue, !abstract.isEmpty else { return title }
            return title + "\n\n" + firstSentence(abstract)
        default:
            var text = "\(node.kind.rawValue): \(node.name)"
            if let aliases = node["aliases"]?.stringsValue, !aliases.isEmpty {
                text += "\nalso: " + aliases.joined(separator: ", ")
            }
            return text
        }
    }

    /// The abstract up to the first sentence end (`. `, `? `, `! `), at most 300 characters.
    static func firstSentence(_ text: String) -> String {
        var end = text.endIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == "." || c == "?" || c == "!", next == text.endIndex || text[next] == " " {
                end = next
                break
            }
            i = next
        }
        let sentence = String(text[..<end])
        return sentence.count > 300 ? String(sentence.prefix(299)) + "…" : sentence
    }

    /// Where a click on the node leads: the paper's page or the repository, and
    /// only over http(s), so no `javascript:` URL from a source ever lands in an SVG.
    static func link(_ node: Node) -> String? {
        var candidate = node["url"]?.stringValue
        if candidate == nil, node.kind == .repository { candidate = "https://" + node.id.key }
        if candidate == nil, node.kind == .paper, ArxivID.isArxivID(node.id.key) {
            candidate = "https://arxiv.org/abs/" + node.id.key
        }
        guard let url = candidate?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? url : nil
    }
}

import Foundation
