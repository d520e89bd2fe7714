import PaperGraphModel

/// Runs a ``LinearMatchPlan``: the same depth-first search as ``PatternMatcher``
/// (same start node, same candidates, same expansion order, same relationship
/// uniqueness, same counters and deadline checks), but a partial match is one
/// node index per pattern position instead of a dictionary row, and results are
/// kept as node indices (``NodeColumns``).
///
/// WHERE is evaluated as soon as every variable it reads is bound (once per
/// benchmark in `(p)-->(b) WHERE b.name IN […]`, not once per paper); a WHERE
/// holding a pattern waits for complete matches, as the general pipeline does.
final class LinearMatchRun {
    private let plan: LinearMatchPlan
    private let context: ExecutionContext
    private let catalog: GraphCatalog
    private let graph: KnowledgeGraph
    private let edges: [Edge]
    private let kinds: [NodeKind]
    private let part: PatternPart
    private let trackUsed: Bool

    /// One expansion step: fill `position` from the already bound `origin`.
    private struct Step {
        let position: Int
        let origin: Int
        let relations: [Relation]
        let direction: RelationshipPattern.Direction
    }
    private var steps: [Step] = []
    /// The positions in the order they are bound: the start, then each step's.
    private var order: [Int] = []
    /// Per position, an earlier bound position with the same variable (which it must equal).
    private var sameAs: [Int?]
    /// What a node's kind must be to fit a position's labels.
    private enum LabelTest {
        case any
        case kind(NodeKind)
        /// Two different labels: nothing fits.
        case none
    }
    private let labelTests: [LabelTest]
    /// Per position and property of its map, the expected value (or the error evaluating it threw), evaluated on first use.
    private var expected: [[Result<CypherValue, Error>?]]

    /// After how many steps the WHERE is evaluated (`steps.count`: on complete matches).
    private var predicateDepth = 0
    /// An error the WHERE threw before the match was complete: the general
    /// pipeline throws it on the first complete match below, so this does too.
    private var deferredError: Error?

    /// Node per pattern position, for the positions bound so far.
    private var bound: [Int]
    /// Relationships of the current partial match (only tracked when two could coincide).
    private var trail: [Int] = []
    private var output: LinearMatchOutput

    init(_ plan: LinearMatchPlan, context: ExecutionContext) {
        self.plan = plan
        self.context = context
        catalog = context.catalog
        graph = context.graph
        edges = graph.edges
        kinds = catalog.nodeKinds
        part = plan.part
        trackUsed = PatternMatcher.needsUniqueness([plan.part])
        sameAs = Array(repeating: nil, count: part.nodes.count)
        labelTests = part.nodes.map { node in
            guard let first = node.kinds.first else { return .any }
            guard let kind = first, node.kinds.allSatisfy({ $0 == kind }) else { return .none }
            return .kind(kind)
        }
        expected = part.nodes.map { Array(repeating: nil, count: $0.properties.count) }
        bound = Array(repeating: -1, count: part.nodes.count)
        output = LinearMatchOutput(plan, context: context)
    }

    func run() throws -> QueryRows {
        let matcher = PatternMatcher(context: context)
        let seeds = plan.clause.predicate.map { PatternMatcher.seeds(from: $0, boundBefore: [:]) } ?? [:]
        let (start, _) = try matcher.bestStart(part, row: [:], seeds: seeds)
        plan(from: start)
        let candidates = try matcher.startCandidates(part.nodes[start], row: [:], seeds: seeds)
        defer { output.close() }
        for candidate in candidates {
            context.statistics.startNodes += 1
            try context.tick()
            guard try accepts(candidate, at: start) else { continue }
            bound[start] = candidate
            if !(try bind(depth: 0)) { break }
        }
        return try output.finish()
    }

    /// The expansion order of ``PatternMatcher``: rightwards from the start to the
    /// last node, then leftwards from the start to the first; and where the WHERE can be decided.
    private func plan(from start: Int) {
        order = [start]
        for position in start + 1 ..< part.nodes.count {
            let rel = part.relationships[position - 1]
            steps.append(Step(position: position, origin: position - 1, relations: rel.relations, direction: rel.direction))
            order.append(position)
        }
        for position in stride(from: start - 1, through: 0, by: -1) {
            let rel = part.relationships[position]
            steps.append(Step(position: position, origin: position + 1, relations: rel.relations,
                              direction: Self.flipped(rel.direction)))
            order.append(position)
        }
        for (k, position) in order.enumerated() {
            guard let v = part.nodes[position].variable else { continue }
            sameAs[position] = order[..<k].first { part.nodes[$0].variable == v }
        }
        guard let predicate = plan.clause.predicate else { return }
        var needed = Set<String>()
        var hasPattern = false
        predicate.visit {
            if case .variable(let v, _) = $0 { needed.insert(v) }
            if case .pattern = $0 { hasPattern = true }
        }
        if hasPattern {
            predicateDepth = steps.count
            return
        }
        var boundVariables = Set<String>()
        for (k, position) in order.enumerated() {
            if let v = part.nodes[position].variable { boundVariables.insert(v) }
            if needed.isSubset(of: boundVariables) {
                predicateDepth = k
                return
            }
        }
        predicateDepth = steps.count
    }

    private static func flipped(_ d: RelationshipPattern.Direction) -> RelationshipPattern.Direction {
        switch d {
        case .outgoing: return .incoming
        case .incoming: return .outgoing
        case .both: return .both
        }
    }

    // MARK: Search

    /// Continues once `depth` steps are bound; false to stop (LIMIT reached).
    private func bind(depth: Int) throws -> Bool {
        var deferredHere = false
        if depth == predicateDepth, let predicate = plan.clause.predicate {
            if depth == steps.count {
                guard try context.truth(predicate, row(depth: depth)) == true else { return true }
            } else {
                do {
                    guard try context.truth(predicate, row(depth: depth)) == true else { return true }
                } catch {
                    deferredError = error
                    deferredHere = true
                }
            }
        }
        defer { if deferredHere { deferredError = nil } }
        if depth == steps.count {
            if let deferredError { throw deferredError }
            return try output.push(bound)
        }
        return try expand(steps[depth], depth: depth + 1)
    }

    private func expand(_ step: Step, depth: Int) throws -> Bool {
        let origin = bound[step.origin]
        if step.direction != .incoming {
            for e in graph.outgoing(origin) {
                if !(try visit(e, to: edges[e].to, step, depth: depth)) { return false }
            }
        }
        if step.direction != .outgoing {
            for e in graph.incoming(origin) {
                let from = edges[e].from
                if step.direction == .both && from == origin { continue }
                if !(try visit(e, to: from, step, depth: depth)) { return false }
            }
        }
        return true
    }

    private func visit(_ edge: Int, to node: Int, _ step: Step, depth: Int) throws -> Bool {
        context.statistics.expansions += 1
        try context.tick()
        if trackUsed && trail.contains(edge) { return true }
        if !step.relations.isEmpty && !step.relations.contains(edges[edge].relation) { return true }
        guard try accepts(node, at: step.position) else { return true }
        bound[step.position] = node
        if trackUsed { trail.append(edge) }
        defer { if trackUsed { trail.removeLast() } }
        return try bind(depth: depth)
    }

    /// ``PatternMatcher``'s node test: labels, then a repeated variable, then the property map.
    private func accepts(_ node: Int, at position: Int) throws -> Bool {
        switch labelTests[position] {
        case .any: break
        case .kind(let kind): if kinds[node] != kind { return false }
        case .none: return false
        }
        if let same = sameAs[position], bound[same] != node { return false }
        let properties = part.nodes[position].properties
        for i in properties.indices {
            let value: CypherValue
            if let cached = expected[position][i] {
                value = try cached.get()
            } else {
                let result = Result { try context.evaluate(properties[i].value, [:]) }
                expected[position][i] = result
                value = try result.get()
            }
            guard CypherValue.equals(catalog.nodeProperty(node, properties[i].key), value) == true else { return false }
        }
        return true
    }

    /// The variables bound after `depth` steps as a row, for evaluating the WHERE.
    private func row(depth: Int) -> Row {
        var row: Row = [:]
        for position in order[...depth] {
            if let v = part.nodes[position].variable { row[v] = .node(bound[position]) }
        }
        return row
    }
}
