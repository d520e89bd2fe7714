import PaperGraphModel

/// Finds the matches of a MATCH clause's patterns, extending an input row.
///
/// Planning: each pattern part starts from its most selective node — a
/// variable already bound, a `key` or `name` lookup (from the node's property
/// map or from `WHERE v.name = …` / `WHERE v.name IN […]`), then the nodes of
/// one label, and only as a last resort every node — and expands from there in
/// both directions along the adjacency index.
///
/// Relationship uniqueness: within one MATCH clause no relationship is bound
/// twice (Neo4j's trail semantics), also across comma-separated parts and along
/// variable-length relationships. `shortestPath` parts are exempt.
///
/// A class, so the many closures of the expansion capture one reference rather
/// than copying the graph's buffers (that copying cost more than the matching).
final class PatternMatcher {
    let context: ExecutionContext
    let graph: KnowledgeGraph

    /// Index lookups the WHERE clause allows: variable → property (`name`/`key`) → values expression.
    typealias Seeds = [String: (key: String, values: Expr)]

    /// Whether the current match must remember the relationships it bound: only
    /// when it can meet one twice (two or more relationships, or a variable length).
    private var trackUsed = true

    static func needsUniqueness(_ parts: [PatternPart]) -> Bool {
        parts.reduce(0) { $0 + $1.relationships.count } > 1 || parts.contains { $0.relationships.contains { $0.length != nil } }
    }

    init(context: ExecutionContext) {
        self.context = context
        graph = context.graph
    }

    /// Whether `part` has at least one match extending `row` (pattern predicates).
    func exists(_ part: PatternPart, in row: Row) throws -> Bool {
        var found = false
        var used = Set<Int>()
        trackUsed = PatternMatcher.needsUniqueness([part])
        try matchParts([part], remaining: [0], row: row, seeds: [:], used: &used) { _ in
            found = true
            return false
        }
        return found
    }

    /// Calls `emit` for every match of `clause`'s patterns extending `row`
    /// (without applying its WHERE); `emit` returns false to stop.
    func matches(_ clause: MatchClause, row: Row, emit: (Row) throws -> Bool) throws {
        let seeds = clause.predicate.map { PatternMatcher.seeds(from: $0, boundBefore: row) } ?? [:]
        var used = Set<Int>()
        trackUsed = PatternMatcher.needsUniqueness(clause.patterns)
        _ = try matchParts(clause.patterns, remaining: Array(clause.patterns.indices), row: row, seeds: seeds,
                           used: &used, emit: emit)
    }

    /// Conjuncts of the form `v.name = expr`, `v.key = expr`, `v.name IN expr`
    /// whose right side only reads variables bound before this MATCH.
    static func seeds(from predicate: Expr, boundBefore row: Row) -> Seeds {
        var seeds: Seeds = [:]
        func variablesBound(_ e: Expr) -> Bool {
            var ok = true
            e.visit {
                if case .variable(let v, _) = $0, row[v] == nil { ok = false }
                if case .pattern = $0 { ok = false }
                if case .call(let f) = $0, f.isAggregate { ok = false }
            }
            return ok
        }
        func walk(_ e: Expr) {
            switch e {
            case .binary(.and, let l, let r, _):
                walk(l)
                walk(r)
            case .binary(.equal, .property(.variable(let v, _), let key, _), let rhs, _) where key == "name" || key == "key":
                if variablesBound(rhs) { seeds[v] = (key, .list([rhs])) }
            case .binary(.equal, let lhs, .property(.variable(let v, _), let key, _), _) where key == "name" || key == "key":
                if variablesBound(lhs) { seeds[v] = (key, .list([lhs])) }
            case .binary(.in, .property(.variable(let v, _), let key, _), let rhs, _) where key == "name" || key == "key":
                if variablesBound(rhs) { seeds[v] = (key, rhs) }
            default:
                break
            }
        }
        walk(predicate)
        return seeds
    }

    // MARK: Parts

    /// Matches the parts in `remaining`, most selective first, then emits.
    @discardableResult
    private func matchParts(_ parts: [PatternPart], remaining: [Int], row: Row, seeds: Seeds,
                            used: inout Set<Int>, emit: (Row) throws -> Bool) throws -> Bool {
        guard !remaining.isEmpty else { return try emit(row) }
        // Pick the part whose best start node is cheapest given what is bound now.
        var best = (part: remaining[0], start: 0, cost: Int.max)
        for p in remaining {
            let (start, cost) = try bestStart(parts[p], row: row, seeds: seeds)
            if cost < best.cost { best = (p, start, cost) }
        }
        let part = parts[best.part]
        let rest = remaining.filter { $0 != best.part }
        let candidates = try startCandidates(part.nodes[best.start], row: row, seeds: seeds)
        for candidate in candidates {
            context.statistics.startNodes += 1
            try context.tick()
            guard let bound = try bindNode(part.nodes[best.start], candidate, row) else { continue }
            var nodes = [Int?](repeating: nil, count: part.nodes.count)
            nodes[best.start] = candidate
            var rels = [[Int]?](repeating: nil, count: part.relationships.count)
            if part.shortest {
                if !(try shortest(part, start: best.start, nodes: &nodes, row: bound, emit: { row, nodes, rels in
                    var used2 = used
                    return try matchParts(parts, remaining: rest, row: finish(part, row, nodes, rels),
                                          seeds: seeds, used: &used2, emit: emit)
                })) { return false }
                continue
            }
            let keepGoing = try expand(part, from: best.start, right: true, nodes: &nodes, rels: &rels, row: bound,
                                       used: &used) { row, nodes, rels, used in
                try matchParts(parts, remaining: rest, row: finish(part, row, nodes, rels), seeds: seeds,
                               used: &used, emit: emit)
            }
            if !keepGoing { return false }
        }
        return true
    }

    /// Binds the relationship variables and the path variable once a part is complete.
    private func finish(_ part: PatternPart, _ row: Row, _ nodes: [Int?], _ rels: [[Int]?]) -> Row {
        if part.relationshipVariables.isEmpty && part.pathVariable == nil { return row }
        var row = row
        for (i, name, isList) in part.relationshipVariables where row[name] == nil || isList {
            let edges = rels[i]!
            row[name] = isList ? .list(edges.map(CypherValue.relationship)) : .relationship(edges[0])
        }
        if let name = part.pathVariable {
            var pathNodes = [nodes[0]!]
            var pathEdges: [Int] = []
            for edges in rels {
                for e in edges! {
                    pathNodes.append(context.catalog.otherEnd(of: e, from: pathNodes.last!))
                    pathEdges.append(e)
                }
            }
            row[name] = .path(GraphPath(nodes: pathNodes, edges: pathEdges))
        }
        return row
    }

    // MARK: Start nodes

    private func kinds(_ node: NodePattern) -> [NodeKind]? {
        guard !node.labels.isEmpty else { return nil }
        let kinds = Set(node.labels.compactMap { NodeKind(rawValue: $0.name) })
        return kinds.count == 1 && node.labels.allSatisfy({ NodeKind(rawValue: $0.name) != nil }) ? Array(kinds) : []
    }

    func bestStart(_ part: PatternPart, row: Row, seeds: Seeds) throws -> (Int, Int) {
        var best = (0, Int.max)
        let ends = part.shortest ? [0, part.nodes.count - 1] : Array(part.nodes.indices)
        for i in ends {
            let cost = try estimate(part.nodes[i], row: row, seeds: seeds)
            if cost < best.1 { best = (i, cost) }
        }
        return best
    }

    private func lookupKey(_ node: NodePattern, seeds: Seeds) -> (key: String, values: Expr)? {
        if let p = node.properties.first(where: { $0.key == "key" }) { return ("key", .list([p.value])) }
        if let p = node.properties.first(where: { $0.key == "name" }) { return ("name", .list([p.value])) }
        if let v = node.variable, let seed = seeds[v] { return seed }
        return nil
    }

    private func estimate(_ node: NodePattern, row: Row, seeds: Seeds) throws -> Int {
        if let v = node.variable, row[v] != nil { return 0 }
        if let lookup = lookupKey(node, seeds: seeds) {
            switch lookup.values {
            case .list(let items): return items.count
            case .literal(.list(let items)): return items.count
            default: return 10   // a parameter or expression: a few values, far fewer than a label scan
            }
        }
        if let kinds = kinds(node) { return kinds.reduce(0) { $0 + graph.nodeIndices(of: $1).count } + 100 }
        return graph.nodeCount + 200
    }

    func startCandidates(_ node: NodePattern, row: Row, seeds: Seeds) throws -> [Int] {
        if let v = node.variable, let value = row[v] {
            if case .node(let i) = value { return [i] }
            if value.isNull { return [] }
            throw QueryError(.runtime, "variable `\(v)` is a \(value.typeName), not a node", at: node.offset)
        }
        let kinds = kinds(node) ?? NodeKind.allCases
        if let lookup = lookupKey(node, seeds: seeds) {
            guard case .list(let values) = try context.evaluate(lookup.values, row) else { return [] }
            var out: [Int] = []
            var seen = Set<Int>()
            for case .string(let s) in values {
                for kind in kinds {
                    let found = lookup.key == "key" ? context.catalog.node(key: s, kind: kind).map { [$0] } ?? []
                        : context.catalog.nodes(named: s, kind: kind)
                    for i in found where seen.insert(i).inserted { out.append(i) }
                }
            }
            return out
        }
        if node.labels.isEmpty { return Array(0..<graph.nodeCount) }
        return kinds.flatMap { graph.nodeIndices(of: $0) }
    }

    /// Checks `candidate` against a node pattern and binds its variable.
    private func bindNode(_ node: NodePattern, _ candidate: Int, _ row: Row) throws -> Row? {
        if !node.labels.isEmpty {
            let kind = graph.nodes[candidate].kind
            for label in node.kinds where label != kind { return nil }
        }
        var row = row
        if let v = node.variable {
            if let existing = row[v] {
                guard case .node(let i) = existing, i == candidate else { return nil }
            } else {
                row[v] = .node(candidate)
            }
        }
        for (key, expr, _) in node.properties {
            let expected = try context.evaluate(expr, row)
            guard CypherValue.equals(context.catalog.nodeProperty(candidate, key), expected) == true else { return nil }
        }
        return row
    }

    private func edgeAllowed(_ rel: RelationshipPattern, _ edge: Int, _ row: Row) throws -> Bool {
        if !rel.relations.isEmpty && !rel.relations.contains(graph.edges[edge].relation) { return false }
        for (key, expr, _) in rel.properties {
            let expected = try context.evaluate(expr, row)
            guard CypherValue.equals(context.catalog.relationshipProperty(edge, key), expected) == true else { return false }
        }
        if rel.length == nil, let v = rel.variable, let existing = row[v] {
            guard case .relationship(let i) = existing, i == edge else { return false }
        }
        return true
    }

    /// Edges leaving `node` in `direction`, each with the node at its other end.
    private func steps(from node: Int, _ direction: RelationshipPattern.Direction) -> [(edge: Int, to: Int)] {
        var out: [(Int, Int)] = []
        if direction != .incoming {
            for e in graph.outgoing(node) { out.append((e, graph.edges[e].to)) }
        }
        if direction != .outgoing {
            for e in graph.incoming(node) where direction == .incoming || graph.edges[e].from != node {
                out.append((e, graph.edges[e].from))
            }
        }
        return out
    }

    private static func flipped(_ d: RelationshipPattern.Direction) -> RelationshipPattern.Direction {
        switch d {
        case .outgoing: return .incoming
        case .incoming: return .outgoing
        case .both: return .both
        }
    }

    // MARK: Expansion

    typealias PartSink = (Row, [Int?], [[Int]?], inout Set<Int>) throws -> Bool

    /// Extends the part from node position `from`: first rightwards to the last
    /// node, then leftwards from the start position to the first node.
    private func expand(_ part: PatternPart, from position: Int, right: Bool, nodes: inout [Int?],
                        rels: inout [[Int]?], row: Row, used: inout Set<Int>, emit: PartSink) throws -> Bool {
        // Find the next relationship to fill.
        if right {
            guard position < part.relationships.count else {
                let start = nodes.firstIndex(where: { $0 != nil })!
                return try expand(part, from: start, right: false, nodes: &nodes, rels: &rels, row: row, used: &used,
                                  emit: emit)
            }
        } else {
            guard position > 0 else { return try emit(row, nodes, rels, &used) }
        }
        let relIndex = right ? position : position - 1
        let nextPosition = right ? position + 1 : position - 1
        let rel = part.relationships[relIndex]
        let direction = right ? rel.direction : PatternMatcher.flipped(rel.direction)
        let origin = nodes[position]!
        let (minHops, maxHops) = rel.length.map { ($0.min, $0.max) } ?? (1, 1)
        let nextNode = part.nodes[nextPosition]
        var trail: [Int] = []
        var keepGoing = true

        func arrive(at node: Int) throws {
            guard trail.count >= minHops else { return }
            guard let bound = try bindNode(nextNode, node, row) else { return }
            let previousNode = nodes[nextPosition]
            nodes[nextPosition] = node
            rels[relIndex] = right || trail.count < 2 ? trail : trail.reversed()
            defer {
                nodes[nextPosition] = previousNode
                rels[relIndex] = nil
            }
            if !(try expand(part, from: nextPosition, right: right, nodes: &nodes, rels: &rels, row: bound,
                            used: &used, emit: emit)) {
                keepGoing = false
            }
        }

        func walk(from node: Int) throws {
            try arrive(at: node)
            guard keepGoing, maxHops.map({ trail.count < $0 }) ?? true else { return }
            for (edge, to) in steps(from: node, direction) {
                context.statistics.expansions += 1
                try context.tick()
                guard !(trackUsed && used.contains(edge)), try edgeAllowed(rel, edge, row) else { continue }
                if trackUsed { used.insert(edge) }
                trail.append(edge)
                try walk(from: to)
                trail.removeLast()
                if trackUsed { used.remove(edge) }
                if !keepGoing { return }
            }
        }

        try walk(from: origin)
        return keepGoing
    }

    // MARK: Shortest paths

    /// Breadth-first search from the start node: one shortest path to each
    /// reachable node that fits the other end's pattern (as Neo4j's
    /// `shortestPath` and Kuzu's `* SHORTEST` return one path per pair).
    private func shortest(_ part: PatternPart, start: Int, nodes: inout [Int?], row: Row,
                          emit: (Row, [Int?], [[Int]?]) throws -> Bool) throws -> Bool {
        let rel = part.relationships[0]
        let right = start == 0
        let other = right ? 1 : 0
        let direction = right ? rel.direction : PatternMatcher.flipped(rel.direction)
        let (minHops, maxHops) = rel.length.map { ($0.min, $0.max) } ?? (1, 1)
        let origin = nodes[start]!
        var parent: [Int: Int] = [origin: -1]   // node → edge reaching it
        var frontier = [origin]
        var depth = 0
        func report(_ node: Int) throws -> Bool {
            guard depth >= minHops, let bound = try bindNode(part.nodes[other], node, row) else { return true }
            var edges: [Int] = []
            var cursor = node
            while let e = parent[cursor], e >= 0 {
                edges.append(e)
                cursor = context.catalog.otherEnd(of: e, from: cursor)
            }
            // Collected from the far end back to the origin; patterns list edges left to right.
            var n = nodes
            n[other] = node
            let ordered = right ? Array(edges.reversed()) : edges
            return try emit(bound, n, [ordered])
        }
        if minHops == 0, !(try report(origin)) { return false }
        while !frontier.isEmpty, maxHops.map({ depth < $0 }) ?? true {
            depth += 1
            var next: [Int] = []
            for node in frontier {
                for (edge, to) in steps(from: node, direction) {
                    context.statistics.expansions += 1
                    try context.tick()
                    guard parent[to] == nil, try edgeAllowed(rel, edge, row) else { continue }
                    parent[to] = edge
                    next.append(to)
                    if !(try report(to)) { return false }
                }
            }
            frontier = next
        }
        return true
    }
}
