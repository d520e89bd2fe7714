import PaperGraphModel

/// Counts over the stored graph, computed in SQL (no graph is loaded).
public struct StoreStats: Equatable, Sendable, Codable {
    /// A method or benchmark and how many distinct papers link to it.
    public struct Ranked: Equatable, Sendable, Codable {
        public var key: String
        public var name: String
        public var papers: Int

        public init(key: String, name: String, papers: Int) {
            self.key = key
            self.name = name
            self.papers = papers
        }
    }

    public var nodes: [NodeKind: Int]
    public var edges: [Relation: Int]
    /// Benchmarks by papers that evaluate on or introduce them, most first.
    public var topBenchmarks: [Ranked]
    /// Methods by papers that propose or use them, most first.
    public var topMethods: [Ranked]

    public init(nodes: [NodeKind: Int], edges: [Relation: Int], topBenchmarks: [Ranked], topMethods: [Ranked]) {
        self.nodes = nodes
        self.edges = edges
        self.topBenchmarks = topBenchmarks
        self.topMethods = topMethods
    }

    public var nodeCount: Int { nodes.values.reduce(0, +) }
    public var edgeCount: Int { edges.values.reduce(0, +) }
}

extension GraphStore {
    /// Node counts by kind, edge counts by relation, and the `top` most-used
    /// benchmarks and methods by number of distinct papers (ties by name).
    public func stats(top: Int = 10) throws(StoreError) -> StoreStats {
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }

        var nodes: [NodeKind: Int] = [:]
        let byKind = try connection.prepare("SELECT kind, count(*) FROM nodes GROUP BY kind")
        while try byKind.step() {
            nodes[try Self.kind(byKind, column: 0, path: path)] = Int(byKind.int64(1))
        }
        var edges: [Relation: Int] = [:]
        let byRelation = try connection.prepare("SELECT rel, count(*) FROM edges GROUP BY rel")
        while try byRelation.step() {
            edges[try Self.relation(byRelation, column: 0, path: path)] = Int(byRelation.int64(1))
        }
        return StoreStats(nodes: nodes, edges: edges,
                          topBenchmarks: try ranked(relations: [.evaluatesOn, .introduces], top: top),
                          topMethods: try ranked(relations: [.proposes, .uses], top: top))
    }

    private func ranked(relations: [Relation], top: Int) throws(StoreError) -> [StoreStats.Ranked] {
        let list = relations.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let statement = try connection.prepare("""
            SELECT n.key, n.name, p.papers FROM (
                SELECT dst, count(DISTINCT src) AS papers FROM edges
                WHERE rel IN (\(list)) GROUP BY dst
            ) AS p JOIN nodes AS n ON n.id = p.dst
            ORDER BY p.papers DESC, n.name, n.key LIMIT ?1
            """)
        statement.bind(1, Int64(max(0, top)))
        var result: [StoreStats.Ranked] = []
        while try statement.step() {
            result.append(.init(key: statement.text(0), name: statement.text(1), papers: Int(statement.int64(2))))
        }
        return result
    }
}
