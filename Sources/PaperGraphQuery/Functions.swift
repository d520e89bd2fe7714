import PaperGraphModel

/// The scalar functions of the supported subset.
extension ExecutionContext {
    /// Names accepted by ``call(_:_:_:)`` and the aggregates, for "did you mean".
    static let functionNames: [String] = [
        "labels", "label", "type", "id", "size", "length", "toLower", "toUpper", "lower", "upper", "coalesce",
        "nodes", "relationships", "rels", "startNode", "endNode", "toString", "toInteger", "toFloat", "head",
        "last", "abs", "trim", "count", "collect", "min", "max", "avg", "sum",
    ]

    func call(_ f: FunctionCall, _ row: Row, _ aggregates: [ObjectIdentifier: CypherValue]?) throws -> CypherValue {
        let args = try f.arguments.map { try evaluate($0, row, aggregates: aggregates) }
        func arity(_ n: Int) throws {
            guard args.count == n else {
                throw QueryError(.semantic, "\(f.name)() takes \(n) argument\(n == 1 ? "" : "s"), got \(args.count)",
                                 at: f.offset)
            }
        }
        func wrongType(_ v: CypherValue) -> QueryError {
            QueryError(.runtime, "\(f.name)() does not accept a \(v.typeName)", at: f.offset)
        }
        if f.name == "coalesce" { return args.first { !$0.isNull } ?? .null }
        try arity(1)
        let v = args[0]
        if v.isNull { return .null }
        switch f.name {
        case "labels":
            guard case .node(let i) = v else { throw wrongType(v) }
            return .list([.string(graph.nodes[i].kind.rawValue)])
        case "label":
            if case .node(let i) = v { return .string(graph.nodes[i].kind.rawValue) }
            if case .relationship(let i) = v { return .string(graph.edges[i].relation.rawValue) }
            throw wrongType(v)
        case "type":
            guard case .relationship(let i) = v else { throw wrongType(v) }
            return .string(graph.edges[i].relation.rawValue)
        case "id":
            if case .node(let i) = v { return .int(i) }
            if case .relationship(let i) = v { return .int(i) }
            throw wrongType(v)
        case "size", "length":
            switch v {
            case .list(let items): return .int(items.count)
            case .string(let s): return .int(s.count)
            case .path(let p): return .int(p.edges.count)
            default: throw wrongType(v)
            }
        case "tolower", "lower":
            guard case .string(let s) = v else { throw wrongType(v) }
            return .string(s.lowercased())
        case "toupper", "upper":
            guard case .string(let s) = v else { throw wrongType(v) }
            return .string(s.uppercased())
        case "trim":
            guard case .string(let s) = v else { throw wrongType(v) }
            return .string(s.trimmingCharacters(in: .whitespaces))
        case "nodes":
            guard case .path(let p) = v else { throw wrongType(v) }
            return .list(p.nodes.map(CypherValue.node))
        case "relationships", "rels":
            guard case .path(let p) = v else { throw wrongType(v) }
            return .list(p.edges.map(CypherValue.relationship))
        case "startnode", "endnode":
            guard case .relationship(let i) = v else { throw wrongType(v) }
            return .node(f.name == "startnode" ? graph.edges[i].from : graph.edges[i].to)
        case "tostring":
            switch v {
            case .string, .int, .double, .bool: return .string(v.description)
            default: throw wrongType(v)
            }
        case "tointeger":
            switch v {
            case .int: return v
            case .double(let d): return d.isFinite ? .int(Int(d)) : .null
            case .string(let s):
                if let i = Int(s.trimmingCharacters(in: .whitespaces)) { return .int(i) }
                if let d = Double(s.trimmingCharacters(in: .whitespaces)), d.isFinite { return .int(Int(d)) }
                return .null
            default: throw wrongType(v)
            }
        case "tofloat":
            switch v {
            case .int(let i): return .double(Double(i))
            case .double: return v
            case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces)).map(CypherValue.double) ?? .null
            default: throw wrongType(v)
            }
        case "head", "last":
            guard case .list(let items) = v else { throw wrongType(v) }
            return (f.name == "head" ? items.first : items.last) ?? .null
        case "abs":
            switch v {
            case .int(let i): return .int(abs(i))
            case .double(let d): return .double(abs(d))
            default: throw wrongType(v)
            }
        default:
            throw QueryError(.semantic, "unknown function \(f.name)()"
                             + Suggest.hint(f.name, among: ExecutionContext.functionNames), at: f.offset)
        }
    }
}
