import PaperGraphModel

/// The rows a query returned, with its column names (alias, or the expression as written).
public struct QueryResult: Sendable {
    public let columns: [String]
    public let rows: QueryRows
    /// How much of the graph the query touched.
    public var statistics = QueryStatistics()

    public init(columns: [String], rows: [[CypherValue]]) {
        self.columns = columns
        self.rows = QueryRows(rows)
    }

    init(columns: [String], rows: QueryRows) {
        self.columns = columns
        self.rows = rows
    }
}

/// Work counters of one run: they show whether a query started from an index
/// lookup (a handful of start nodes) or a scan (every node of a label).
public struct QueryStatistics: Sendable, Equatable {
    /// Candidate nodes tried where a pattern starts.
    public var startNodes = 0
    /// Relationships followed while expanding patterns.
    public var expansions = 0

    public init() {}
}

/// Runs openCypher read queries over one in-memory ``KnowledgeGraph``.
///
/// Create one engine per graph and reuse it: name indexes are built lazily on
/// first use and kept. Safe to share between threads.
///
/// ```swift
/// let engine = QueryEngine(graph: graph)
/// let result = try engine.run("""
///     MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark)
///     WHERE b.name IN $names RETURN DISTINCT p.title
///     """, parameters: ["names": .list([.string("MATH"), .string("GSM8K")])])
/// ```
public final class QueryEngine: Sendable {
    let catalog: GraphCatalog
    /// Whether queries of a shape a specialised operator handles run on it (see
    /// ``LinearMatchPlan``); off only in tests that compare it with the general pipeline.
    let fastPaths: Bool

    public convenience init(graph: KnowledgeGraph) { self.init(graph: graph, fastPaths: true) }

    init(graph: KnowledgeGraph, fastPaths: Bool) {
        catalog = GraphCatalog(graph: graph)
        self.fastPaths = fastPaths
    }

    public var graph: KnowledgeGraph { catalog.graph }

    /// Parses, checks and runs `query`.
    /// - Throws: ``QueryError``; use ``QueryError/render(query:)`` to show it with a caret.
    public func run(_ query: String, parameters: [String: CypherValue] = [:],
                    limits: QueryLimits = QueryLimits()) throws -> QueryResult {
        let parsed = try Parser.parse(query)
        var binder = Binder(catalog: catalog)
        let (steps, columns) = try binder.bind(parsed)
        let context = ExecutionContext(catalog: catalog, parameters: parameters, limits: limits)
        if fastPaths, let plan = LinearMatchPlan(steps: steps, nodeCount: catalog.graph.nodeCount) {
            var answer = QueryResult(columns: columns, rows: try LinearMatchRun(plan, context: context).run())
            answer.statistics = context.statistics
            return answer
        }
        let result = ResultStage(columns: columns, context: context)
        var stages: [Stage] = steps.map { step in
            switch step {
            case .match(let clause, let introduced): return MatchStage(clause, introduced: introduced, context: context)
            case .unwind(let e, let alias): return UnwindStage(expression: e, alias: alias, context: context)
            case .project(let p, let items, let predicate):
                return ProjectionStage(p, items: items, predicate: predicate, context: context)
            }
        }
        stages.append(result)
        for (stage, next) in zip(stages, stages.dropFirst()) { stage.next = next }
        do {
            try stages[0].push([:])
        } catch is StopUpstream {}
        try stages[0].finish()
        var answer = QueryResult(columns: columns, rows: QueryRows(result.rows))
        answer.statistics = context.statistics
        return answer
    }
}
