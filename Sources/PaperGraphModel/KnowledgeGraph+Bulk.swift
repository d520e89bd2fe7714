import Dispatch

/// Building a graph in bulk from nodes and edges that are already distinct — what
/// a store whose constraints guarantee both reads back.
///
/// Much cheaper than ``KnowledgeGraph/upsert(_:)`` and
/// ``KnowledgeGraph/addEdge(from:relation:to:evidence:)`` per item: nothing is
/// merged or looked up, and each adjacency list is allocated once at its final
/// size. Loading a 1M-paper store spent most of its graph-building time in those
/// per-item paths.
///
/// The two halves, ``IndexedNodes`` and ``IndexedEdges``, share nothing until
/// ``KnowledgeGraph/init(nodes:edges:)`` joins them, so a loader can index the
/// nodes on one thread while another is still reading the edges.
extension KnowledgeGraph {
    /// Distinct nodes, indexed by identity and by kind: one half of a bulk-built graph.
    public struct IndexedNodes: Sendable {
        let nodes: [Node]
        let index: IdentityTable
        let byKind: [NodeKind: [Int]]

        /// Indexes `nodes`; nil when two of them share an identity.
        public init?(_ nodes: [Node]) {
            var index = IdentityTable(capacity: nodes.count)
            var byKind = [[Int]](repeating: [], count: NodeKind.allCases.count)
            // Identities are read in place: copying each node out would retain and
            // release its name and properties, a cache miss apiece on 1.5M nodes.
            let distinct = nodes.withUnsafeBufferPointer { buffer in
                for i in buffer.indices {
                    guard index.insert(buffer[i].id, at: i, in: nodes) == nil else { return false }
                    byKind[buffer[i].id.kind.ordinal].append(i)
                }
                return true
            }
            guard distinct else { return nil }
            self.nodes = nodes
            self.index = index
            self.byKind = Dictionary(uniqueKeysWithValues: zip(NodeKind.allCases, byKind).filter { !$0.1.isEmpty })
        }

        public var count: Int { nodes.count }
    }

    /// Distinct edges between `nodeCount` nodes, with both adjacency directions
    /// built: the other half of a bulk-built graph.
    public struct IndexedEdges: Sendable {
        let edges: [Edge]
        let nodeCount: Int
        let outgoing: [[Int]]
        let incoming: [[Int]]

        /// Indexes `edges`; nil when one names a node index outside `0..<nodeCount`.
        /// Distinctness (one edge per from, relation, to) is the caller's promise; it
        /// is not checked.
        public init?(_ edges: [Edge], nodeCount: Int) {
            for i in edges.indices {
                guard edges[i].from >= 0, edges[i].from < nodeCount, edges[i].to >= 0, edges[i].to < nodeCount else { return nil }
            }
            // The two directions share nothing, so they are built at once.
            let lists = AdjacencyPair()
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    lists.outgoing = Self.adjacency(edges, nodes: nodeCount, bySource: true)
                } else {
                    lists.incoming = Self.adjacency(edges, nodes: nodeCount, bySource: false)
                }
            }
            self.edges = edges
            self.nodeCount = nodeCount
            outgoing = lists.outgoing
            incoming = lists.incoming
        }

        /// What the two threads of ``init(_:nodeCount:)`` build; each field is written
        /// by one thread and read only after both have finished.
        private final class AdjacencyPair: @unchecked Sendable {
            var outgoing: [[Int]] = []
            var incoming: [[Int]] = []
        }

        /// Per node, the indices of the edges leaving it (`bySource`) or entering it,
        /// in edge order; each list is allocated once at its final size.
        private static func adjacency(_ edges: [Edge], nodes: Int, bySource: Bool) -> [[Int]] {
            // Edges are read by index, not copied out: a copy retains the edge's evidence
            // storage, which the edges of a loaded chunk share, and both threads
            // counting references on one object made them wait on each other.
            var degree = [Int32](repeating: 0, count: nodes)
            for i in edges.indices { degree[bySource ? edges[i].from : edges[i].to] += 1 }
            var lists = degree.map { d -> [Int] in
                var list: [Int] = []
                list.reserveCapacity(Int(d))
                return list
            }
            for i in edges.indices { lists[bySource ? edges[i].from : edges[i].to].append(i) }
            return lists
        }
    }

    /// Joins indexed nodes and the edges between them; nil when the edges were
    /// indexed for a different number of nodes.
    public init?(nodes: IndexedNodes, edges: IndexedEdges) {
        guard edges.nodeCount == nodes.count else { return nil }
        self.nodes = nodes.nodes
        self.edges = edges.edges
        nodeIndex = nodes.index
        nodesByKind = nodes.byKind
        outgoingEdges = edges.outgoing
        incomingEdges = edges.incoming
    }

    /// Builds a graph from distinct nodes and the distinct edges between them,
    /// indexing both halves at once.
    ///
    /// - Returns: nil when two nodes share an identity or an edge names a node
    ///   index out of range (the input was not what it claimed). Edge distinctness
    ///   is the caller's promise; it is not checked.
    public init?(distinctNodes: [Node], distinctEdges: [Edge]) {
        let halves = Halves()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                halves.nodes = IndexedNodes(distinctNodes)
            } else {
                halves.edges = IndexedEdges(distinctEdges, nodeCount: distinctNodes.count)
            }
        }
        guard let nodes = halves.nodes, let edges = halves.edges else { return nil }
        self.init(nodes: nodes, edges: edges)
    }

    /// What the threads of ``init(distinctNodes:distinctEdges:)`` build; each field is
    /// written by one thread and read only after both have finished.
    private final class Halves: @unchecked Sendable {
        var nodes: IndexedNodes?
        var edges: IndexedEdges?
    }
}
