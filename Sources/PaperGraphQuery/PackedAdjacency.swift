import PaperGraphModel

/// One direction of the graph's relationships packed for scanning: per node, its
/// relationships as edge index, far end and type in three flat arrays, where
/// ``KnowledgeGraph/outgoing(_:)`` gives edge indices whose ends and types sit
/// in `Edge` values spread over the whole edge array. Following a benchmark's
/// 60,000 incoming relationships read 60,000 scattered edges, a cache miss each;
/// here they are one contiguous run.
///
/// Built once per engine and direction, on first use, in two sequential passes
/// over the edges (a counting sort by node). Within a node the relationships
/// keep edge order, which is the order ``KnowledgeGraph`` keeps its adjacency
/// lists in, so searches expand in the same order as over those lists.
struct PackedAdjacency: Sendable {
    /// Node `i`'s relationships are at `start[i] ..< start[i + 1]`.
    let start: [Int]
    let edge: [Int32]
    let end: [Int32]
    let relation: [Relation]

    init(_ graph: KnowledgeGraph, outgoing: Bool) {
        let edges = graph.edges
        var start = [Int](repeating: 0, count: graph.nodeCount + 1)
        var edge = [Int32](repeating: 0, count: edges.count)
        var end = [Int32](repeating: 0, count: edges.count)
        var relation = [Relation](repeating: .uses, count: edges.count)
        edges.withUnsafeBufferPointer { edges in
            for i in edges.indices { start[(outgoing ? edges[i].from : edges[i].to) + 1] += 1 }
            for i in 0 ..< graph.nodeCount { start[i + 1] += start[i] }
            var next = start
            for i in edges.indices {
                let node = outgoing ? edges[i].from : edges[i].to
                let slot = next[node]
                next[node] = slot + 1
                edge[slot] = Int32(truncatingIfNeeded: i)
                end[slot] = Int32(truncatingIfNeeded: outgoing ? edges[i].to : edges[i].from)
                relation[slot] = edges[i].relation
            }
        }
        self.start = start
        self.edge = edge
        self.end = end
        self.relation = relation
    }
}
