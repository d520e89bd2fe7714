import PaperGraphModel

/// Benchmarks the gazetteer does not know, found by how abstracts cite them:
/// "the X and Y datasets", "benchmarks such as X, Y and Z", "results on X, Y,
/// and Z". Every item must be shaped like a name, so generic phrases
/// ("widely-used benchmark datasets", "mathematical benchmarks") never count.
extension PaperReader {
    /// Nouns after which a list of names is a list of benchmarks.
    static let listNouns = Lexicon.set(WordClass.listNouns, ["benchmark", "benchmarks", "dataset", "datasets", "corpus",
                                                "corpora", "suite", "suites", "testbed", "testbeds",
                                                "leaderboard", "environment", "environments", "challenge",
                                                "tasks", "games", "domains", "collections", "set", "sets",
                                                "splits", "split", "subsets", "subset"])
    /// Of those, nouns that need a strong name before them (`the ALFWorld tasks`).
    static let weakNouns = Lexicon.set(WordClass.weakNouns, ["tasks", "games", "domains", "collections", "environment",
                                                "environments", "challenge", "set", "sets", "splits", "split",
                                                "subsets", "subset"])
    /// Words before "set"/"split" that name its role ("test set").
    static let setQualifiers = Lexicon.set(WordClass.setQualifiers, ["test", "validation", "evaluation", "dev", "development",
                                                    "held-out", "training", "benchmark"])
    /// Verbs after which "on X" is not an evaluation ("based on X", "relies on X").
    static let onNotEval = Lexicon.set(WordClass.onNotEval, ["based", "rely", "relies", "relying", "focus", "focuses",
                                                "focusing", "depend", "depends", "built", "conditioned",
                                                "operate", "operates", "act", "acts", "work", "works", "draw",
                                                "draws", "building", "builds", "relied", "focused", "centered",
                                                "insights", "light", "emphasis", "perspective", "hinges",
                                                "impact", "effect", "effects", "influence", "study", "studies",
                                                "research", "survey", "work", "papers", "literature"])

    mutating func benchmarkCueRules(in f: FieldText) {
        let t = f.tokens
        var evalSentence = SentenceFlags()
        for tok in t where tok.kind == .word && tok.has(WordClass.evalCues) {
            evalSentence.insert(Int(tok.sentence))
        }
        for k in t.indices where t[k].kind == .word {
            let h = t[k].hash
            let initialWord = k == 0 || t[k - 1].sentence != t[k].sentence
            if t[k].has(WordClass.listNouns), t[k].isLowerWord || (f.field == .abstract && t[k].firstUpper && t[k].upper == 1 && !initialWord && t[k].has(WordClass.dataNouns)) {
                // "the New-392 and Price-149 test sets": read before the qualifier.
                let noun = k > 0 && t[k - 1].has(WordClass.setQualifiers) ? k - 1 : k
                namesBefore(noun: noun, in: f, strongOnly: t[k].has(WordClass.weakNouns))
                namesAfter(noun: k, in: f)
            } else if h == Lexicon.on || h == Lexicon.across {
                let s = Int(t[k].sentence)
                guard evalSentence.contains(s) else { continue }
                if k > 0, t[k - 1].kind == .word, t[k - 1].has(WordClass.onNotEval) { continue }
                var j = k + 1
                // "on the X", "on both the X and Y", "on all three X, Y and Z".
                while j < t.count, j < k + 3, t[j].hash == Lexicon.the || t[j].hash == Lexicon.both || t[j].hash == Lexicon.allWord { j += 1 }
                list(from: j, in: f, rule: "benchmark-on", strongOnly: false)
            }
        }
    }

    /// "the GSM8K and MATH benchmarks", "on the Atari 100k benchmark".
    private mutating func namesBefore(noun k: Int, in f: FieldText, strongOnly: Bool) {
        let t = f.tokens
        // Walk back over name tokens and list separators.
        var j = k
        while j > 0, t[j - 1].sentence == t[k].sentence {
            let p = t[j - 1]
            let separator = (p.kind == .punct && (p.byte == 0x2C || p.byte == 0x2F || p.byte == 0x26))
                || (p.kind == .word && (p.hash == Lexicon.and || p.hash == Lexicon.or))
            let nameLike = p.kind == .word && (p.firstUpper || p.upper > 0 || p.digits > 0)
                && !p.has(WordClass.notNames) && !p.has(WordClass.genericBenchmarkWords)
                && (NameShape.isStrong(p, sentenceInitial: false) || !isCommonWord(f.string(p)))
            guard separator || nameLike || (j == k && isCoinedLowercaseName(p, in: f)) else { break }
            j -= 1
        }
        while j < k, t[j].kind == .punct || t[j].hash == Lexicon.and || t[j].hash == Lexicon.or { j += 1 }
        guard j < k else { return }
        // "the largest publicly available chest X-ray dataset": a weak word after a
        // lower-case content word is a modifier inside the noun phrase, not a name.
        if j == k - 1, j > 0, t[j - 1].isLowerWord, t[j - 1].sentence == t[k].sentence,
           !t[j - 1].has(WordClass.functionWords), !t[j - 1].has(WordClass.genericBenchmarkWords),
           !t[j - 1].has(WordClass.connectors), !NameShape.isStrong(t[j], sentenceInitial: false) { return }
        if j == k - 1, isCoinedLowercaseName(t[j], in: f) {
            addCueBenchmark(NameSpan(name: f.string(t[j]), range: t[j].start..<t[j].end, next: k), rule: "benchmark-noun", in: f)
            return
        }
        list(from: j, to: k, in: f, rule: "benchmark-noun", strongOnly: strongOnly, explicit: true)
    }

    /// A lower-case hyphenated name right before a data noun ("the ogbn-arxiv
    /// dataset"): no part may be an English word or prefix, so "the long-tail
    /// dataset" and "the multi-domain benchmark" stay out. Without the
    /// ontology's word list nothing can be told apart, and the rule stays off.
    private func isCoinedLowercaseName(_ t: Token, in f: FieldText) -> Bool {
        guard t.kind == .word, t.upper == 0, t.hyphens > 0, !t.descriptiveSuffix, !extractor.commonWords.isEmpty,
              !t.has(WordClass.genericBenchmarkWords) else { return false }
        let parts = f.string(t).split(separator: "-").map(String.init)
        return parts.allSatisfy { $0.count >= 2 && !isCommonWord($0) && !Lexicon.wordPrefixes.contains(Bytes.hash($0)) }
    }

    /// "benchmarks such as X, Y and Z", "datasets (X, Y, Z)", "benchmarks: X and Y".
    private mutating func namesAfter(noun k: Int, in f: FieldText) {
        let t = f.tokens
        var j = k + 1
        guard j < t.count else { return }
        if t[j].kind == .word, t[j].hash == Lexicon.such, j + 1 < t.count, t[j + 1].hash == Lexicon.as { j += 2 }
        else if t[j].kind == .word, t[j].hash == Lexicon.including || t[j].hash == Lexicon.like || t[j].hash == Lexicon.namely { j += 1 }
        else if t[j].kind == .punct, t[j].byte == 0x28 || t[j].byte == 0x3A { j += 1 }
        else if t[j].kind == .punct, t[j].byte == 0x2C, j + 1 < t.count,
                t[j + 1].hash == Lexicon.including || t[j + 1].hash == Lexicon.namely { j += 2 }
        else { return }
        // "e.g.," inside the parentheses.
        while j < t.count, t[j].kind == .punct || (t[j].letters == 1 && t[j].kind == .word && t[j + 1 < t.count ? j + 1 : j].byte == 0x2E) {
            if t[j].kind == .punct, t[j].byte != 0x2E, t[j].byte != 0x2C { break }
            j += 1
        }
        list(from: j, in: f, rule: "benchmark-list", strongOnly: false, explicit: true)
    }

    /// Reads a list of names from token `j` (up to `limit`), adding each as a
    /// benchmark evaluated on; stops at the first item that is not a name.
    /// `explicit`: the list is introduced by a data noun, so capitalised words
    /// that are also English words (`Weather`, `Traffic`, `Yelp`) are names here.
    private mutating func list(from start: Int, to limit: Int? = nil, in f: FieldText, rule: String, strongOnly: Bool,
                               explicit: Bool = false) {
        let t = f.tokens
        let end = limit ?? t.count
        var j = start
        while j < end {
            guard let item = benchmarkItem(at: j, end: end, in: f, strongOnly: strongOnly, explicit: explicit) else { return }
            addCueBenchmark(item, rule: rule, in: f)
            j = item.next
            // Separators: ",", "and", ", and", "or", "/", "&".
            var separated = false
            while j < end {
                let s = t[j]
                if (s.kind == .punct && (s.byte == 0x2C || s.byte == 0x2F || s.byte == 0x26))
                    || (s.kind == .word && (s.hash == Lexicon.and || s.hash == Lexicon.or)) {
                    separated = true
                    j += 1
                } else { break }
            }
            if !separated { return }
        }
    }

    /// One benchmark name: a name token (or, unless `strongOnly`, a capitalised
    /// word that is not ordinary English), followed by up to two capitalised or
    /// version tokens (`AIME 2024`, `Atari 100k`, `Big Bench Hard`).
    private func benchmarkItem(at k: Int, end: Int, in f: FieldText, strongOnly: Bool, explicit: Bool) -> NameSpan? {
        let t = f.tokens
        guard k < end, t[k].kind == .word else { return nil }
        let initial = k == 0 || t[k - 1].sentence != t[k].sentence
        let strong = NameShape.isStrong(t[k], sentenceInitial: initial)
        guard strong || (!strongOnly && !initial && NameShape.isCapitalisedWord(t[k])
                         && !t[k].has(WordClass.genericBenchmarkWords)
                         && (explicit || !isCommonWord(f.string(t[k])))) else { return nil }
        var last = k
        var j = k + 1
        // After a bare "on", a capitalised word followed by another is a
        // phrase ("on Anonymity Link"), not a benchmark.
        if !strong, !explicit, j < end, t[j].kind == .word, t[j].firstUpper, t[j].digits == 0 { return nil }
        // … and one followed by a lower-case content word is an adjective
        // ("on Gaussian marginals"), not a name.
        if !strong, !explicit, j < end, t[j].isLowerWord, !t[j].has(WordClass.functionWords),
           t[j].hash != Lexicon.and, t[j].hash != Lexicon.or { return nil }
        while j < end, j <= k + 2, t[j].kind == .word, t[j].start == t[j - 1].end + 1 {
            let version = t[j].digits > 0 && t[j].letters <= 2
            let capital = t[j].firstUpper && !t[j].has(WordClass.notNames) && !strongOnly
                && !t[j].has(WordClass.genericBenchmarkWords)
            guard version || capital else { break }
            last = j
            j += 1
        }
        let range = t[k].start..<t[last].end
        return NameSpan(name: f.slice(range), range: range, next: last + 1)
    }

    private mutating func addCueBenchmark(_ item: NameSpan, rule: String, in f: FieldText) {
        let name = item.name
        guard !NameShape.isModelName(name) else { return }
        // Folded once for the checks, the lookup and the list.
        let key = Fold.key(name)
        guard !collector.contains(.proposes, folded: key), !collector.contains(.introduces, folded: key) else { return }
        switch extractor.known[key] {
        case nil:
            collector.add(.evaluatesOn, name, key: key, f.evidence(rule, item.range))
        case let (kind, entry)? where kind == .benchmark:
            // A known benchmark written in a case the gazetteer's exact form
            // refuses (`Math500` for `MATH500`): the cue confirms it.
            guard !extractor.benchmarkKeys[entry].contains(where: {
                collector.contains(.evaluatesOn, folded: $0) || collector.contains(.introduces, folded: $0)
            }) else { return }
            collector.add(.evaluatesOn, name, key: key, f.evidence(rule, item.range))
        default:
            return
        }
    }
}

/// A set of sentence indices of one field: the first 64 as bits of one word
/// (an abstract has a dozen sentences), the rest in a set, so the usual
/// field allocates nothing.
struct SentenceFlags {
    private var first: UInt64 = 0
    private var rest = Set<Int>()

    mutating func insert(_ s: Int) {
        if s < 64 { first |= 1 << UInt64(s) } else { rest.insert(s) }
    }

    func contains(_ s: Int) -> Bool {
        s < 64 ? first >> UInt64(s) & 1 != 0 : rest.contains(s)
    }
}
