import PaperGraphModel

/// The parsed form of a query: a pipeline of clauses.
struct Query {
    var clauses: [Clause]
}

enum Clause {
    case match(MatchClause)
    case unwind(expression: Expr, alias: String, offset: Int)
    case with(Projection, where: Expr?)
    case `return`(Projection)
}

struct MatchClause {
    var optional: Bool
    var patterns: [PatternPart]
    var predicate: Expr?
    var offset: Int
}

/// One comma-separated part of a MATCH: a chain `n0 r0 n1 r1 … nk`.
struct PatternPart {
    var pathVariable: String?
    /// `shortestPath(...)`: one shortest path per pair of end nodes.
    var shortest: Bool
    var nodes: [NodePattern]
    let relationships: [RelationshipPattern]
    var offset: Int
    /// The named relationships, so completing a match need not look at the others.
    let relationshipVariables: [(index: Int, name: String, isList: Bool)]

    init(pathVariable: String?, shortest: Bool, nodes: [NodePattern], relationships: [RelationshipPattern], offset: Int) {
        self.pathVariable = pathVariable
        self.shortest = shortest
        self.nodes = nodes
        self.relationships = relationships
        self.offset = offset
        relationshipVariables = relationships.indices.compactMap { i in
            relationships[i].variable.map { (i, $0, relationships[i].length != nil) }
        }
    }
}

struct NodePattern {
    var variable: String?
    /// The labels as node kinds (nil for a name that is no kind; the binder rejects those).
    private(set) var kinds: [NodeKind?] = []
    var labels: [(name: String, offset: Int)] = [] {
        didSet { kinds = labels.map { NodeKind(rawValue: $0.name) } }
    }
    var properties: [(key: String, value: Expr, offset: Int)]
    var offset: Int
}

struct RelationshipPattern {
    enum Direction { case outgoing, incoming, both }

    var variable: String?
    var types: [(name: String, offset: Int)] = [] {
        didSet { relations = types.compactMap { Relation(rawValue: $0.name) } }
    }
    /// `types` resolved once, so matching compares enum values, not strings.
    private(set) var relations: [Relation] = []
    var direction: Direction
    var properties: [(key: String, value: Expr, offset: Int)]
    /// Hop bounds for `*`, `*2`, `*1..3`, `*..3`; nil for a single hop.
    var length: (min: Int, max: Int?)?
    var offset: Int
}

struct ProjectionItem {
    var expression: Expr
    var alias: String?
    /// The expression as written, which names the column when there is no alias.
    var text: String

    var name: String { alias ?? text }
}

struct SortItem {
    var expression: Expr
    var ascending: Bool
}

struct Projection {
    var distinct: Bool
    /// `RETURN *` / `WITH *`: every variable in scope, then `items`.
    var star: Bool
    var items: [ProjectionItem]
    var orderBy: [SortItem]
    var skip: Expr?
    var limit: Expr?
    var offset: Int
}

enum BinaryOperator: String {
    case or = "OR", xor = "XOR", and = "AND"
    case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case regex = "=~", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS", `in` = "IN"
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
}

/// A function call; a class so aggregate accumulators can be keyed by identity.
final class FunctionCall {
    let name: String          // lower-cased
    let arguments: [Expr]
    let distinct: Bool
    /// `count(*)`.
    let star: Bool
    let offset: Int

    init(name: String, arguments: [Expr], distinct: Bool, star: Bool, offset: Int) {
        self.name = name
        self.arguments = arguments
        self.distinct = distinct
        self.star = star
        self.offset = offset
        isAggregate = FunctionCall.aggregateNames.contains(name)
    }

    static let aggregateNames: Set<String> = ["count", "collect", "min", "max", "avg", "sum"]

    /// Computed once: evaluation asks for every call on every row.
    let isAggregate: Bool
}

indirect enum Expr {
    case literal(CypherValue)
    case parameter(String, offset: Int)
    case variable(String, offset: Int)
    case property(Expr, key: String, offset: Int)
    case subscriptAccess(Expr, index: Expr, offset: Int)
    case list([Expr])
    case map([(key: String, value: Expr)])
    case not(Expr)
    case negate(Expr)
    case binary(BinaryOperator, Expr, Expr, offset: Int)
    case isNull(Expr, negated: Bool)
    case call(FunctionCall)
    /// A pattern used as a predicate: true when at least one match exists.
    case pattern(PatternPart)

    /// Whether an aggregate function occurs anywhere in the expression.
    var containsAggregate: Bool {
        var found = false
        visit { if case .call(let f) = $0, f.isAggregate { found = true } }
        return found
    }

    /// The aggregate calls in the expression (not looking inside aggregates).
    var aggregateCalls: [FunctionCall] {
        var calls: [FunctionCall] = []
        func walk(_ e: Expr) {
            if case .call(let f) = e, f.isAggregate { calls.append(f); return }
            e.children.forEach(walk)
        }
        walk(self)
        return calls
    }

    /// Calls `body` on this expression and every sub-expression.
    func visit(_ body: (Expr) -> Void) {
        body(self)
        for child in children { child.visit(body) }
    }

    var children: [Expr] {
        switch self {
        case .literal, .parameter, .variable: return []
        case .property(let e, _, _): return [e]
        case .subscriptAccess(let e, let i, _): return [e, i]
        case .list(let items): return items
        case .map(let entries): return entries.map(\.value)
        case .not(let e), .negate(let e), .isNull(let e, _): return [e]
        case .binary(_, let l, let r, _): return [l, r]
        case .call(let f): return f.arguments
        case .pattern(let p):
            return p.nodes.flatMap { $0.properties.map(\.value) } + p.relationships.flatMap { $0.properties.map(\.value) }
        }
    }
}
