/// Readings of the sentence around a gazetteer match: whether it is negated,
/// whether the sentence reports evaluation.
extension PaperReader {
    /// How many tokens back a negation cue may stand: "eliminating the need
    /// for sampling from the LM during fine-tuning" reaches about a dozen.
    static let negationWindow = 14

    /// Whether the token starting at byte `start` lies in a negation scope:
    /// "does not require any supervised training data, additional training, or
    /// reinforcement learning", "without fine-tuning", "eliminating the need for
    /// … hyperparameter tuning". A method named there is not used.
    ///
    /// The scope ends at `;` or `:`, at a proposal verb or a comparison cue (a
    /// new clause about the paper's own work or its baselines), at a word that
    /// affirms what follows ("but", "instead", "using"), and "not only"
    /// is not a negation. "free" counts only as "free of".
    func isNegated(_ start: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        guard let k = tokenIndex(startingAt: start, in: f) else { return false }
        var j = k - 1
        var steps = 0
        while j >= 0, steps < Self.negationWindow, t[j].sentence == t[k].sentence {
            let tok = t[j]
            if tok.kind == .punct, tok.byte == 0x3B || tok.byte == 0x3A { return false }
            if tok.kind == .word {
                if tok.has(WordClass.negationCues) {
                    let next = j + 1 < t.count ? t[j + 1].hash : 0
                    if tok.hash == Lexicon.free { return next == Lexicon.of }
                    return next != Lexicon.only
                }
                if tok.has(WordClass.proposeVerbs) || tok.has(WordClass.comparisonCues) || tok.has(WordClass.negationStops) {
                    return false
                }
            }
            j -= 1
            steps += 1
        }
        return false
    }

    /// The index of the token that starts at byte `start` (tokens are in text order).
    func tokenIndex(startingAt start: Int, in f: FieldText) -> Int? {
        let t = f.tokens
        var lo = 0, hi = t.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if t[mid].start < start { lo = mid + 1 } else { hi = mid }
        }
        return lo < t.count && t[lo].start == start ? lo : nil
    }

    /// Whether the sentence holding the token that starts at byte `start` reports evaluation.
    func sentenceHasEvaluationCue(at start: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        guard let k = tokenIndex(startingAt: start, in: f) else { return false }
        var j = k
        while j > 0, t[j - 1].sentence == t[k].sentence { j -= 1 }
        while j < t.count, t[j].sentence == t[k].sentence {
            if t[j].kind == .word, t[j].has(WordClass.evalCues) { return true }
            j += 1
        }
        return false
    }
}
