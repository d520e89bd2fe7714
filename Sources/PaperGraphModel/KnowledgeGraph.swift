/// The typed knowledge graph held in memory.
///
/// Nodes are merged on their ``NodeID``; there is at most one edge per
/// (from, relation, to). Adjacency is indexed in both directions, and nodes by
/// kind, so traversals and lookups never scan all edges or all nodes.
///
/// There is no hash index of edges: an edge is found by scanning the shorter of
/// its source's outgoing and its target's incoming list. Every edge leaves a
/// paper (a handful of mentions) or an ontology concept (a few parents), so that
/// list is short; a 1M-paper graph has about five million edges, and keeping a
/// dictionary of them cost a quarter of loading it and ~300 MB.
public struct KnowledgeGraph: Sendable {
    public internal(set) var nodes: [Node] = []
    public internal(set) var edges: [Edge] = []
    var nodeIndex = IdentityTable()
    var outgoingEdges: [[Int]] = []
    var incomingEdges: [[Int]] = []
    var nodesByKind: [NodeKind: [Int]] = [:]

    public init() {}

    /// Builds a graph from fragments, merging as ``merge(_:)-(GraphFragment)`` does.
    public init(fragments: some Sequence<GraphFragment>) {
        for fragment in fragments { merge(fragment) }
    }

    public var nodeCount: Int { nodes.count }
    public var edgeCount: Int { edges.count }

    // MARK: Lookup

    /// The index of the node with this identity, if present.
    public func index(of id: NodeID) -> Int? { nodeIndex.index(of: id, in: nodes) }

    /// The node with this identity, if present.
    public func node(_ id: NodeID) -> Node? { index(of: id).map { nodes[$0] } }

    /// Indices of all nodes of one kind, in insertion order.
    public func nodeIndices(of kind: NodeKind) -> [Int] { nodesByKind[kind] ?? [] }

    /// Indices (into ``edges``) of the edges leaving node `index`.
    public func outgoing(_ index: Int) -> [Int] { outgoingEdges[index] }

    /// Indices (into ``edges``) of the edges entering node `index`.
    public func incoming(_ index: Int) -> [Int] { incomingEdges[index] }

    /// The index of the edge (from, relation, to), if present.
    public func edgeIndex(from: Int, relation: Relation, to: Int) -> Int? {
        guard outgoingEdges.indices.contains(from), incomingEdges.indices.contains(to) else { return nil }
        let leaving = outgoingEdges[from], entering = incomingEdges[to]
        if leaving.count <= entering.count {
            return leaving.first { edges[$0].to == to && edges[$0].relation == relation }
        }
        return entering.first { edges[$0].from == from && edges[$0].relation == relation }
    }

    /// Counts of nodes per kind.
    public var nodeCounts: [NodeKind: Int] { nodesByKind.mapValues(\.count) }

    /// Counts of edges per relation.
    public var edgeCounts: [Relation: Int] {
        var counts: [Relation: Int] = [:]
        for edge in edges { counts[edge.relation, default: 0] += 1 }
        return counts
    }

    // MARK: Mutation

    /// Reserves room for a graph of about this size (e.g. one loaded from a store), so
    /// building it does not grow and rehash its indices again and again.
    public mutating func reserveCapacity(nodes nodeCount: Int, edges edgeCount: Int) {
        nodes.reserveCapacity(nodeCount)
        nodeIndex.reserveCapacity(nodeCount)
        outgoingEdges.reserveCapacity(nodeCount)
        incomingEdges.reserveCapacity(nodeCount)
        edges.reserveCapacity(edgeCount)
    }

    /// Inserts a node, or merges it into the node with the same identity.
    /// - Returns: the node's index.
    @discardableResult
    public mutating func upsert(_ node: Node) -> Int {
        let index = nodes.count
        if let existing = nodeIndex.insert(node.id, at: index, in: nodes) {
            nodes[existing].merge(node)
            return existing
        }
        nodes.append(node)
        outgoingEdges.append([])
        incomingEdges.append([])
        nodesByKind[node.kind, default: []].append(index)
        return index
    }

    /// Adds an edge between two existing nodes, or adds the evidence to the edge
    /// already there (evidence already recorded is not repeated).
    /// - Returns: the edge's index.
    @discardableResult
    public mutating func addEdge(from: Int, relation: Relation, to: Int, evidence: [Evidence] = []) -> Int {
        precondition(nodes.indices.contains(from) && nodes.indices.contains(to), "edge to a missing node")
        if let existing = edgeIndex(from: from, relation: relation, to: to) {
            for item in evidence where !edges[existing].evidence.contains(item) {
                edges[existing].evidence.append(item)
            }
            return existing
        }
        let index = edges.count
        edges.append(Edge(from: from, relation: relation, to: to, evidence: evidence))
        outgoingEdges[from].append(index)
        incomingEdges[to].append(index)
        return index
    }

    /// Merges a fragment: its nodes are upserted, then its edges added. An edge
    /// naming a node the fragment does not carry and the graph lacks gets a bare
    /// node with the key as its name, so no edge is ever lost.
    public mutating func merge(_ fragment: GraphFragment) {
        for node in fragment.nodes { upsert(node) }
        for spec in fragment.edges {
            let from = index(of: spec.from) ?? upsert(Node(id: spec.from, name: spec.from.key))
            let to = index(of: spec.to) ?? upsert(Node(id: spec.to, name: spec.to.key))
            addEdge(from: from, relation: spec.relation, to: to, evidence: spec.evidence)
        }
    }

    /// Merges another whole graph into this one.
    public mutating func merge(_ other: KnowledgeGraph) {
        merge(other.asFragment())
    }

    /// The whole graph as one fragment (node identities instead of indices).
    public func asFragment() -> GraphFragment {
        GraphFragment(paper: nil, nodes: nodes, edges: edges.map {
            EdgeSpec(from: nodes[$0.from].id, relation: $0.relation, to: nodes[$0.to].id, evidence: $0.evidence)
        })
    }
}
