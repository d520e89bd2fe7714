import PaperGraphModel

/// How each node kind and relation is drawn, shared by the DOT/SVG renderings,
/// the concept map and the yEd flavour of GraphML so they look alike.
struct NodeStyle {
    let shape: String
    let style: String
    let fill: String
    let border: String
    let yedShape: String

    init(_ kind: NodeKind) {
        switch kind {
        case .paper:
            (shape, style, fill, border, yedShape) = ("note", "filled", "#DCE9F9", "#4A74A8", "rectangle")
        case .method:
            (shape, style, fill, border, yedShape) = ("ellipse", "filled", "#FCE3C4", "#C4761B", "ellipse")
        case .benchmark:
            (shape, style, fill, border, yedShape) = ("box", "rounded,filled", "#D5F0D2", "#3E8E3A", "roundrectangle")
        case .repository:
            (shape, style, fill, border, yedShape) = ("component", "filled", "#E6E6E6", "#555555", "hexagon")
        }
    }

    /// Edge colour by relation; ontology links are dashed.
    static func edgeColor(_ relation: Relation) -> String {
        switch relation {
        case .proposes: return "#C4761B"
        case .uses: return "#E0A860"
        case .evaluatesOn: return "#3E8E3A"
        case .introduces: return "#1F5F1C"
        case .hasCode: return "#555555"
        case .subsetOf, .specializes: return "#888888"
        }
    }
}
