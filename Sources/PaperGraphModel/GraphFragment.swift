/// The part of the graph one paper contributes: its node, the nodes it mentions,
/// the edges between them (with evidence), and ontology links among those nodes.
///
/// Fragments are the unit the store writes and replaces: when a paper's abstract
/// changes, its old extracted edges are dropped and the new fragment written.
public struct GraphFragment: Sendable, Equatable {
    /// The paper this fragment describes, if any (a fragment read from GraphML may hold none).
    public var paper: NodeID?
    public var nodes: [Node]
    public var edges: [EdgeSpec]

    public init(paper: NodeID? = nil, nodes: [Node] = [], edges: [EdgeSpec] = []) {
        self.paper = paper
        self.nodes = nodes
        self.edges = edges
    }
}
