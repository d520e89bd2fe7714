/// Frames strong enough to make a name the paper's own contribution even when
/// the gazetteer already knows it as a method.
///
/// Famous methods enter the gazetteer because of the papers that propose them,
/// so a rule that skipped every known method would never credit NeRF, U-Net or
/// Conformer to their own papers. Weak frames ("we propose leveraging an
/// absorbing Markov chain model") still treat a known method as a use; only the
/// frames below override the gazetteer.
extension PaperReader {
    /// Whether tokens `a..<j` hold only articles and novelty words, so the
    /// name at `j` is the direct object of the verb before `a`
    /// ("we present [the] X", "we propose [a new] X"), not a word after a
    /// preposition or inside a description.
    func isDirectObject(from a: Int, to j: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        guard j - a <= 3 else { return false }
        for i in a..<j {
            guard t[i].kind == .word, t[i].isLowerWord,
                  t[i].has(WordClass.appositiveArticles) || t[i].has(WordClass.noveltyWords) else { return false }
        }
        return true
    }

    /// Whether a name ends its noun phrase: it carries its acronym, or a comma,
    /// an opening parenthesis, a full stop or a method noun follows
    /// ("we present the MuZero algorithm", "we present Decision Transformer, an …").
    /// A name that goes on ("we propose PPO-based rewards") is a modifier.
    func endsNamePhrase(_ span: NameSpan, in f: FieldText) -> Bool {
        let t = f.tokens
        if span.expansion != nil { return true }
        guard span.next < t.count else { return true }
        let n = t[span.next]
        if n.kind == .punct { return n.byte == 0x2C || n.byte == 0x28 || n.byte == 0x2E }
        return n.has(WordClass.methodNouns)
    }

    /// Whether an acronym's long form is owned by the paper: "our latent
    /// diffusion models (LDMs)", "we propose conservative Q-learning (CQL)",
    /// "by proposing a self-attention based sequential model (SASRec)". The
    /// owner is "our", a self-subject proposal verb or a proposal participle
    /// at most four lower-case words before the long form.
    func ownedByProposal(longToken lt: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        var i = lt - 1
        var steps = 0
        while i >= 0, steps < 4, t[i].kind == .word, t[i].sentence == t[lt].sentence {
            if t[i].hash == Lexicon.our || t[i].has(WordClass.proposeGerunds) { return true }
            if t[i].has(WordClass.proposeVerbs), hasSelfSubject(before: i, in: f) { return true }
            if !t[i].isLowerWord || t[i].has(WordClass.clauseStops) { return false }
            i -= 1
            steps += 1
        }
        return false
    }

    /// One capitalised word, even an English one, where the frame alone makes
    /// it a name: "…, named Informer, with …", "We introduce Codex, a GPT
    /// language model". Not a function word, not the first of a capitalised run.
    func capitalisedWordName(at k: Int, in f: FieldText) -> NameSpan? {
        let t = f.tokens
        guard k < t.count, NameShape.isCapitalisedWord(t[k]), t[k].letters >= 3,
              !t[k].has(WordClass.functionWords) else { return nil }
        if k + 1 < t.count, t[k + 1].kind == .word, t[k + 1].firstUpper { return nil }
        return NameSpan(name: f.string(t[k]), range: t[k].start..<t[k].end, next: k + 1)
    }

    /// The name in apposition after the head noun at `j` of a proposal's
    /// object: "we propose a new simple network architecture, the Transformer,
    /// based solely on attention". The appositive is `, the|our X,` (or ends the
    /// sentence) with X one capitalised word or a name-shaped token. The frame
    /// is strong enough that X may be a word that is otherwise never a name
    /// ("Transformer"); only function words are refused.
    func appositiveName(after j: Int, in f: FieldText) -> NameSpan? {
        let t = f.tokens
        guard j + 3 < t.count, t[j + 1].kind == .punct, t[j + 1].byte == 0x2C,
              t[j + 2].hash == Lexicon.the || t[j + 2].hash == Lexicon.our,
              t[j + 3].sentence == t[j].sentence, t[j + 3].kind == .word else { return nil }
        let w = t[j + 3]
        let single = w.firstUpper && w.letters >= 3 && !w.has(WordClass.functionWords)
            ? NameSpan(name: f.string(w), range: w.start..<w.end, next: j + 4) : nil
        guard let span = single ?? (NameShape.isStrong(w, sentenceInitial: false) ? name(at: j + 3, in: f) : nil),
              span.next < t.count, t[span.next].kind == .punct,
              t[span.next].byte == 0x2C || t[span.next].byte == 0x2E else { return nil }
        return span
    }

    /// Whether the noun at `k` belongs to the object of a proposal verb of the
    /// paper's own: walking back within the sentence, a self-subject proposal
    /// verb or a proposal participle comes before any preposition or clause
    /// boundary ("We are releasing [the model (SAM) and corresponding dataset]",
    /// but not "we propose X and evaluate it on the dataset (Y)").
    func isObjectOfProposal(_ k: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        var j = k - 1
        while j >= 0, j >= k - 16, t[j].sentence == t[k].sentence {
            let tok = t[j]
            if tok.kind == .word, tok.isLowerWord {
                if tok.has(WordClass.proposeVerbs) {
                    return tok.has(WordClass.proposeGerunds) || hasSelfSubject(before: j, in: f)
                }
                if tok.has(WordClass.prepositions) { return false }
                if tok.has(WordClass.clauseStops), !isCompoundModifier(at: j, in: f) { return false }
            } else if tok.kind == .punct, tok.byte != 0x28, tok.byte != 0x29, tok.byte != 0x2C {
                return false
            }
            j -= 1
        }
        return false
    }

    /// Whether the word at `j` heads a dataset: a data noun, or "set"/"sets"
    /// after a set qualifier ("a new evaluation set", "held-out test sets").
    func isDataHead(at j: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        if t[j].has(WordClass.dataNouns) { return true }
        return t[j].has(WordClass.setNouns) && j > 0 && t[j - 1].has(WordClass.setQualifiers)
    }

    /// Whether a clause-stop word at `j` is really the second half of a
    /// compound modifier written open: "self-attention based sequential model",
    /// "transformer based encoder". "based" followed by a lower-case word other
    /// than a preposition modifies that word; "based on" starts a clause.
    func isCompoundModifier(at j: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        guard t[j].hash == Lexicon.based, j + 1 < t.count, t[j + 1].isLowerWord else { return false }
        return !t[j + 1].has(WordClass.prepositions) && !t[j + 1].has(WordClass.clauseStops)
    }
}
