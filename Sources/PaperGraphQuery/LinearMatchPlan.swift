import PaperGraphModel

/// A query of one common shape, recognised so it can run without the general
/// pipeline's per-row dictionaries:
///
///     MATCH <one chain (a)-[:R]->(b)<-[:S]-(c)…> [WHERE …]
///     RETURN [DISTINCT] <node variables and their properties> [SKIP n] [LIMIT m]
///
/// with single-hop relationships that have no variable and no properties, node
/// property maps that read no variables, and no ORDER BY or aggregation. Any
/// other query (OPTIONAL MATCH, WITH, paths, variable length, …) runs on the
/// general pipeline. ``LinearMatchRun`` answers such a query with exactly the
/// rows, in exactly the order, the general pipeline gives; the tests compare the two.
struct LinearMatchPlan {
    let clause: MatchClause
    let part: PatternPart
    let projection: Projection
    /// What each output column shows; slots index ``slotPositions``.
    let columns: [NodeColumns.Column]
    /// The pattern positions whose nodes a result row keeps, one per slot.
    let slotPositions: [Int]

    init?(steps: [Binder.Step], nodeCount: Int) {
        guard nodeCount <= Int(Int32.max), steps.count == 2,
              case .match(let clause, _) = steps[0], !clause.optional, clause.patterns.count == 1,
              case .project(let projection, let items, nil) = steps[1], projection.orderBy.isEmpty,
              !items.contains(where: { $0.expression.containsAggregate })
        else { return nil }
        let part = clause.patterns[0]
        guard part.pathVariable == nil, !part.shortest,
              part.relationships.allSatisfy({ $0.variable == nil && $0.length == nil && $0.properties.isEmpty }),
              part.nodes.allSatisfy({ $0.properties.allSatisfy { LinearMatchPlan.isConstant($0.value) } })
        else { return nil }
        var positions: [Int] = []
        var columns: [NodeColumns.Column] = []
        func slot(of variable: String) -> Int? {
            guard let position = part.nodes.firstIndex(where: { $0.variable == variable }) else { return nil }
            if let slot = positions.firstIndex(of: position) { return slot }
            positions.append(position)
            return positions.count - 1
        }
        for item in items {
            switch item.expression {
            case .variable(let v, _):
                guard let s = slot(of: v) else { return nil }
                columns.append(.node(slot: s))
            case .property(.variable(let v, _), let key, _):
                guard let s = slot(of: v) else { return nil }
                columns.append(.property(slot: s, key: key))
            default:
                return nil
            }
        }
        self.clause = clause
        self.part = part
        self.projection = projection
        self.columns = columns
        slotPositions = positions
    }

    /// Whether `e` reads no variable and holds no pattern, so its value is the same for every row.
    static func isConstant(_ e: Expr) -> Bool {
        var constant = true
        e.visit {
            switch $0 {
            case .variable, .pattern: constant = false
            default: break
            }
        }
        return constant
    }
}
