/// Thrown by a stage whose LIMIT is reached, so the stages feeding it stop early.
struct StopUpstream: Error {}

/// One stage of the push-based pipeline a query compiles to. Rows flow from the
/// first MATCH to the final RETURN one at a time; only stages that must see every
/// row before answering (aggregation, DISTINCT, ORDER BY) hold rows back, so
/// `MATCH (p:Paper) RETURN count(*)` never materialises a million rows.
class Stage {
    var next: Stage?
    let context: ExecutionContext

    init(context: ExecutionContext) { self.context = context }

    func push(_ row: Row) throws { try next?.push(row) }

    /// Called once after the last row.
    func finish() throws { try next?.finish() }
}

final class MatchStage: Stage {
    let clause: MatchClause
    /// Variables the clause introduces, set to null when an OPTIONAL MATCH finds nothing.
    let introduced: [String]
    private let matcher: PatternMatcher

    init(_ clause: MatchClause, introduced: [String], context: ExecutionContext) {
        self.clause = clause
        self.introduced = introduced
        matcher = PatternMatcher(context: context)
        super.init(context: context)
    }

    override func push(_ row: Row) throws {
        var matched = false
        try matcher.matches(clause, row: row) { extended in
            if let predicate = clause.predicate, try context.truth(predicate, extended) != true { return true }
            matched = true
            try next?.push(extended)
            return true
        }
        if clause.optional && !matched {
            var padded = row
            for v in introduced where padded[v] == nil { padded[v] = .null }
            try next?.push(padded)
        }
    }
}

final class UnwindStage: Stage {
    let expression: Expr
    let alias: String

    init(expression: Expr, alias: String, context: ExecutionContext) {
        self.expression = expression
        self.alias = alias
        super.init(context: context)
    }

    override func push(_ row: Row) throws {
        let value = try context.evaluate(expression, row)
        let items: [CypherValue]
        switch value {
        case .null: items = []
        case .list(let list): items = list
        default: items = [value]
        }
        for item in items {
            try context.tick()
            var extended = row
            extended[alias] = item
            try next?.push(extended)
        }
    }
}

/// Collects the rows of the final RETURN, enforcing the row limit.
final class ResultStage: Stage {
    let columns: [String]
    var rows: [[CypherValue]] = []

    init(columns: [String], context: ExecutionContext) {
        self.columns = columns
        super.init(context: context)
    }

    override func push(_ row: Row) throws {
        try append(columns.map { row[$0] ?? .null })
    }

    /// Adds one row of values in column order.
    func append(_ values: [CypherValue]) throws {
        guard rows.count < context.limits.maxRows else {
            throw QueryError(.tooManyRows, "the query returns more than \(context.limits.maxRows) rows (--max-rows); "
                             + "add LIMIT, aggregate, or raise the limit")
        }
        rows.append(values)
    }

    override func finish() throws {}
}
