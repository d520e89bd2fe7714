/// An error in a query or while running it.
///
/// Syntax and semantic errors carry the UTF-8 offset of the offending token, so
/// ``render(query:)`` can print the query line with a caret under it.
public struct QueryError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case syntax = "syntax error"
        case semantic = "semantic error"
        case runtime = "runtime error"
        case timeout = "timeout"
        case tooManyRows = "too many rows"
    }

    public var kind: Kind
    public var message: String
    /// UTF-8 offset into the query text, when the error has a place.
    public var offset: Int?

    public init(_ kind: Kind, _ message: String, at offset: Int? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(kind.rawValue): \(message)" }

    /// The message with the query line and a caret under the error's column,
    /// e.g. `line 1, column 17: ...`.
    public func render(query: String) -> String {
        guard let offset else { return description }
        let bytes = Array(query.utf8)
        let clamped = min(max(offset, 0), bytes.count)
        var lineStart = clamped
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = clamped
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let lineNumber = bytes[..<lineStart].filter { $0 == UInt8(ascii: "\n") }.count + 1
        let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let column = String(decoding: bytes[lineStart..<clamped], as: UTF8.self).count
        return "\(kind.rawValue) at line \(lineNumber), column \(column + 1): \(message)\n"
            + "  \(line)\n  \(String(repeating: " ", count: column))^"
    }
}

/// Nearest-name suggestions for unknown labels, types, properties and functions.
enum Suggest {
    /// `" (did you mean X?)"` for the candidate closest to `name` by edit
    /// distance (case-insensitive), or "" when nothing is close.
    static func hint(_ name: String, among candidates: some Sequence<String>) -> String {
        let lower = name.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(lower, candidate.lowercased())
            if best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) { best = (candidate, d) }
        }
        guard let (candidate, d) = best, d <= max(2, name.count / 2) else { return "" }
        return " (did you mean \(candidate)?)"
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
