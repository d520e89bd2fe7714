import Foundation
import PaperGraphModel

/// A concept map of a reading list: methods and benchmarks are the concepts,
/// papers are collapsed into the edges between them.
///
/// Two concepts are joined when papers mention both — above all a method and
/// the benchmark it is evaluated on, but also methods used together; the
/// edge's width grows with the number of such papers. Ontology links (`SUBSET_OF`, `SPECIALIZES`)
/// between kept concepts are drawn dashed. The map keeps the `maxNodes`
/// concepts met in most papers and says in its caption what it left out, so
/// it stays readable however large the graph. `neato` (the default) spreads
/// it in two dimensions; `dot` puts methods and benchmarks in two long columns.
public struct ConceptMap: Sendable {
    /// One concept on the map.
    public struct Concept: Sendable, Equatable {
        public let node: Int
        /// Indices of the papers that mention it.
        public let papers: [Int]
    }

    /// A link between two kept concepts: papers mentioning both, or an ontology relation.
    public struct Link: Sendable, Equatable {
        public let a: Int
        public let b: Int
        /// Papers joining them (empty for ontology links).
        public let papers: [Int]
        public let ontology: Relation?
    }

    public let graph: KnowledgeGraph
    public let concepts: [Concept]
    public let links: [Link]
    /// What the caption says was left out.
    public let omittedConcepts: Int
    public let omittedLinks: Int

    /// Builds the map, keeping at most `maxNodes` concepts and `3 × maxNodes` links.
    public init(_ graph: KnowledgeGraph, maxNodes: Int = 60) {
        self.graph = graph
        // Concepts no paper mentions (present only through the ontology) are not candidates.
        var papersOf: [Int: Set<Int>] = [:]
        for kind in [NodeKind.method, .benchmark] {
            for i in graph.nodeIndices(of: kind) {
                let papers = graph.incoming(i).map { graph.edges[$0].from }.filter { graph.nodes[$0].kind == .paper }
                if !papers.isEmpty { papersOf[i] = Set(papers) }
            }
        }
        let ranked = papersOf.sorted {
            if $0.value.count != $1.value.count { return $0.value.count > $1.value.count }
            return graph.nodes[$0.key].id < graph.nodes[$1.key].id
        }
        let kept = ranked.prefix(max(1, maxNodes))
        concepts = kept.map { Concept(node: $0.key, papers: $0.value.sorted()) }
        omittedConcepts = ranked.count - kept.count
        let keptSet = Set(kept.map(\.key))

        // Pairs of concepts mentioned by one paper; a method comes before a
        // benchmark (so `dot` ranks methods left), else the lower index first.
        var joined: [Pair: [Int]] = [:]
        for p in graph.nodeIndices(of: .paper) {
            let mentioned = Set(graph.outgoing(p).map { graph.edges[$0].to }.filter(keptSet.contains)).sorted {
                let a = graph.nodes[$0].kind, b = graph.nodes[$1].kind
                return a != b ? a < b : $0 < $1
            }
            for (i, a) in mentioned.enumerated() {
                for b in mentioned[(i + 1)...] { joined[Pair(a: a, b: b), default: []].append(p) }
            }
        }
        var links = joined.map { Link(a: $0.key.a, b: $0.key.b, papers: $0.value.sorted(), ontology: nil) }
        links.sort {
            if $0.papers.count != $1.papers.count { return $0.papers.count > $1.papers.count }
            return (graph.nodes[$0.a].id, graph.nodes[$0.b].id) < (graph.nodes[$1.a].id, graph.nodes[$1.b].id)
        }
        let cap = 3 * max(1, maxNodes)
        omittedLinks = max(0, links.count - cap)
        links = Array(links.prefix(cap))
        for edge in graph.edges where !edge.relation.isExtracted
            && keptSet.contains(edge.from) && keptSet.contains(edge.to) {
            links.append(Link(a: edge.from, b: edge.to, papers: [], ontology: edge.relation))
        }
        self.links = links
    }

    private struct Pair: Hashable { let a: Int; let b: Int }

    /// The caption: what the map shows and what it leaves out.
    public var caption: String {
        let papers = graph.nodeIndices(of: .paper).count
        let repositories = graph.nodeIndices(of: .repository).count
        var parts = ["Concept map: \(concepts.count) methods and benchmarks from \(papers) papers; "
                     + "edge width = papers mentioning both"]
        var left: [String] = []
        if omittedConcepts > 0 { left.append("\(omittedConcepts) less-cited concepts") }
        if omittedLinks > 0 { left.append("\(omittedLinks) weaker links") }
        if repositories > 0 { left.append("\(repositories) repositories") }
        if !left.isEmpty { parts.append("not shown: " + left.joined(separator: ", ")) }
        return parts.joined(separator: "\n")
    }

    /// The caption as a left-justified Graphviz label (`\l` ends each line).
    private var captionLabel: String {
        caption.split(separator: "\n").map { DotGraph.escString(String($0)) + "\\l" }.joined()
    }

    /// The map as a drawing for Graphviz.
    public func drawing(engine: LayoutEngine = .neato) -> DotGraph {
        var drawing = DotGraph(name: "concept_map")
        drawing.attributes = [("charset", "UTF-8"), ("fontname", "Helvetica"), ("fontsize", "12"),
                              ("label", captionLabel), ("labelloc", "b"), ("labeljust", "l"),
                              ("tooltip", "concept map")]
        if engine == .dot {
            drawing.attributes += [("rankdir", "LR"), ("ranksep", "1.5"), ("nodesep", "0.15")]
        } else {
            // Curved edges routed around nodes read best, but routing costs grow
            // quickly with the number of edges: large maps get straight lines.
            drawing.attributes += [("overlap", "prism"), ("sep", "+6"), ("splines", links.count <= 400 ? "true" : "false")]
        }
        drawing.nodeDefaults = [("fontname", "Helvetica")]
        drawing.edgeDefaults = [("dir", "none")]
        let most = max(1, concepts.map(\.papers.count).max() ?? 1)
        for concept in concepts {
            let node = graph.nodes[concept.node]
            let style = NodeStyle(node.kind)
            let count = concept.papers.count
            let size = 10 + Int((8 * log2(Double(count + 1)) / log2(Double(most + 1))).rounded())
            let titles = concept.papers.prefix(8).map { "• " + graph.nodes[$0].name }
            let more = count > 8 ? ["… and \(count - 8) more"] : []
            drawing.nodes.append(DotGraph.Node(name: "c\(concept.node)", attributes: [
                ("id", "c\(concept.node)"),
                ("label", DotGraph.label(node.name, limit: 40, width: 22) + "\\n(\(count) paper\(count == 1 ? "" : "s"))"),
                ("shape", style.shape), ("style", style.style), ("fillcolor", style.fill), ("color", style.border),
                ("fontsize", String(size)),
                ("tooltip", DotGraph.tooltip(([GraphDrawing.tooltip(node)] + titles + more).joined(separator: "\n"))),
            ]))
        }
        for link in links {
            var attributes: DotGraph.Attributes
            if let relation = link.ontology {
                attributes = [("style", "dashed"), ("color", "#888888"), ("dir", "forward"),
                              ("tooltip", DotGraph.tooltip("\(graph.nodes[link.a].name) \(relation.rawValue) \(graph.nodes[link.b].name)"))]
            } else {
                let w = link.papers.count
                let titles = link.papers.prefix(6).map { "• " + graph.nodes[$0].name }
                // Method–benchmark links in blue, links within one kind in the kind's colour.
                let kinds = (graph.nodes[link.a].kind, graph.nodes[link.b].kind)
                let hue = kinds.0 != kinds.1 ? "#3E6E9E" : NodeStyle(kinds.0).border
                attributes = [("penwidth", String(format: "%.1f", min(8.0, 0.8 + 1.2 * Double(w - 1)))),
                              ("color", hue + (w > 1 ? "CC" : "66")), ("weight", String(w)),
                              ("tooltip", DotGraph.tooltip("\(graph.nodes[link.a].name) — \(graph.nodes[link.b].name): "
                                                             + "\(w) paper\(w == 1 ? "" : "s")\n" + titles.joined(separator: "\n")))]
                if w > 1 { attributes.append(("label", String(w))) }
            }
            drawing.edges.append(DotGraph.Edge(tail: "c\(link.a)", head: "c\(link.b)", attributes: attributes))
        }
        drawing.clusters.append(GraphDrawing.legendCluster(kinds: [.method, .benchmark]))
        return drawing
    }
}
