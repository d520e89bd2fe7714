import PaperGraphModel

/// An acronym the text defines: `Monte Carlo Tree Search (MCTS)`,
/// `learning by teaching (LbT)`, `Chain-of-Action-Thought (COAT)`.
struct AcronymDefinition {
    var field: Evidence.Field
    var short: String
    var long: String
    var shortRange: Range<Int>
    var longRange: Range<Int>
    /// Token index of the long form's first word and of the short form.
    var longToken: Int
    var shortToken: Int
    /// Token index after the definition: past `)` for `LONG (SHORT)`, at the
    /// punctuation for `LONG or SHORT`.
    var next: Int
    var sentence: Int32
}

/// Finds `long form (SHORT)` pairs with the Schwartz–Hearst alignment: every
/// letter of the short form, right to left, must be found in order in the long
/// form, the first one at a word start, within a window of words before `(`.
///
/// `long form or SHORT` ("called DEtection TRansformer or DETR, …") is read the
/// same way when the short form ends the phrase and the long form has at least
/// two words: the alignment keeps "GPT or BERT" and "SFT or RL" out.
enum AcronymRule {
    static func definitions(in text: FieldText) -> [AcronymDefinition] {
        var out: [AcronymDefinition] = []
        let t = text.tokens
        var k = 1
        while k + 2 < t.count {
            defer { k += 1 }
            let parenthesis = t[k].kind == .punct && t[k].byte == 0x28
            let or = t[k].kind == .word && t[k].hash == Lexicon.or
            guard parenthesis || or else { continue }
            let s = t[k + 1]
            guard s.kind == .word, isShortForm(s) else { continue }
            let close = t[k + 2]
            guard close.kind == .punct, close.byte == 0x29 || close.byte == 0x3B || close.byte == 0x2C
                    || (or && close.byte == 0x2E) else { continue }
            // Window: up to letters+5 words back in the same sentence, not across punctuation.
            let letters = Int(s.letters) + Int(s.digits)
            var first = k
            var words = 0
            while first > 0, words < min(letters + 5, letters * 2 + 1) {
                let p = t[first - 1]
                guard p.kind == .word, p.sentence == s.sentence else { break }
                first -= 1
                words += 1
            }
            guard first < k, parenthesis || k - first >= 2 else { continue }
            guard let longStart = align(text.bytes, short: s.start..<s.end, long: t[first].start..<t[k - 1].end) else { continue }
            // Widen to the token that holds the start.
            var lt = first
            while lt + 1 < k, t[lt + 1].start <= longStart { lt += 1 }
            // Drop leading articles.
            while lt + 1 < k, t[lt].has(WordClass.leadingArticles) { lt += 1 }
            let longRange = t[lt].start..<t[k - 1].end
            out.append(AcronymDefinition(field: text.field, short: text.string(s), long: text.slice(longRange),
                                         shortRange: s.start..<s.end, longRange: longRange,
                                         longToken: lt, shortToken: k + 1, next: parenthesis ? k + 3 : k + 2,
                                         sentence: s.sentence))
        }
        return out
    }

    /// A short form: two or more capitals (`MCTS`, `LbT`, `SCoRe`, `S3`), short.
    static func isShortForm(_ s: Token) -> Bool {
        s.upper >= 2 && s.letters + Int(s.digits) <= 12 && s.upper * 2 >= s.letters
            || s.upper >= 2 && s.innerUpper && s.letters <= 8
    }

    /// Schwartz–Hearst: the byte offset where the long form starts, or nil.
    static func align(_ b: [UInt8], short: Range<Int>, long: Range<Int>) -> Int? {
        // Letters only: digits in a short form (`LMA3`) are versions, not initials.
        let sb = b[short].filter { Bytes.isUpper($0) || Bytes.isLowerASCII($0) }.map(Bytes.lower)
        guard !sb.isEmpty else { return nil }
        var si = sb.count - 1
        var li = long.upperBound - 1
        while si >= 0 {
            let c = sb[si]
            while li >= long.lowerBound {
                let d = Bytes.lower(b[li])
                let atWordStart = li == long.lowerBound || !Bytes.isAlnum(b[li - 1])
                if d == c && (si > 0 || atWordStart) { break }
                li -= 1
            }
            guard li >= long.lowerBound else { return nil }
            li -= 1
            si -= 1
        }
        var start = li + 1
        while start > long.lowerBound, Bytes.isAlnum(b[start - 1]) { start -= 1 }
        return start
    }
}
