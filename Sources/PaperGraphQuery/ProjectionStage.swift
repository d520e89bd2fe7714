/// WITH and RETURN: projection, implicit grouping and aggregation, DISTINCT,
/// ORDER BY, SKIP, LIMIT, and (for WITH) the WHERE that follows.
final class ProjectionStage: Stage {
    let projection: Projection
    let predicate: Expr?
    /// Output column names in order (`*` already expanded by the binder).
    let items: [ProjectionItem]
    let aggregating: Bool
    private let aggregateCalls: [FunctionCall]
    private let groupingItems: [Int]
    private let buffering: Bool

    // Streaming state.
    private var skipRemaining = 0
    private var limitRemaining = Int.max
    private var started = false
    private var done = false

    // Buffering state.
    private struct Group {
        var representative: Row
        var accumulators: [Accumulator]
    }
    private var groupOrder: [[CypherValue]] = []
    private var groups: [[CypherValue]: Group] = [:]
    /// A projected row with what ORDER BY evaluates in: the input row (the group's
    /// first row when aggregating) overlaid with the output, and the group's aggregates.
    private struct Entry {
        var row: Row
        var scope: Row
        var aggregates: [ObjectIdentifier: CypherValue]?
    }
    private var buffered: [Entry] = []
    private var seen = Set<[CypherValue]>()

    init(_ projection: Projection, items: [ProjectionItem], predicate: Expr?, context: ExecutionContext) {
        self.projection = projection
        self.items = items
        self.predicate = predicate
        aggregateCalls = items.flatMap { $0.expression.aggregateCalls }
            + projection.orderBy.flatMap { $0.expression.aggregateCalls }
        aggregating = !aggregateCalls.isEmpty
        groupingItems = items.indices.filter { !items[$0].expression.containsAggregate }
        // DISTINCT alone streams (first occurrence wins); ORDER BY and aggregation need every row.
        buffering = aggregating || !projection.orderBy.isEmpty
        super.init(context: context)
    }

    private func start() throws {
        guard !started else { return }
        started = true
        skipRemaining = try projection.count(projection.skip, "SKIP", context) ?? 0
        limitRemaining = try projection.count(projection.limit, "LIMIT", context) ?? Int.max
    }

    private func project(_ row: Row, aggregates: [ObjectIdentifier: CypherValue]? = nil) throws -> Row {
        var out: Row = [:]
        for item in items { out[item.name] = try context.evaluate(item.expression, row, aggregates: aggregates) }
        return out
    }

    override func push(_ row: Row) throws {
        try start()
        if done { throw StopUpstream() }
        try context.tick()
        if aggregating {
            let key = try groupingItems.map { try context.evaluate(items[$0].expression, row) }
            if groups[key] == nil {
                groupOrder.append(key)
                groups[key] = Group(representative: row, accumulators: aggregateCalls.map(Accumulator.init))
            }
            for (i, call) in aggregateCalls.enumerated() {
                if call.star {
                    groups[key]!.accumulators[i].add(.int(1))
                } else {
                    groups[key]!.accumulators[i].add(try context.evaluate(call.arguments[0], row))
                }
            }
        } else if buffering {
            let out = try project(row)
            buffered.append(Entry(row: out, scope: row.merging(out) { $1 }))
        } else if let result = next as? ResultStage, predicate == nil {
            // The final RETURN without ORDER BY or aggregation: values go straight
            // into the result, with no intermediate row.
            let values = try items.map { try context.evaluate($0.expression, row) }
            if projection.distinct, !seen.insert(values).inserted { return }
            guard try admit() else { return }
            try result.append(values)
            try checkLimit()
        } else {
            let out = try project(row)
            if projection.distinct, !seen.insert(items.map { out[$0.name] ?? .null }).inserted { return }
            try emit(out)
        }
    }

    /// Applies SKIP, LIMIT and WITH's WHERE to one output row, then passes it on.
    private func emit(_ out: Row) throws {
        guard try admit() else { return }
        let passes = try predicate.map { try context.truth($0, out) == true } ?? true
        if passes { try next?.push(out) }
        try checkLimit()
    }

    /// Counts one row against SKIP and LIMIT: false while skipping.
    private func admit() throws -> Bool {
        if skipRemaining > 0 {
            skipRemaining -= 1
            return false
        }
        guard limitRemaining > 0 else {
            done = true
            throw StopUpstream()
        }
        limitRemaining -= 1
        return true
    }

    private func checkLimit() throws {
        if limitRemaining == 0 {
            done = true
            throw StopUpstream()
        }
    }

    override func finish() throws {
        try start()
        if buffering && !done {
            var rows = buffered
            buffered = []
            if aggregating {
                // No input and no grouping keys: one row of empty aggregates (count(*) = 0).
                if groupOrder.isEmpty && groupingItems.isEmpty {
                    groupOrder = [[]]
                    groups[[]] = Group(representative: [:], accumulators: aggregateCalls.map(Accumulator.init))
                }
                for key in groupOrder {
                    let group = groups[key]!
                    var values: [ObjectIdentifier: CypherValue] = [:]
                    for (call, acc) in zip(aggregateCalls, group.accumulators) { values[ObjectIdentifier(call)] = acc.result }
                    let out = try project(group.representative, aggregates: values)
                    rows.append(Entry(row: out, scope: group.representative.merging(out) { $1 }, aggregates: values))
                }
                groups = [:]
            }
            if projection.distinct {
                var seen = Set<[CypherValue]>()
                rows = rows.filter { entry in seen.insert(items.map { entry.row[$0.name] ?? .null }).inserted }
            }
            if !projection.orderBy.isEmpty {
                let keyed = try rows.map { entry -> ([CypherValue], Row) in
                    try context.tick()
                    let keys = try projection.orderBy.map {
                        try context.evaluate($0.expression, entry.scope, aggregates: entry.aggregates)
                    }
                    return (keys, entry.row)
                }
                let sorted = keyed.enumerated().sorted { a, b in
                    for (i, sort) in projection.orderBy.enumerated() {
                        let c = CypherValue.orderCompare(a.element.0[i], b.element.0[i])
                        if c != 0 { return sort.ascending ? c < 0 : c > 0 }
                    }
                    return a.offset < b.offset
                }
                rows = sorted.map { Entry(row: $0.element.1, scope: [:]) }
            }
            do {
                for entry in rows { try emit(entry.row) }
            } catch is StopUpstream {}
        }
        try next?.finish()
    }
}

/// The running state of one aggregate call in one group.
struct Accumulator {
    private enum Function { case count, collect, min, max, sum, avg }

    let call: FunctionCall
    /// The function, resolved once rather than compared by name on every row.
    private let function: Function
    private var count = 0
    private var values: [CypherValue] = []
    private var seen = Set<CypherValue>()
    private var best: CypherValue = .null
    private var intSum = 0
    private var doubleSum = 0.0
    private var allInts = true
    private var overflow = false

    init(_ call: FunctionCall) {
        self.call = call
        switch call.name {
        case "collect": function = .collect
        case "min": function = .min
        case "max": function = .max
        case "sum": function = .sum
        case "avg": function = .avg
        default: function = .count
        }
    }

    mutating func add(_ value: CypherValue) {
        if value.isNull { return }
        if call.distinct && !seen.insert(value).inserted { return }
        count += 1
        switch function {
        case .collect:
            values.append(value)
        case .min:
            if best.isNull || CypherValue.orderCompare(value, best) < 0 { best = value }
        case .max:
            if best.isNull || CypherValue.orderCompare(value, best) > 0 { best = value }
        case .sum, .avg:
            switch value {
            case .int(let i):
                let (s, o) = intSum.addingReportingOverflow(i)
                intSum = s
                overflow = overflow || o
                doubleSum += Double(i)
            case .double(let d):
                allInts = false
                doubleSum += d
            default:
                allInts = false
                doubleSum = .nan
            }
        case .count:
            break
        }
    }

    /// The aggregate's value. `sum`, `avg` and `collect` of no values are null, as
    /// in Kuzu (Neo4j returns 0 for `sum` and `[]` for `collect`).
    var result: CypherValue {
        switch function {
        case .count: return .int(count)
        case .collect: return count == 0 ? .null : .list(values)
        case .min, .max: return best
        case .sum:
            if count == 0 { return .null }
            return allInts && !overflow ? .int(intSum) : .double(doubleSum)
        case .avg:
            return count == 0 ? .null : .double(doubleSum / Double(count))
        }
    }
}

extension Projection {
    /// The value of SKIP or LIMIT (`what`), nil when absent.
    func count(_ e: Expr?, _ what: String, _ context: ExecutionContext) throws -> Int? {
        guard let e else { return nil }
        guard case .int(let n) = try context.evaluate(e, [:]), n >= 0 else {
            throw QueryError(.semantic, "\(what) needs a non-negative integer", at: offset)
        }
        return n
    }
}
