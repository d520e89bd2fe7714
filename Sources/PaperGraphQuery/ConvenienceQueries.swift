import PaperGraphModel

/// Which papers `papergraph papers` should list.
public struct PaperFilter: Sendable {
    /// Benchmark names (as typed; folded and matched against names and aliases).
    public var benchmarks: [String] = []
    public var methods: [String] = []
    /// Repositories: a key `host/owner/name`, a URL, or a name of the graph.
    public var repositories: [String] = []
    /// Require every named benchmark / method / repository, not just one of each.
    public var requireAll = false

    public init(benchmarks: [String] = [], methods: [String] = [], repositories: [String] = [], requireAll: Bool = false) {
        self.benchmarks = benchmarks
        self.methods = methods
        self.repositories = repositories
        self.requireAll = requireAll
    }
}

/// The convenience commands, written as Cypher over the engine so they share
/// its planning, limits and output formats. Each returns the query it ran, so
/// the CLI can show it with `--show-query`.
extension QueryEngine {
    /// Papers that evaluate on the given benchmarks, use or propose the given
    /// methods, and have code in the given repositories (any of each, or all with
    /// ``PaperFilter/requireAll``), newest first.
    public func papers(_ filter: PaperFilter, limits: QueryLimits = QueryLimits()) throws -> (query: String, result: QueryResult) {
        var clauses: [String] = []
        var parameters: [String: CypherValue] = [:]
        var carried: [String] = []
        func add(_ names: [String], kinds: [NodeKind], variable: String, pattern: String, column: String) throws {
            guard !names.isEmpty else { return }
            // Each name stands for its best match; two spellings of one node count once.
            var keys: [CypherValue] = []
            for name in names {
                let best = try NameResolution.require(repositoryKey(name, kinds), in: graph, kinds: kinds)[0]
                let key = CypherValue.string(graph.nodes[best].id.key)
                if !keys.contains(key) { keys.append(key) }
            }
            parameters[variable] = .list(keys)
            parameters[variable + "Needed"] = .int(filter.requireAll ? keys.count : 1)
            clauses.append("MATCH \(pattern) WHERE \(variable).key IN $\(variable)")
            clauses.append("WITH " + (["p"] + carried).joined(separator: ", ")
                           + ", collect(DISTINCT \(variable).name) AS \(column) WHERE size(\(column)) >= $\(variable)Needed")
            carried.append(column)
        }
        try add(filter.benchmarks, kinds: [.benchmark], variable: "b", pattern: "(p:Paper)-[:EVALUATES_ON]->(b:Benchmark)",
                column: "benchmarks")
        try add(filter.methods, kinds: [.method], variable: "m", pattern: "(p:Paper)-[:PROPOSES|USES]->(m:Method)",
                column: "methods")
        try add(filter.repositories, kinds: [.repository], variable: "r", pattern: "(p:Paper)-[:HAS_CODE]->(r:Repository)",
                column: "repositories")
        if clauses.isEmpty { clauses.append("MATCH (p:Paper)") }
        clauses.append("RETURN " + (["p.key AS paper", "p.title AS title", "p.published AS published"] + carried)
            .joined(separator: ", ") + " ORDER BY coalesce(published, \"\") DESC, paper")
        let query = clauses.joined(separator: "\n")
        return (query, try run(query, parameters: parameters, limits: limits))
    }

    /// A repository typed as a URL (`https://github.com/Owner/Name`) is looked up by its key.
    private func repositoryKey(_ name: String, _ kinds: [NodeKind]) -> String {
        guard kinds == [.repository] else { return name }
        var key = name
        for prefix in ["https://", "http://", "www."] where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        while key.hasSuffix("/") { key.removeLast() }
        if key.hasSuffix(".git") { key.removeLast(4) }
        return key
    }

    /// Nodes within `depth` relationships of the node named `name` (either
    /// direction), nearest first, with the relationship that reaches each.
    /// Breadth-first (one shortest path per node), so a hub does not explode.
    public func neighbors(of name: String, depth: Int = 1, limits: QueryLimits = QueryLimits()) throws -> (query: String, result: QueryResult) {
        guard depth >= 1 else { throw QueryError(.semantic, "--depth must be at least 1") }
        let start = try NameResolution.require(name, in: graph, kinds: NodeKind.allCases)[0]
        let node = graph.nodes[start]
        let query = """
            MATCH p = shortestPath((n:\(node.kind.rawValue) {key: $key})-[*1..\(depth)]-(m))
            WITH length(p) AS distance, relationships(p)[-1] AS r, m
            RETURN distance, type(r) AS via, startNode(r).name AS from, endNode(r).name AS to, m.kind AS kind, m.name AS name
            ORDER BY distance, kind, name
            """
        return (query, try run(query, parameters: ["key": .string(node.id.key)], limits: limits))
    }

    /// One shortest path (either direction) between the nodes named `from` and `to`.
    public func shortestPath(from: String, to: String, maxDepth: Int = 10,
                             limits: QueryLimits = QueryLimits()) throws -> (query: String, result: QueryResult) {
        let a = graph.nodes[try NameResolution.require(from, in: graph, kinds: NodeKind.allCases)[0]]
        let b = graph.nodes[try NameResolution.require(to, in: graph, kinds: NodeKind.allCases)[0]]
        let query = """
            MATCH (a:\(a.kind.rawValue) {key: $from}), (b:\(b.kind.rawValue) {key: $to})
            MATCH p = shortestPath((a)-[*..\(maxDepth)]-(b))
            RETURN length(p) AS hops, p AS path
            """
        return (query, try run(query, parameters: ["from": .string(a.id.key), "to": .string(b.id.key)], limits: limits))
    }
}
