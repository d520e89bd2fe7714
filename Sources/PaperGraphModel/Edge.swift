/// An edge of the typed graph, between node indices of one ``KnowledgeGraph``.
///
/// There is at most one edge per (from, relation, to); further mentions add to
/// its evidence rather than duplicating it.
public struct Edge: Hashable, Sendable {
    public let from: Int
    public let relation: Relation
    public let to: Int
    /// Where the edge was read; empty for edges copied from the ontology.
    public var evidence: [Evidence]

    public init(from: Int, relation: Relation, to: Int, evidence: [Evidence] = []) {
        self.from = from
        self.relation = relation
        self.to = to
        self.evidence = evidence
    }
}

/// An edge between node identities, before nodes have indices in a graph.
public struct EdgeSpec: Hashable, Sendable {
    public var from: NodeID
    public var relation: Relation
    public var to: NodeID
    public var evidence: [Evidence]

    public init(from: NodeID, relation: Relation, to: NodeID, evidence: [Evidence] = []) {
        self.from = from
        self.relation = relation
        self.to = to
        self.evidence = evidence
    }
}
