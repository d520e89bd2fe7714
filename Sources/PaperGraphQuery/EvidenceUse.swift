/// Whether a query can read edge evidence, so a caller loading a large store can
/// leave the evidence out when it cannot.
///
/// Why: evidence is most of what a store holds per edge (the sentence, the rule,
/// the offsets), and decoding it is about a second of loading a 1M-paper store.
/// Most queries only walk the graph and read node properties.
extension QueryEngine {
    /// Whether running `query` may read any relationship's evidence: a property
    /// that relationships derive from it (`r.evidence`, `r.rule`, `r.rules`,
    /// `r.weight`), a relationship pattern with a property map, or a subscript
    /// whose key is computed. Conservative: a node property of one of those names
    /// counts too.
    ///
    /// - Throws: ``QueryError`` when the query does not parse, as ``run(_:parameters:limits:)`` would.
    public static func readsEvidence(_ query: String) throws -> Bool {
        try Parser.parse(query).clauses.contains { clause in
            switch clause {
            case .match(let match):
                return match.patterns.contains { readsEvidence($0) } || match.predicate.map { readsEvidence($0) } == true
            case .unwind(let expression, _, _):
                return readsEvidence(expression)
            case .with(let projection, let predicate):
                return readsEvidence(projection) || predicate.map { readsEvidence($0) } == true
            case .return(let projection):
                return readsEvidence(projection)
            }
        }
    }

    private static func readsEvidence(_ projection: Projection) -> Bool {
        projection.items.contains { readsEvidence($0.expression) }
            || projection.orderBy.contains { readsEvidence($0.expression) }
            || [projection.skip, projection.limit].contains { $0.map { readsEvidence($0) } == true }
    }

    private static func readsEvidence(_ pattern: PatternPart) -> Bool {
        pattern.relationships.contains { !$0.properties.isEmpty }
            || pattern.nodes.contains { node in node.properties.contains { readsEvidence($0.value) } }
    }

    private static func readsEvidence(_ expression: Expr) -> Bool {
        var found = false
        expression.visit { part in
            switch part {
            case .property(_, let key, _):
                if GraphCatalog.relationshipProperties.contains(key) { found = true }
            case .subscriptAccess(_, let index, _):
                if case .literal(.int) = index {} else { found = true }
            case .pattern(let pattern):
                if readsEvidence(pattern) { found = true }
            default:
                break
            }
        }
        return found
    }
}
