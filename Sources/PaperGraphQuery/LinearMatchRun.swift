import PaperGraphModel

/// Runs a ``LinearMatchPlan``: the same depth-first search as ``PatternMatcher``
/// (same start node, same candidates, same expansion order, same relationship
/// uniqueness, same counters, deadline checks), but a partial match is one node
/// index per pattern position instead of a dictionary row, results are kept as
/// node indices (``NodeColumns``), and everything the search changes is passed
/// down as `inout` rather than kept in objects, so the inner loop neither counts
/// references nor checks exclusive access at run time.
///
/// WHERE is evaluated as soon as every variable it reads is bound (once per
/// benchmark in `(p)-->(b) WHERE b.name IN […]`, not once per paper); a WHERE
/// holding a pattern waits for complete matches, as the general pipeline does.
struct LinearMatchRun {
    private let plan: LinearMatchPlan
    private let context: ExecutionContext

    init(_ plan: LinearMatchPlan, context: ExecutionContext) {
        self.plan = plan
        self.context = context
    }

    func run() throws -> QueryRows {
        let part = plan.part
        let matcher = PatternMatcher(context: context)
        let seeds = plan.clause.predicate.map { PatternMatcher.seeds(from: $0, boundBefore: [:]) } ?? [:]
        let (start, _) = try matcher.bestStart(part, row: [:], seeds: seeds)
        let search = LinearSearch(plan, start: start, context: context)
        let candidates = try matcher.startCandidates(part.nodes[start], row: [:], seeds: seeds)
        var state = LinearSearch.State(positions: part.nodes.map { $0.properties.count })
        var output = LinearMatchOutput(plan, context: context)
        defer { output.close() }
        for candidate in candidates {
            state.startNodes += 1
            try state.tick(context)
            guard try search.accepts(candidate, at: start, &state) else { continue }
            state.bound[start] = candidate
            if !(try search.bind(depth: 0, pending: nil, &state, &output)) { break }
        }
        context.statistics.startNodes += state.startNodes
        context.statistics.expansions += state.expansions
        return try output.finish()
    }
}

/// The search of one ``LinearMatchRun`` once its start position is known.
struct LinearSearch {
    /// What the search changes as it goes.
    struct State {
        /// Node per pattern position, for the positions bound so far.
        var bound: [Int]
        /// Relationships of the current partial match (only tracked when two could coincide).
        var trail: [Int] = []
        /// Per position and property of its map, the expected value (or the error evaluating it threw), on first use.
        var expected: [[Result<CypherValue, Error>?]]
        /// Per depth, the relationships read from the node being expanded (edge, far end or -1).
        var scratch: [[Int32]]
        var startNodes = 0
        var expansions = 0
        private var ticks = 0

        init(positions propertyCounts: [Int]) {
            bound = Array(repeating: -1, count: propertyCounts.count)
            expected = propertyCounts.map { Array(repeating: nil, count: $0) }
            scratch = Array(repeating: [], count: propertyCounts.count)
        }

        /// As ``ExecutionContext/tick()``: a clock check every few thousand steps.
        mutating func tick(_ context: ExecutionContext) throws {
            ticks &+= 1
            if ticks & 4095 == 0 { try context.checkDeadline() }
        }

        /// `count` ticks at once: the clock is checked if one of them would have checked it.
        mutating func tick(_ context: ExecutionContext, count: Int) throws {
            let before = ticks
            ticks &+= count
            if before >> 12 != ticks >> 12 { try context.checkDeadline() }
        }
    }

    /// One expansion step: fill `position` from the already bound `origin`.
    struct Step {
        let position: Int
        let origin: Int
        let relations: [Relation]
        let direction: RelationshipPattern.Direction
    }

    /// What a node's kind must be to fit a position's labels.
    enum LabelTest {
        case any
        case kind(NodeKind)
        /// Two different labels: nothing fits.
        case none
    }

    private let context: ExecutionContext
    private let catalog: GraphCatalog
    private let graph: KnowledgeGraph
    /// The relationships by direction, packed; nil when no step goes that way.
    private let outgoing: PackedAdjacency?
    private let incoming: PackedAdjacency?
    private let kinds: [NodeKind]
    private let nodes: [NodePattern]
    private let predicate: Expr?
    private let trackUsed: Bool
    private let steps: [Step]
    /// The positions in the order they are bound: the start, then each step's.
    private let order: [Int]
    /// Per position, an earlier bound position with the same variable (which it must equal).
    private let sameAs: [Int?]
    private let labelTests: [LabelTest]
    /// Per position, whether its node pattern has a property map to check.
    private let hasProperties: [Bool]
    /// After how many steps the WHERE is evaluated (`steps.count`: on complete matches).
    private let predicateDepth: Int

    /// Plans the expansion order of ``PatternMatcher``: rightwards from the start
    /// to the last node, then leftwards from the start to the first; and where the WHERE can be decided.
    init(_ plan: LinearMatchPlan, start: Int, context: ExecutionContext) {
        let part = plan.part
        self.context = context
        catalog = context.catalog
        graph = context.graph
        kinds = catalog.nodeKinds
        nodes = part.nodes
        predicate = plan.clause.predicate
        trackUsed = PatternMatcher.needsUniqueness([part])
        var steps: [Step] = []
        var order = [start]
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
        self.steps = steps
        outgoing = steps.contains { $0.direction != .incoming } ? catalog.packedAdjacency(outgoing: true) : nil
        incoming = steps.contains { $0.direction != .outgoing } ? catalog.packedAdjacency(outgoing: false) : nil
        self.order = order
        var sameAs = [Int?](repeating: nil, count: part.nodes.count)
        for (k, position) in order.enumerated() {
            guard let v = part.nodes[position].variable else { continue }
            sameAs[position] = order[..<k].first { part.nodes[$0].variable == v }
        }
        self.sameAs = sameAs
        hasProperties = part.nodes.map { !$0.properties.isEmpty }
        labelTests = part.nodes.map { node in
            guard let first = node.kinds.first else { return .any }
            guard let kind = first, node.kinds.allSatisfy({ $0 == kind }) else { return .none }
            return .kind(kind)
        }
        predicateDepth = plan.clause.predicate.map { Self.depth(deciding: $0, part: part, order: order) } ?? steps.count
    }

    /// The first depth at which every variable `predicate` reads is bound; the
    /// last for a predicate holding a pattern (its variables are its own).
    private static func depth(deciding predicate: Expr, part: PatternPart, order: [Int]) -> Int {
        var needed = Set<String>()
        var hasPattern = false
        predicate.visit {
            if case .variable(let v, _) = $0 { needed.insert(v) }
            if case .pattern = $0 { hasPattern = true }
        }
        if hasPattern { return order.count - 1 }
        var bound = Set<String>()
        for (k, position) in order.enumerated() {
            if let v = part.nodes[position].variable { bound.insert(v) }
            if needed.isSubset(of: bound) { return k }
        }
        return order.count - 1
    }

    private static func flipped(_ d: RelationshipPattern.Direction) -> RelationshipPattern.Direction {
        switch d {
        case .outgoing: return .incoming
        case .incoming: return .outgoing
        case .both: return .both
        }
    }

    /// Continues once `depth` steps are bound; false to stop (LIMIT reached).
    /// `pending` is an error the WHERE threw before the match was complete: the
    /// general pipeline throws it on the first complete match below, so this does too.
    func bind(depth: Int, pending: Error?, _ state: inout State, _ output: inout LinearMatchOutput) throws -> Bool {
        var pending = pending
        if depth == predicateDepth, let predicate {
            if depth == steps.count {
                guard try context.truth(predicate, row(depth: depth, state)) == true else { return true }
            } else {
                do {
                    guard try context.truth(predicate, row(depth: depth, state)) == true else { return true }
                } catch {
                    pending = error
                }
            }
        }
        if depth == steps.count {
            if let pending { throw pending }
            return try output.push(state.bound)
        }
        // First read every relationship leaving the origin (its far end, whether its
        // type and the far end's labels fit), then walk them: the reads run back to
        // back, so their cache misses overlap instead of each waiting for the last.
        let step = steps[depth]
        let origin = state.bound[step.origin]
        var next: [Int32] = []
        swap(&next, &state.scratch[depth])
        next.removeAll(keepingCapacity: true)
        let relations = step.relations
        let label = labelTests[step.position]
        if step.direction != .incoming, let outgoing {
            let range = outgoing.start[origin] ..< outgoing.start[origin + 1]
            next.reserveCapacity(2 * range.count)
            for k in range {
                let to = outgoing.end[k]
                let fits = (relations.isEmpty || relations.contains(outgoing.relation[k])) && fitsLabels(Int(to), label)
                next.append(outgoing.edge[k])
                next.append(fits ? to : -1)
            }
        }
        if step.direction != .outgoing, let incoming {
            let range = incoming.start[origin] ..< incoming.start[origin + 1]
            next.reserveCapacity(next.count + 2 * range.count)
            for k in range {
                let from = incoming.end[k]
                if step.direction == .both && Int(from) == origin { continue }
                let fits = (relations.isEmpty || relations.contains(incoming.relation[k])) && fitsLabels(Int(from), label)
                next.append(incoming.edge[k])
                next.append(fits ? from : -1)
            }
        }
        defer { swap(&next, &state.scratch[depth]) }
        let completes = depth + 1 == steps.count && (predicate == nil || predicateDepth < steps.count)
        if completes && pending == nil && !trackUsed && sameAs[step.position] == nil && !hasProperties[step.position] {
            // Every candidate that fits completes a match, and nothing is left to
            // check: what the loop below does, with none of its tests.
            return try output.push(ends: &next, at: step.position, &state)
        }
        if depth + 1 == steps.count { output.warm(next, at: step.position) }
        var i = 0
        while i < next.count {
            let edge = Int(next[i]), node = Int(next[i + 1])
            i += 2
            state.expansions += 1
            try state.tick(context)
            if trackUsed && state.trail.contains(edge) { continue }
            if node < 0 { continue }
            guard try accepts(node, at: step.position, labelsChecked: true, &state) else { continue }
            state.bound[step.position] = node
            if completes {
                // The match is complete and the WHERE already decided: what
                // ``bind(depth:pending:_:_:)`` would do at the last depth, without the call.
                if let pending { throw pending }
                if !(try output.push(state.bound)) { return false }
                continue
            }
            if trackUsed { state.trail.append(edge) }
            let keepGoing = try bind(depth: depth + 1, pending: pending, &state, &output)
            if trackUsed { state.trail.removeLast() }
            if !keepGoing { return false }
        }
        return true
    }

    /// ``PatternMatcher``'s node test: labels, then a repeated variable, then the property map.
    func accepts(_ node: Int, at position: Int, labelsChecked: Bool = false, _ state: inout State) throws -> Bool {
        if !labelsChecked && !fitsLabels(node, labelTests[position]) { return false }
        if let same = sameAs[position], state.bound[same] != node { return false }
        guard hasProperties[position] else { return true }
        let properties = nodes[position].properties
        for i in properties.indices {
            let value: CypherValue
            if let cached = state.expected[position][i] {
                value = try cached.get()
            } else {
                let result = Result { try context.evaluate(properties[i].value, [:]) }
                state.expected[position][i] = result
                value = try result.get()
            }
            guard CypherValue.equals(catalog.nodeProperty(node, properties[i].key), value) == true else { return false }
        }
        return true
    }

    private func fitsLabels(_ node: Int, _ test: LabelTest) -> Bool {
        switch test {
        case .any: return true
        case .kind(let kind): return kinds[node] == kind
        case .none: return false
        }
    }

    /// The variables bound after `depth` steps as a row, for evaluating the WHERE.
    private func row(depth: Int, _ state: State) -> Row {
        var row: Row = [:]
        for position in order[...depth] {
            if let v = nodes[position].variable { row[v] = .node(state.bound[position]) }
        }
        return row
    }
}
