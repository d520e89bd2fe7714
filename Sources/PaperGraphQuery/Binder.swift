import PaperGraphModel

/// Semantic checks before anything runs, and the compiled pipeline.
///
/// Catches what a user most often gets wrong and says what was meant: unknown
/// labels, relationship types, properties and functions (with the nearest
/// valid name), undefined variables, aggregates where none are allowed.
struct Binder {
    enum VariableType {
        case node([NodeKind])   // the kinds it can be; all kinds when unlabelled
        case relationship
        case path
        case value
    }

    let catalog: GraphCatalog
    private var scope: [String: VariableType] = [:]

    init(catalog: GraphCatalog) { self.catalog = catalog }

    /// Compiled clauses: each with what the executor needs beyond the AST.
    enum Step {
        case match(MatchClause, introduced: [String])
        case unwind(Expr, alias: String)
        case project(Projection, items: [ProjectionItem], predicate: Expr?)
    }

    mutating func bind(_ query: Query) throws -> (steps: [Step], columns: [String]) {
        var steps: [Step] = []
        var columns: [String] = []
        for clause in query.clauses {
            switch clause {
            case .match(let m):
                let before = Set(scope.keys)
                for part in m.patterns { try declare(part) }
                if let predicate = m.predicate { try check(predicate, allowAggregates: false) }
                let introduced = scope.keys.filter { !before.contains($0) }.sorted()
                steps.append(.match(m, introduced: introduced))
            case .unwind(let e, let alias, let offset):
                try check(e, allowAggregates: false)
                if scope[alias] != nil {
                    throw QueryError(.semantic, "variable `\(alias)` is already defined", at: offset)
                }
                scope[alias] = .value
                steps.append(.unwind(e, alias: alias))
            case .with(let projection, let predicate):
                let items = try project(projection, isReturn: false)
                if let predicate { try check(predicate, allowAggregates: false) }
                steps.append(.project(projection, items: items, predicate: predicate))
            case .return(let projection):
                let items = try project(projection, isReturn: true)
                columns = items.map(\.name)
                steps.append(.project(projection, items: items, predicate: nil))
            }
        }
        return (steps, columns)
    }

    // MARK: Projections

    private mutating func project(_ projection: Projection, isReturn: Bool) throws -> [ProjectionItem] {
        var items: [ProjectionItem] = []
        if projection.star {
            guard !scope.isEmpty else {
                throw QueryError(.semantic, "\(isReturn ? "RETURN" : "WITH") * needs variables in scope", at: projection.offset)
            }
            items = scope.keys.sorted().map { ProjectionItem(expression: .variable($0, offset: projection.offset), alias: nil, text: $0) }
        }
        for item in projection.items {
            try check(item.expression, allowAggregates: true)
            if !isReturn, item.alias == nil {
                guard case .variable = item.expression else {
                    throw QueryError(.semantic, "expression `\(item.text)` in WITH must be aliased (use AS)",
                                     at: projection.offset)
                }
            }
            items.append(item)
        }
        var seen = Set<String>()
        for item in items where !seen.insert(item.name).inserted {
            throw QueryError(.semantic, "column `\(item.name)` appears twice; give one an alias", at: projection.offset)
        }
        var newScope: [String: VariableType] = [:]
        for item in items {
            if case .variable(let v, _) = item.expression, let type = scope[v] {
                newScope[item.name] = type
            } else {
                newScope[item.name] = .value
            }
        }
        // ORDER BY may read both the projected names and, unless the projection
        // aggregates or is DISTINCT, the variables before it.
        let old = scope
        scope = projection.items.contains { $0.expression.containsAggregate } || projection.distinct
            ? newScope.merging(old) { new, _ in new } : old.merging(newScope) { $1 }
        for sort in projection.orderBy { try check(sort.expression, allowAggregates: true) }
        for e in [projection.skip, projection.limit].compactMap({ $0 }) {
            var variables: [String] = []
            e.visit { if case .variable(let v, _) = $0 { variables.append(v) } }
            if !variables.isEmpty {
                throw QueryError(.semantic, "SKIP and LIMIT take a number or a parameter, not `\(variables[0])`",
                                 at: projection.offset)
            }
        }
        scope = newScope
        return items
    }

    // MARK: Patterns

    private func kinds(of node: NodePattern) throws -> [NodeKind] {
        var kinds = NodeKind.allCases
        for label in node.labels {
            guard let kind = NodeKind(rawValue: label.name) else {
                throw QueryError(.semantic, "unknown label :\(label.name)"
                                 + Suggest.hint(label.name, among: NodeKind.allCases.map(\.rawValue))
                                 + "; labels are " + NodeKind.allCases.map(\.rawValue).joined(separator: ", "),
                                 at: label.offset)
            }
            kinds = kinds.filter { $0 == kind }
        }
        return kinds
    }

    private mutating func declare(_ part: PatternPart) throws {
        for node in part.nodes {
            let kinds = try kinds(of: node)
            for (key, value, offset) in node.properties {
                try checkNodeProperty(key, kinds: kinds, offset: offset)
                try check(value, allowAggregates: false)
            }
            guard let v = node.variable else { continue }
            switch scope[v] {
            case nil: scope[v] = .node(kinds)
            case .node(let existing)?: scope[v] = .node(existing.filter(kinds.contains))
            case .value?: break   // a node carried through WITH/UNWIND: checked when run
            default: throw QueryError(.semantic, "variable `\(v)` is not a node here", at: node.offset)
            }
        }
        for rel in part.relationships {
            for type in rel.types where Relation(rawValue: type.name) == nil {
                throw QueryError(.semantic, "unknown relationship type :\(type.name)"
                                 + Suggest.hint(type.name, among: Relation.allCases.map(\.rawValue))
                                 + "; types are " + Relation.allCases.map(\.rawValue).joined(separator: ", "),
                                 at: type.offset)
            }
            for (key, value, offset) in rel.properties {
                try checkRelationshipProperty(key, offset: offset)
                try check(value, allowAggregates: false)
            }
            if part.shortest, rel.length?.min ?? 1 > 1 {
                throw QueryError(.semantic, "shortestPath takes a lower bound of 0 or 1", at: rel.offset)
            }
            guard let v = rel.variable else { continue }
            if let existing = scope[v] {
                guard rel.length == nil, case .relationship = existing else {
                    throw QueryError(.semantic, "variable `\(v)` is already defined", at: rel.offset)
                }
            }
            scope[v] = rel.length == nil ? .relationship : .value
        }
        if let p = part.pathVariable {
            guard scope[p] == nil else { throw QueryError(.semantic, "variable `\(p)` is already defined", at: part.offset) }
            scope[p] = .path
        }
    }

    private func checkNodeProperty(_ key: String, kinds: [NodeKind], offset: Int) throws {
        guard !catalog.isKnownNodeProperty(key, kinds: kinds) else { return }
        let what = kinds.count == 1 ? ":\(kinds[0].rawValue) nodes" : "nodes"
        throw QueryError(.semantic, "unknown property '\(key)' of \(what)"
                         + Suggest.hint(key, among: catalog.nodePropertyNames(kinds: kinds)), at: offset)
    }

    private func checkRelationshipProperty(_ key: String, offset: Int) throws {
        guard !GraphCatalog.relationshipProperties.contains(key) else { return }
        throw QueryError(.semantic, "unknown relationship property '\(key)'"
                         + Suggest.hint(key, among: GraphCatalog.relationshipProperties)
                         + "; relationships have " + GraphCatalog.relationshipProperties.joined(separator: ", "),
                         at: offset)
    }

    // MARK: Expressions

    private func check(_ e: Expr, allowAggregates: Bool, insideAggregate: Bool = false) throws {
        switch e {
        case .variable(let v, let offset):
            guard scope[v] != nil else {
                throw QueryError(.semantic, "variable `\(v)` is not defined" + Suggest.hint(v, among: scope.keys), at: offset)
            }
        case .property(.variable(let v, let vOffset), let key, let offset):
            switch scope[v] {
            case nil:
                throw QueryError(.semantic, "variable `\(v)` is not defined" + Suggest.hint(v, among: scope.keys), at: vOffset)
            case .node(let kinds)?: try checkNodeProperty(key, kinds: kinds, offset: offset + 1)
            case .relationship?: try checkRelationshipProperty(key, offset: offset + 1)
            case .path?: throw QueryError(.semantic, "a path has no properties; use nodes(\(v)) or length(\(v))", at: offset)
            case .value?: break
            }
        case .call(let f):
            if f.isAggregate {
                guard allowAggregates else {
                    throw QueryError(.semantic, "aggregate \(f.name)(...) is not allowed here (only in RETURN and WITH)",
                                     at: f.offset)
                }
                guard !insideAggregate else {
                    throw QueryError(.semantic, "aggregates cannot be nested", at: f.offset)
                }
                guard f.star || f.arguments.count == 1 else {
                    throw QueryError(.semantic, "\(f.name)() takes one argument", at: f.offset)
                }
            } else if !ExecutionContext.functionNames.contains(where: { $0.lowercased() == f.name }) {
                throw QueryError(.semantic, "unknown function \(f.name)()"
                                 + Suggest.hint(f.name, among: ExecutionContext.functionNames), at: f.offset)
            }
            for argument in f.arguments {
                try check(argument, allowAggregates: allowAggregates, insideAggregate: insideAggregate || f.isAggregate)
            }
        case .pattern(let part):
            // Variables a pattern predicate introduces are local to it.
            var inner = self
            try inner.declare(part)
        default:
            for child in e.children {
                try check(child, allowAggregates: allowAggregates, insideAggregate: insideAggregate)
            }
        }
    }
}
