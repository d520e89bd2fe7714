/// A token of the query text with its UTF-8 offset.
struct Token: Equatable {
    enum Kind: Equatable {
        case identifier(String)       // also backtick-quoted names
        case string(String)
        case integer(Int)
        case float(Double)
        case parameter(String)
        case symbol(String)           // punctuation and operators
        case end
    }

    var kind: Kind
    var offset: Int
    /// UTF-8 offset one past the token's last byte.
    var end: Int = 0

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .identifier(let s): return "'\(s)'"
        case .string(let s): return "string \"\(s)\""
        case .integer(let i): return "number \(i)"
        case .float(let d): return "number \(d)"
        case .parameter(let p): return "$\(p)"
        case .symbol(let s): return "'\(s)'"
        case .end: return "end of query"
        }
    }
}

/// Splits query text into tokens. Keywords are left as identifiers; the parser
/// matches them case-insensitively, so `match` and `MATCH` both work and a
/// keyword can still be a property name (`n.count`).
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Multi-character symbols, longest first.
    private static let symbols = ["..", "<>", "<=", ">=", "=~", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|",
                                  "*", "=", "<", ">", "+", "-", "/", "%", "^", ";"]

    mutating func tokenize() throws -> [Token] {
        var tokens: [Token] = []
        while true {
            skipWhitespaceAndComments()
            guard position < bytes.count else {
                tokens.append(Token(kind: .end, offset: position))
                return tokens
            }
            var token = try next()
            token.end = position
            tokens.append(token)
        }
    }

    private mutating func skipWhitespaceAndComments() {
        while position < bytes.count {
            let c = bytes[position]
            if c == 32 || c == 9 || c == 10 || c == 13 {
                position += 1
            } else if c == UInt8(ascii: "/"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "/") {
                while position < bytes.count && bytes[position] != 10 { position += 1 }
            } else if c == UInt8(ascii: "/"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "*") {
                position += 2
                while position + 1 < bytes.count && !(bytes[position] == UInt8(ascii: "*") && bytes[position + 1] == UInt8(ascii: "/")) {
                    position += 1
                }
                position = min(position + 2, bytes.count)
            } else {
                return
            }
        }
    }

    private static func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: "_") || c >= 128
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private mutating func next() throws -> Token {
        let start = position
        let c = bytes[position]
        if Lexer.isIdentifierStart(c) {
            while position < bytes.count && (Lexer.isIdentifierStart(bytes[position]) || Lexer.isDigit(bytes[position])) {
                position += 1
            }
            return Token(kind: .identifier(String(decoding: bytes[start..<position], as: UTF8.self)), offset: start)
        }
        if c == UInt8(ascii: "`") {
            position += 1
            while position < bytes.count && bytes[position] != UInt8(ascii: "`") { position += 1 }
            guard position < bytes.count else { throw QueryError(.syntax, "unterminated `quoted name`", at: start) }
            position += 1
            return Token(kind: .identifier(String(decoding: bytes[(start + 1)..<(position - 1)], as: UTF8.self)), offset: start)
        }
        if c == UInt8(ascii: "$") {
            position += 1
            let nameStart = position
            while position < bytes.count && (Lexer.isIdentifierStart(bytes[position]) || Lexer.isDigit(bytes[position])) {
                position += 1
            }
            guard position > nameStart else { throw QueryError(.syntax, "expected a parameter name after '$'", at: start) }
            return Token(kind: .parameter(String(decoding: bytes[nameStart..<position], as: UTF8.self)), offset: start)
        }
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") { return try string(quote: c) }
        if Lexer.isDigit(c) { return try number() }
        for symbol in Lexer.symbols {
            let s = Array(symbol.utf8)
            if position + s.count <= bytes.count, Array(bytes[position..<(position + s.count)]) == s {
                // `1..3` must lex as 1 .. 3, but `.5` is not supported as a number anyway.
                position += s.count
                return Token(kind: .symbol(symbol), offset: start)
            }
        }
        throw QueryError(.syntax, "unexpected character '\(String(decoding: [c], as: UTF8.self))'", at: start)
    }

    private mutating func string(quote: UInt8) throws -> Token {
        let start = position
        position += 1
        var out: [UInt8] = []
        while position < bytes.count && bytes[position] != quote {
            if bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count {
                position += 1
                switch bytes[position] {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                default: out.append(bytes[position])
                }
            } else {
                out.append(bytes[position])
            }
            position += 1
        }
        guard position < bytes.count else { throw QueryError(.syntax, "unterminated string", at: start) }
        position += 1
        return Token(kind: .string(String(decoding: out, as: UTF8.self)), offset: start)
    }

    private mutating func number() throws -> Token {
        let start = position
        while position < bytes.count && Lexer.isDigit(bytes[position]) { position += 1 }
        var isFloat = false
        // A '.' followed by a digit continues the number; `1..3` stays a range.
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), Lexer.isDigit(bytes[position + 1]) {
            isFloat = true
            position += 1
            while position < bytes.count && Lexer.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            var p = position + 1
            if p < bytes.count, bytes[p] == UInt8(ascii: "-") || bytes[p] == UInt8(ascii: "+") { p += 1 }
            if p < bytes.count, Lexer.isDigit(bytes[p]) {
                isFloat = true
                position = p
                while position < bytes.count && Lexer.isDigit(bytes[position]) { position += 1 }
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isFloat {
            guard let d = Double(text) else { throw QueryError(.syntax, "bad number \(text)", at: start) }
            return Token(kind: .float(d), offset: start)
        }
        guard let i = Int(text) else { throw QueryError(.syntax, "integer \(text) is too large", at: start) }
        return Token(kind: .integer(i), offset: start)
    }
}
