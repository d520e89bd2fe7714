/// A static check for regular expressions that can backtrack catastrophically.
///
/// ICU (behind `NSRegularExpression`) backtracks, and a repeated group that
/// begins with an unboundedly repeated atom — `(a+)+b`, `(a*)*`, `(\w+\s?)*!`,
/// `((ab)*c)+x` — can split the same text between the two repetitions in
/// exponentially many ways on a near miss. The time budget in
/// ``ExecutionContext`` cannot stop that reliably, because ICU reports progress
/// only between match attempts, not inside one, so such patterns are refused
/// before they run. A group that starts with something fixed (`(-[a-z]+)*`)
/// cannot be split ambiguously and is allowed.
enum RegexSafety {
    /// The first repeated group in `pattern` that begins with an unbounded repetition, or nil.
    static func nestedQuantifier(in pattern: String) -> String? {
        let chars = Array(pattern.unicodeScalars)
        // Each open group: where it starts, whether its first atom is still to
        // come, and whether that first atom repeats without bound.
        var groups: [(start: Int, awaitingFirst: Bool, startsRepeated: Bool)] = []

        func unboundedQuantifier(at j: Int) -> Bool {
            guard j < chars.count else { return false }
            if chars[j] == "+" || chars[j] == "*" { return true }
            guard chars[j] == "{", let close = chars[j...].firstIndex(of: "}") else { return false }
            let body = String(String.UnicodeScalarView(chars[(j + 1)..<close]))
            guard let comma = body.firstIndex(of: ",") else { return false }
            let upper = body[body.index(after: comma)...]
            // {n,} is unbounded; a large {n,m} behaves the same way.
            return upper.isEmpty || (Int(upper) ?? 0) > 16
        }
        /// An atom ended just before `next`; if it opens the innermost group, note whether it repeats.
        func atom(startsRepeated repeated: Bool, next: Int) {
            guard !groups.isEmpty, groups[groups.count - 1].awaitingFirst else { return }
            groups[groups.count - 1].awaitingFirst = false
            groups[groups.count - 1].startsRepeated = repeated || unboundedQuantifier(at: next)
        }

        var i = 0
        while i < chars.count {
            switch chars[i] {
            case "\\":
                atom(startsRepeated: false, next: i + 2)
                i += 2
            case "[":
                // A character class: `]` right after `[` or `[^` is literal.
                var j = i + 1
                if j < chars.count, chars[j] == "^" { j += 1 }
                if j < chars.count, chars[j] == "]" { j += 1 }
                while j < chars.count, chars[j] != "]" { j += chars[j] == "\\" ? 2 : 1 }
                atom(startsRepeated: false, next: j + 1)
                i = j + 1
            case "(":
                groups.append((i, true, false))
                // `(?:`, `(?i)` and the like: the marker is not an atom.
                if i + 1 < chars.count, chars[i + 1] == "?" {
                    i += 2
                    while i < chars.count, chars[i] != ":", chars[i] != ")", chars[i] != "(" { i += 1 }
                    if i < chars.count, chars[i] == ":" { i += 1 }
                    continue
                }
                i += 1
            case ")":
                guard let group = groups.popLast() else { i += 1; continue }
                if group.startsRepeated, unboundedQuantifier(at: i + 1) {
                    return String(String.UnicodeScalarView(chars[group.start...min(i + 1, chars.count - 1)]))
                }
                // The closed group is itself an atom of the enclosing group.
                atom(startsRepeated: group.startsRepeated, next: i + 1)
                i += 1
            case "|":
                // Each alternative begins anew.
                if !groups.isEmpty, !groups[groups.count - 1].startsRepeated { groups[groups.count - 1].awaitingFirst = true }
                i += 1
            case "+", "*", "?", "{", "^", "$":
                i += 1
            default:
                atom(startsRepeated: false, next: i + 1)
                i += 1
            }
        }
        return nil
    }
}
