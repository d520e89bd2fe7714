/// Recursive-descent parser for the supported openCypher read subset.
///
/// Every error names what was expected and where, so the CLI can print a caret
/// under the offending token.
struct Parser {
    private var tokens: [Token]
    private var index = 0
    private let source: [UInt8]

    init(_ text: String) throws {
        var lexer = Lexer(text)
        tokens = try lexer.tokenize()
        source = Array(text.utf8)
    }

    static func parse(_ text: String) throws -> Query {
        var parser = try Parser(text)
        return try parser.query()
    }

    // MARK: Token helpers

    private var current: Token { tokens[index] }

    private func peek(_ ahead: Int = 1) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private func isKeyword(_ word: String, _ token: Token? = nil) -> Bool {
        if case .identifier(let s) = (token ?? current).kind { return s.uppercased() == word }
        return false
    }

    private func isSymbol(_ s: String, _ token: Token? = nil) -> Bool { (token ?? current).kind == .symbol(s) }

    private mutating func acceptKeyword(_ word: String) -> Bool {
        guard isKeyword(word) else { return false }
        advance()
        return true
    }

    private mutating func acceptSymbol(_ s: String) -> Bool {
        guard isSymbol(s) else { return false }
        advance()
        return true
    }

    private func unexpected(_ expected: String) -> QueryError {
        QueryError(.syntax, "expected \(expected), found \(current.display)", at: current.offset)
    }

    private mutating func expectKeyword(_ word: String) throws {
        guard acceptKeyword(word) else { throw unexpected(word) }
    }

    private mutating func expectSymbol(_ s: String) throws {
        guard acceptSymbol(s) else { throw unexpected("'\(s)'") }
    }

    private static let reserved: Set<String> = [
        "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "ORDER", "BY", "SKIP", "LIMIT", "AS", "AND", "OR",
        "XOR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE", "DISTINCT", "ASC", "DESC", "ASCENDING", "DESCENDING",
        "STARTS", "ENDS", "CONTAINS", "CREATE", "DELETE", "SET", "MERGE", "REMOVE", "DETACH", "UNION", "CALL",
    ]

    private mutating func name(_ what: String) throws -> (String, Int) {
        guard case .identifier(let s) = current.kind else { throw unexpected(what) }
        let offset = current.offset
        advance()
        return (s, offset)
    }

    private mutating func variableName() throws -> String {
        guard case .identifier(let s) = current.kind, !Parser.reserved.contains(s.uppercased()) else {
            throw unexpected("a variable name")
        }
        advance()
        return s
    }

    private func text(from start: Int, to end: Int) -> String {
        String(decoding: source[start..<end], as: UTF8.self)
    }

    // MARK: Clauses

    mutating func query() throws -> Query {
        var clauses: [Clause] = []
        while true {
            if case .end = current.kind { break }
            if acceptSymbol(";") {
                guard case .end = current.kind else { throw unexpected("end of query after ';'") }
                break
            }
            if isKeyword("MATCH") || isKeyword("OPTIONAL") {
                clauses.append(.match(try matchClause()))
            } else if isKeyword("UNWIND") {
                let offset = current.offset
                advance()
                let expression = try expression()
                try expectKeyword("AS")
                clauses.append(.unwind(expression: expression, alias: try variableName(), offset: offset))
            } else if isKeyword("WITH") {
                advance()
                let projection = try projection(isReturn: false)
                let predicate = acceptKeyword("WHERE") ? try expression() : nil
                clauses.append(.with(projection, where: predicate))
            } else if isKeyword("RETURN") {
                advance()
                clauses.append(.return(try projection(isReturn: true)))
                if acceptSymbol(";") {}
                guard case .end = current.kind else { throw unexpected("end of query after RETURN") }
                break
            } else if ["CREATE", "DELETE", "SET", "MERGE", "REMOVE", "DETACH", "CALL", "UNION", "LOAD", "FOREACH"]
                        .contains(where: { isKeyword($0) }) {
                throw QueryError(.syntax, "\(current.display) is not supported: the graph is read-only here and only "
                                 + "MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND and RETURN are available", at: current.offset)
            } else {
                throw unexpected(clauses.isEmpty ? "MATCH, UNWIND, WITH or RETURN" : "MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN")
            }
        }
        guard let last = clauses.last, case .return = last else {
            throw QueryError(.syntax, "a query must end with RETURN", at: current.offset)
        }
        return Query(clauses: clauses)
    }

    private mutating func matchClause() throws -> MatchClause {
        let offset = current.offset
        let optional = acceptKeyword("OPTIONAL")
        try expectKeyword("MATCH")
        var patterns = [try patternPart()]
        while acceptSymbol(",") { patterns.append(try patternPart()) }
        let predicate = acceptKeyword("WHERE") ? try expression() : nil
        return MatchClause(optional: optional, patterns: patterns, predicate: predicate, offset: offset)
    }

    private mutating func projection(isReturn: Bool) throws -> Projection {
        let offset = current.offset
        let distinct = acceptKeyword("DISTINCT")
        var star = false
        var items: [ProjectionItem] = []
        if acceptSymbol("*") {
            star = true
        } else {
            items.append(try projectionItem())
        }
        while acceptSymbol(",") { items.append(try projectionItem()) }
        var orderBy: [SortItem] = []
        if acceptKeyword("ORDER") {
            try expectKeyword("BY")
            repeat {
                let e = try expression()
                var ascending = true
                if acceptKeyword("DESC") || acceptKeyword("DESCENDING") { ascending = false }
                else if acceptKeyword("ASC") || acceptKeyword("ASCENDING") { ascending = true }
                orderBy.append(SortItem(expression: e, ascending: ascending))
            } while acceptSymbol(",")
        }
        let skip = acceptKeyword("SKIP") ? try expression() : nil
        let limit = acceptKeyword("LIMIT") ? try expression() : nil
        return Projection(distinct: distinct, star: star, items: items, orderBy: orderBy, skip: skip, limit: limit,
                          offset: offset)
    }

    private mutating func projectionItem() throws -> ProjectionItem {
        let start = current.offset
        let e = try expression()
        let end = tokens[index - 1].end
        let alias = acceptKeyword("AS") ? try variableName() : nil
        return ProjectionItem(expression: e, alias: alias, text: text(from: start, to: end))
    }

    // MARK: Patterns

    private mutating func patternPart() throws -> PatternPart {
        let offset = current.offset
        var pathVariable: String?
        if case .identifier = current.kind, isSymbol("=", peek()) {
            pathVariable = try variableName()
            advance()
        }
        if isKeyword("SHORTESTPATH") || isKeyword("ALLSHORTESTPATHS") {
            if isKeyword("ALLSHORTESTPATHS") {
                throw QueryError(.syntax, "allShortestPaths is not supported; use shortestPath", at: current.offset)
            }
            advance()
            try expectSymbol("(")
            var part = try patternChain(offset: offset)
            try expectSymbol(")")
            guard part.relationships.count == 1 else {
                throw QueryError(.semantic, "shortestPath needs exactly one relationship, e.g. shortestPath((a)-[*]-(b))",
                                 at: offset)
            }
            part.shortest = true
            part.pathVariable = pathVariable
            return part
        }
        var part = try patternChain(offset: offset)
        part.pathVariable = pathVariable
        return part
    }

    private mutating func patternChain(offset: Int) throws -> PatternPart {
        var nodes = [try nodePattern()]
        var relationships: [RelationshipPattern] = []
        while isSymbol("-") || (isSymbol("<") && isSymbol("-", peek())) {
            relationships.append(try relationshipPattern())
            nodes.append(try nodePattern())
        }
        return PatternPart(pathVariable: nil, shortest: false, nodes: nodes, relationships: relationships, offset: offset)
    }

    private mutating func nodePattern() throws -> NodePattern {
        let offset = current.offset
        try expectSymbol("(")
        var variable: String?
        if case .identifier = current.kind { variable = try variableName() }
        var labels: [(String, Int)] = []
        while acceptSymbol(":") { labels.append(try name("a label")) }
        let properties = isSymbol("{") ? try propertyMap() : []
        guard acceptSymbol(")") else { throw unexpected(labels.isEmpty && variable != nil ? "':', '{' or ')'" : "')'") }
        var pattern = NodePattern(variable: variable, properties: properties, offset: offset)
        pattern.labels = labels
        return pattern
    }

    private mutating func propertyMap() throws -> [(key: String, value: Expr, offset: Int)] {
        try expectSymbol("{")
        var entries: [(String, Expr, Int)] = []
        if !isSymbol("}") {
            repeat {
                let (key, offset) = try name("a property name")
                try expectSymbol(":")
                entries.append((key, try expression(), offset))
            } while acceptSymbol(",")
        }
        try expectSymbol("}")
        return entries
    }

    private mutating func relationshipPattern() throws -> RelationshipPattern {
        let offset = current.offset
        let leftArrow = acceptSymbol("<")
        try expectSymbol("-")
        var variable: String?
        var types: [(String, Int)] = []
        var properties: [(key: String, value: Expr, offset: Int)] = []
        var length: (Int, Int?)?
        if acceptSymbol("[") {
            if case .identifier = current.kind { variable = try variableName() }
            if acceptSymbol(":") {
                types.append(try name("a relationship type"))
                while acceptSymbol("|") {
                    _ = acceptSymbol(":")
                    types.append(try name("a relationship type"))
                }
            }
            if acceptSymbol("*") {
                var minHops = 1
                var maxHops: Int?
                if case .integer(let n) = current.kind {
                    advance()
                    minHops = n
                    maxHops = n
                }
                if acceptSymbol("..") {
                    maxHops = nil
                    if case .integer(let n) = current.kind {
                        advance()
                        maxHops = n
                    }
                }
                if let maxHops, maxHops < minHops {
                    throw QueryError(.semantic, "variable-length bounds *\(minHops)..\(maxHops) are empty", at: offset)
                }
                length = (minHops, maxHops)
            }
            if isSymbol("{") { properties = try propertyMap() }
            guard acceptSymbol("]") else { throw unexpected(length == nil ? "':', '*', '{' or ']'" : "']'") }
        }
        try expectSymbol("-")
        let rightArrow = acceptSymbol(">")
        if leftArrow && rightArrow {
            throw QueryError(.syntax, "a relationship cannot point both ways; use -[...]- for either direction", at: offset)
        }
        let direction: RelationshipPattern.Direction = leftArrow ? .incoming : (rightArrow ? .outgoing : .both)
        var pattern = RelationshipPattern(variable: variable, types: [], direction: direction, properties: properties,
                                          length: length, offset: offset)
        pattern.types = types
        return pattern
    }

    // MARK: Expressions (lowest precedence first)

    mutating func expression() throws -> Expr { try orExpression() }

    private mutating func orExpression() throws -> Expr {
        var left = try xorExpression()
        while isKeyword("OR") {
            let offset = current.offset
            advance()
            left = .binary(.or, left, try xorExpression(), offset: offset)
        }
        return left
    }

    private mutating func xorExpression() throws -> Expr {
        var left = try andExpression()
        while isKeyword("XOR") {
            let offset = current.offset
            advance()
            left = .binary(.xor, left, try andExpression(), offset: offset)
        }
        return left
    }

    private mutating func andExpression() throws -> Expr {
        var left = try notExpression()
        while isKeyword("AND") {
            let offset = current.offset
            advance()
            left = .binary(.and, left, try notExpression(), offset: offset)
        }
        return left
    }

    private mutating func notExpression() throws -> Expr {
        if acceptKeyword("NOT") { return .not(try notExpression()) }
        return try comparison()
    }

    private mutating func comparison() throws -> Expr {
        var left = try additive()
        while true {
            let offset = current.offset
            if case .symbol(let s) = current.kind, let op = BinaryOperator(rawValue: s),
               [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .regex].contains(op) {
                advance()
                left = .binary(op, left, try additive(), offset: offset)
            } else if isKeyword("IN") {
                advance()
                left = .binary(.in, left, try additive(), offset: offset)
            } else if isKeyword("STARTS") {
                advance()
                try expectKeyword("WITH")
                left = .binary(.startsWith, left, try additive(), offset: offset)
            } else if isKeyword("ENDS") {
                advance()
                try expectKeyword("WITH")
                left = .binary(.endsWith, left, try additive(), offset: offset)
            } else if isKeyword("CONTAINS") {
                advance()
                left = .binary(.contains, left, try additive(), offset: offset)
            } else if isKeyword("IS") {
                advance()
                let negated = acceptKeyword("NOT")
                try expectKeyword("NULL")
                left = .isNull(left, negated: negated)
            } else {
                return left
            }
        }
    }

    private mutating func additive() throws -> Expr {
        var left = try multiplicative()
        while isSymbol("+") || isSymbol("-") {
            let offset = current.offset
            let op: BinaryOperator = isSymbol("+") ? .add : .subtract
            advance()
            left = .binary(op, left, try multiplicative(), offset: offset)
        }
        return left
    }

    private mutating func multiplicative() throws -> Expr {
        var left = try power()
        while isSymbol("*") || isSymbol("/") || isSymbol("%") {
            let offset = current.offset
            let op: BinaryOperator = isSymbol("*") ? .multiply : (isSymbol("/") ? .divide : .modulo)
            advance()
            left = .binary(op, left, try power(), offset: offset)
        }
        return left
    }

    private mutating func power() throws -> Expr {
        var left = try unary()
        while isSymbol("^") {
            let offset = current.offset
            advance()
            left = .binary(.power, left, try unary(), offset: offset)
        }
        return left
    }

    private mutating func unary() throws -> Expr {
        if acceptSymbol("-") {
            let operand = try unary()
            if case .literal(.int(let i)) = operand { return .literal(.int(-i)) }
            if case .literal(.double(let d)) = operand { return .literal(.double(-d)) }
            return .negate(operand)
        }
        if acceptSymbol("+") { return try unary() }
        return try postfix()
    }

    private mutating func postfix() throws -> Expr {
        var e = try atom()
        while true {
            if isSymbol(".") {
                let offset = current.offset
                advance()
                let (key, _) = try name("a property name")
                e = .property(e, key: key, offset: offset)
            } else if isSymbol("[") {
                let offset = current.offset
                advance()
                let i = try expression()
                try expectSymbol("]")
                e = .subscriptAccess(e, index: i, offset: offset)
            } else {
                return e
            }
        }
    }

    private mutating func atom() throws -> Expr {
        let token = current
        switch token.kind {
        case .integer(let i): advance(); return .literal(.int(i))
        case .float(let d): advance(); return .literal(.double(d))
        case .string(let s): advance(); return .literal(.string(s))
        case .parameter(let p): advance(); return .parameter(p, offset: token.offset)
        case .symbol("["):
            advance()
            var items: [Expr] = []
            if !isSymbol("]") {
                repeat { items.append(try expression()) } while acceptSymbol(",")
            }
            try expectSymbol("]")
            // A list of literals is built once here, not once per row.
            var values: [CypherValue] = []
            for item in items {
                guard case .literal(let v) = item else { return .list(items) }
                values.append(v)
            }
            return .literal(.list(values))
        case .symbol("{"):
            return .map(try propertyMap().map { ($0.key, $0.value) })
        case .symbol("("):
            // A parenthesised pattern with a relationship is a pattern predicate;
            // anything else is a parenthesised expression.
            let saved = index
            if let part = try? patternChain(offset: token.offset), !part.relationships.isEmpty {
                return .pattern(part)
            }
            index = saved
            advance()
            let e = try expression()
            try expectSymbol(")")
            return e
        case .identifier(let word):
            switch word.uppercased() {
            case "TRUE": advance(); return .literal(.bool(true))
            case "FALSE": advance(); return .literal(.bool(false))
            case "NULL": advance(); return .literal(.null)
            default: break
            }
            if isSymbol("(", peek()) { return try functionCall() }
            if Parser.reserved.contains(word.uppercased()) { throw unexpected("an expression") }
            advance()
            return .variable(word, offset: token.offset)
        default:
            throw unexpected("an expression")
        }
    }

    private mutating func functionCall() throws -> Expr {
        let offset = current.offset
        let (name, _) = try self.name("a function name")
        try expectSymbol("(")
        let lower = name.lowercased()
        if lower == "exists", isSymbol("{") {
            throw QueryError(.syntax, "EXISTS { ... } subqueries are not supported; write the pattern itself, "
                             + "e.g. WHERE (p)-[:HAS_CODE]->()", at: offset)
        }
        if acceptSymbol("*") {
            guard lower == "count" else { throw QueryError(.syntax, "only count(*) takes '*'", at: offset) }
            try expectSymbol(")")
            return .call(FunctionCall(name: lower, arguments: [], distinct: false, star: true, offset: offset))
        }
        let distinct = acceptKeyword("DISTINCT")
        var arguments: [Expr] = []
        if !isSymbol(")") {
            repeat { arguments.append(try expression()) } while acceptSymbol(",")
        }
        try expectSymbol(")")
        return .call(FunctionCall(name: lower, arguments: arguments, distinct: distinct, star: false, offset: offset))
    }
}
