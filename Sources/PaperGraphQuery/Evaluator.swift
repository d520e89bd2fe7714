import Foundation
import PaperGraphModel

/// Expression evaluation with openCypher's null propagation and three-valued logic.
extension ExecutionContext {
    /// Evaluates `e` in `row`. `aggregates` holds the finished values of aggregate
    /// calls when a projection evaluates its items per group.
    func evaluate(_ e: Expr, _ row: Row, aggregates: [ObjectIdentifier: CypherValue]? = nil) throws -> CypherValue {
        switch e {
        case .literal(let v):
            return v
        case .parameter(let name, let offset):
            guard let v = parameters[name] else {
                throw QueryError(.semantic, "parameter $\(name) is not set; pass --param \(name)=VALUE"
                                 + Suggest.hint(name, among: parameters.keys), at: offset)
            }
            return v
        case .variable(let name, let offset):
            guard let v = row[name] else {
                throw QueryError(.semantic, "variable `\(name)` is not defined" + Suggest.hint(name, among: row.keys), at: offset)
            }
            return v
        case .property(let base, let key, let offset):
            switch try evaluate(base, row, aggregates: aggregates) {
            case .null: return .null
            case .node(let i): return catalog.nodeProperty(i, key)
            case .relationship(let i): return catalog.relationshipProperty(i, key)
            case .map(let m): return m[key] ?? .null
            case let other:
                throw QueryError(.runtime, "cannot read property '\(key)' of a \(other.typeName)", at: offset)
            }
        case .subscriptAccess(let base, let indexExpr, let offset):
            let container = try evaluate(base, row, aggregates: aggregates)
            let index = try evaluate(indexExpr, row, aggregates: aggregates)
            switch (container, index) {
            case (.null, _), (_, .null): return .null
            case (.list(let items), .int(let i)):
                let j = i < 0 ? items.count + i : i
                return items.indices.contains(j) ? items[j] : .null
            case (.map(let m), .string(let k)): return m[k] ?? .null
            case (.node, .string(let k)), (.relationship, .string(let k)):
                return try evaluate(.property(.literal(container), key: k, offset: offset), row)
            default:
                throw QueryError(.runtime, "cannot index a \(container.typeName) with a \(index.typeName)", at: offset)
            }
        case .list(let items):
            return .list(try items.map { try evaluate($0, row, aggregates: aggregates) })
        case .map(let entries):
            var m: [String: CypherValue] = [:]
            for (k, v) in entries { m[k] = try evaluate(v, row, aggregates: aggregates) }
            return .map(m)
        case .not(let operand):
            return ExecutionContext.boolValue(try truth(operand, row, aggregates).map { !$0 })
        case .negate(let operand):
            switch try evaluate(operand, row, aggregates: aggregates) {
            case .null: return .null
            case .int(let i): return .int(-i)
            case .double(let d): return .double(-d)
            case let v: throw QueryError(.runtime, "cannot negate a \(v.typeName)")
            }
        case .isNull(let operand, let negated):
            let isNull = try evaluate(operand, row, aggregates: aggregates).isNull
            return .bool(negated ? !isNull : isNull)
        case .binary(let op, let l, let r, let offset):
            return try binary(op, l, r, offset: offset, row, aggregates)
        case .call(let f):
            if f.isAggregate {
                guard let value = aggregates?[ObjectIdentifier(f)] else {
                    throw QueryError(.semantic, "aggregate \(f.name)(...) is only allowed in RETURN, WITH and their ORDER BY",
                                     at: f.offset)
                }
                return value
            }
            return try call(f, row, aggregates)
        case .pattern(let part):
            return .bool(try PatternMatcher(context: self).exists(part, in: row))
        }
    }

    static func boolValue(_ b: Bool?) -> CypherValue { b.map(CypherValue.bool) ?? .null }

    /// The truth value of a predicate: nil for null (unknown).
    func truth(_ e: Expr, _ row: Row, _ aggregates: [ObjectIdentifier: CypherValue]? = nil) throws -> Bool? {
        switch try evaluate(e, row, aggregates: aggregates) {
        case .bool(let b): return b
        case .null: return nil
        case let v: throw QueryError(.runtime, "expected a boolean, got a \(v.typeName) (\(v.literalDescription))")
        }
    }

    private func binary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, offset: Int, _ row: Row,
                        _ aggregates: [ObjectIdentifier: CypherValue]?) throws -> CypherValue {
        switch op {
        case .and:
            let a = try truth(l, row, aggregates)
            if a == false { return .bool(false) }
            let b = try truth(r, row, aggregates)
            if b == false { return .bool(false) }
            return (a == nil || b == nil) ? .null : .bool(true)
        case .or:
            let a = try truth(l, row, aggregates)
            if a == true { return .bool(true) }
            let b = try truth(r, row, aggregates)
            if b == true { return .bool(true) }
            return (a == nil || b == nil) ? .null : .bool(false)
        case .xor:
            guard let a = try truth(l, row, aggregates), let b = try truth(r, row, aggregates) else { return .null }
            return .bool(a != b)
        default:
            break
        }
        let a = try evaluate(l, row, aggregates: aggregates)
        let b = try evaluate(r, row, aggregates: aggregates)
        switch op {
        case .equal: return ExecutionContext.boolValue(CypherValue.equals(a, b))
        case .notEqual: return ExecutionContext.boolValue(CypherValue.equals(a, b).map { !$0 })
        case .less: return ExecutionContext.boolValue(CypherValue.compare(a, b).map { $0 < 0 })
        case .lessOrEqual: return ExecutionContext.boolValue(CypherValue.compare(a, b).map { $0 <= 0 })
        case .greater: return ExecutionContext.boolValue(CypherValue.compare(a, b).map { $0 > 0 })
        case .greaterOrEqual: return ExecutionContext.boolValue(CypherValue.compare(a, b).map { $0 >= 0 })
        case .regex:
            guard case .string(let s) = a, case .string(let p) = b else { return .null }
            return .bool(try regexMatches(s, p, offset: offset))
        case .startsWith, .endsWith, .contains:
            guard case .string(let s) = a, case .string(let t) = b else { return .null }
            switch op {
            case .startsWith: return .bool(s.hasPrefix(t))
            case .endsWith: return .bool(s.hasSuffix(t))
            default: return .bool(t.isEmpty || s.contains(t))
            }
        case .in:
            // As Kuzu: null on the left gives null, nulls in the list are skipped, so
            // `"math" IN ["code", null]` is false (Neo4j says null).
            switch b {
            case .null: return .null
            case .list(let items):
                if a.isNull { return .null }
                return .bool(items.contains { CypherValue.equals(a, $0) == true })
            default:
                throw QueryError(.runtime, "IN needs a list on its right, got a \(b.typeName)", at: offset)
            }
        default:
            return try arithmetic(op, a, b, offset: offset)
        }
    }

    private func arithmetic(_ op: BinaryOperator, _ a: CypherValue, _ b: CypherValue, offset: Int) throws -> CypherValue {
        switch (op, a, b) {
        case (_, .null, _), (_, _, .null): return .null
        case (.add, .string(let x), .string(let y)): return .string(x + y)
        case (.add, .string(let x), .int), (.add, .string(let x), .double): return .string(x + b.description)
        case (.add, .int, .string(let y)), (.add, .double, .string(let y)): return .string(a.description + y)
        case (.add, .list(let x), .list(let y)): return .list(x + y)
        case (.add, .list(let x), _): return .list(x + [b])
        case (.add, _, .list(let y)): return .list([a] + y)
        case (_, .int(let x), .int(let y)):
            switch op {
            case .add, .subtract, .multiply:
                let (value, overflow) = op == .add ? x.addingReportingOverflow(y)
                    : (op == .subtract ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y))
                if overflow { throw QueryError(.runtime, "integer overflow", at: offset) }
                return .int(value)
            case .divide, .modulo:
                guard y != 0 else { throw QueryError(.runtime, "division by zero", at: offset) }
                return .int(op == .divide ? x / y : x % y)
            default:
                return .double(pow(Double(x), Double(y)))
            }
        default:
            guard let x = a.numeric, let y = b.numeric else {
                throw QueryError(.runtime, "cannot apply '\(op.rawValue)' to \(a.typeName) and \(b.typeName)", at: offset)
            }
            switch op {
            case .add: return .double(x + y)
            case .subtract: return .double(x - y)
            case .multiply: return .double(x * y)
            case .divide: return .double(x / y)
            case .modulo: return .double(fmod(x, y))
            default: return .double(pow(x, y))
            }
        }
    }
}
