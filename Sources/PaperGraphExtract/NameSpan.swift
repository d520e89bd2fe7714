/// A name read at a token position: what it is, where it is written, and the
/// token after it.
struct NameSpan {
    var name: String
    var range: Range<Int>
    var next: Int
    /// Set when the name is an acronym read together with its long form.
    var expansion: String?
}

extension PaperReader {
    /// How permissive ``name(at:in:singleWord:lowercase:)`` is.
    struct NameOptions {
        /// Take one capitalised word that is not ordinary English (`Satori`).
        var singleWord = false
        /// Take a short lower-case phrase (only after first-person naming: "which we refer to as self-distillation").
        var lowercase = false
    }

    /// Reads a name starting at token `k0`: a strong token (`GSM8K`, `OnPro`,
    /// `FST-D`), a capitalised phrase (`Skill Learning with Multiple Critics`),
    /// optionally followed by its acronym in parentheses (then the acronym is
    /// the name), or, if allowed, a single capitalised word or a lower-case phrase.
    func name(at k0: Int, in f: FieldText, _ options: NameOptions = NameOptions()) -> NameSpan? {
        let t = f.tokens
        var k = k0
        while k < t.count, t[k].kind == .punct, t[k].byte == 0x22 || t[k].byte == 0x27 { k += 1 }
        guard k < t.count, t[k].kind == .word else { return nil }
        let sentence = t[k].sentence
        let initial = k == 0 || t[k - 1].sentence != sentence
        if let def = acronyms.first(where: { $0.field == f.field && $0.longToken == k }) {
            return NameSpan(name: def.short, range: def.shortRange, next: def.next, expansion: def.long)
        }
        // A capitalised phrase and its parenthesised name: "ImPlicit
        // Self-ImprovemenT (PIT)", "Reasoning Generalist via Self-Improvement (ReGenesis)".
        if t[k].firstUpper, let span = phraseWithParenthesisedName(at: k, in: f) { return span }
        if NameShape.isStrong(t[k], sentenceInitial: initial) {
            let end = versionNumber(after: k, in: f) ?? k
            var span = NameSpan(name: f.slice(t[k].start..<t[end].end), range: t[k].start..<t[end].end, next: end + 1)
            // "SMART (Self-learning Meta-strategy Agent …)": step over the expansion.
            let o = span.next
            if o < t.count, t[o].kind == .punct, t[o].byte == 0x28,
               let close = (o + 1..<min(t.count, o + 17)).first(where: { t[$0].kind == .punct && t[$0].byte == 0x29 }),
               close > o + 2 {
                span.expansion = f.slice(t[o + 1].start..<t[close - 1].end)
                span.next = close + 1
            }
            return span
        }
        if t[k].firstUpper, t[k].letters >= 2, !t[k].has(WordClass.functionWords) {
            var j = k, last = k, words = 0
            while j < t.count, t[j].sentence == sentence {
                if t[j].kind == .word, t[j].firstUpper || (t[j].digits > 0 && j > k) {
                    last = j; words += 1; j += 1; continue
                }
                if t[j].kind == .word, t[j].has(WordClass.connectors), j + 1 < t.count, t[j + 1].isCapitalised {
                    j += 1; continue
                }
                break
            }
            let range = t[k].start..<t[last].end
            if words >= 2, !t[last].has(WordClass.genericHeads) {
                return NameSpan(name: f.slice(range), range: range, next: last + 1)
            }
            if words == 1, options.singleWord, NameShape.isCapitalisedWord(t[k]), t[k].letters >= 3,
               !isCommonWord(f.string(t[k])) {
                return NameSpan(name: f.string(t[k]), range: range, next: k + 1)
            }
            return nil
        }
        if options.lowercase, t[k].isLowerWord, !t[k].has(WordClass.functionWords) {
            var j = k, last = k
            while j < t.count, j - k < 3, t[j].isLowerWord || (t[j].kind == .word && t[j].hyphens > 0),
                  !t[j].has(WordClass.clauseStops), !t[j].has(WordClass.functionWords) {
                last = j; j += 1
            }
            // The phrase must end the clause, or it is a description, not a name.
            let ends = j >= t.count || t[j].kind == .punct || t[j].has(WordClass.clauseStops)
                || t[j].hash == Lexicon.and
            guard ends else { return nil }
            let range = t[k].start..<t[last].end
            return NameSpan(name: f.slice(range), range: range, next: last + 1)
        }
        return nil
    }

    /// The token of a release number written apart from the name at `k`
    /// ("Tacotron 2", "FastSpeech 2,", "YOLO v3."): one digit, or `v` and digits,
    /// closing the phrase (punctuation or the end follows). A number followed by
    /// a word is a count or a quantity ("BERT 3 times"), not part of the name.
    func versionNumber(after k: Int, in f: FieldText) -> Int? {
        let t = f.tokens
        let v = k + 1
        guard v < t.count, t[v].kind == .word, t[v].sentence == t[k].sentence, t[v].start == t[k].end + 1,
              f.bytes[t[k].end] == 0x20, t[v].hyphens == 0 else { return nil }
        let isDigit = t[v].letters == 0 && t[v].digits == 1
        let isV = t[v].letters == 1 && t[v].digits >= 1 && t[v].digits <= 2 && f.bytes[t[v].start] == 0x76
        guard isDigit || isV else { return nil }
        guard v + 1 >= t.count || t[v + 1].kind == .punct && t[v + 1].byte != 0x2D else { return nil }
        return v
    }

    private func phraseWithParenthesisedName(at k: Int, in f: FieldText) -> NameSpan? {
        let t = f.tokens
        var j = k
        while j < t.count, j < k + 10, t[j].kind == .word, t[j].sentence == t[k].sentence {
            if t[j].firstUpper || t[j].digits > 0 { j += 1; continue }
            if t[j].has(WordClass.connectors), j + 1 < t.count, t[j + 1].isCapitalised { j += 1; continue }
            break
        }
        guard j > k + 1, j + 2 < t.count, t[j].kind == .punct, t[j].byte == 0x28,
              t[j + 2].kind == .punct, t[j + 2].byte == 0x29 else { return nil }
        let inner = t[j + 1]
        guard NameShape.isStrong(inner, sentenceInitial: false) else { return nil }
        return NameSpan(name: f.string(inner), range: inner.start..<inner.end, next: j + 3,
                        expansion: f.slice(t[k].start..<t[j - 1].end))
    }
}
