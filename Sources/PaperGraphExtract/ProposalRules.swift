import PaperGraphModel

/// Rules for what the paper itself contributes: named methods (PROPOSES) and
/// named benchmarks or datasets (INTRODUCES).
extension PaperReader {
    /// Whether a name read by a rule may be a contribution at all.
    func isContributionName(_ name: String) -> Bool {
        Fold.key(name).count >= 2
    }

    /// Adds a contribution, as a benchmark when `data` says it is one.
    mutating func addContribution(_ span: NameSpan, data: Bool, rule: String, in f: FieldText) {
        // A size names a variant of a model ("SSR-Zero-7B"), but it is part of
        // a dataset's name ("SA-1B").
        let name = data ? span.name : NameShape.strippingSize(span.name)
        guard isContributionName(name) else { return }
        let ev = f.evidence(rule, span.range)
        if data {
            collector.remove(.proposes, folded: Fold.key(name))
            collector.add(.introduces, name, ev)
        } else if !collector.contains(.introduces, name) {
            collector.add(.proposes, name, ev)
        }
        if let expansion = span.expansion { collector.pair(name, expansion) }
    }

    /// Whether a data noun (benchmark, dataset, …) heads the words after `k`:
    /// directly (`the X benchmark`) or as the appositive (`X, a benchmark for …`),
    /// before any method noun.
    func describesData(after k: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        guard k < t.count else { return false }
        if t[k].kind == .word { return t[k].has(WordClass.dataNouns) }
        guard t[k].kind == .punct, t[k].byte == 0x2C || t[k].byte == 0x3A || t[k].byte == 0x2D else { return false }
        var j = k + 1
        while j < t.count, j <= k + 10, t[j].sentence == t[k].sentence {
            if t[j].kind == .word {
                if t[j].has(WordClass.dataNouns) { return true }
                if t[j].has(WordClass.methodNouns) || t[j].has(WordClass.clauseStops) { return false }
            } else if t[j].byte == 0x2C || t[j].byte == 0x2E || t[j].byte == 0x3B { return false }
            j += 1
        }
        return false
    }

    /// Whether a name reads as a benchmark by itself (`ProcessBench`, `CriticBench`, `…Eval`).
    static func looksLikeBenchmarkName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix("bench") || lower.hasSuffix("eval") || lower.hasSuffix("arena")
            || lower.hasSuffix("gym") || lower.hasSuffix("qa")
    }

    // MARK: Title

    /// "SLIM: Skill Learning …", "AITEE -- Agentic Tutor …", "Grasp2Vec: …":
    /// a title that opens with one name-shaped word before a colon or dash.
    /// A descriptive head ("Learning from Future: …") has more than one word.
    ///
    /// The head may carry a version number: "wav2vec 2.0: A Framework for …".
    mutating func titleRule() {
        let t = title.tokens
        guard t.count >= 3, t[0].kind == .word else { return }
        let versioned = t.count >= 4 && t[1].kind == .word && t[1].letters == 0 && t[1].digits > 0
        let colon = versioned ? 2 : 1
        guard t[colon].kind == .punct, t[colon].byte == 0x3A || t[colon].byte == 0x2D else { return }
        let head = t[0]
        let text = versioned ? title.slice(head.start..<t[1].end) : title.string(head)
        let strong = NameShape.isStrong(head, sentenceInitial: false)
        let plain = NameShape.isCapitalisedWord(head) && head.letters >= 3 && !isCommonWord(title.string(head))
        guard strong || plain || (versioned && head.digits > 0) else { return }
        guard isContributionName(text) else { return }
        let kind = knownKind(text)
        var data = kind == .benchmark || Self.looksLikeBenchmarkName(text)
        if !data {
            for j in 2..<min(t.count, 10) where t[j].kind == .word && t[j].has(WordClass.dataNouns) {
                data = true
                break
            }
        }
        addContribution(NameSpan(name: text, range: head.start..<t[colon - 1].end, next: colon), data: data, rule: "title-name", in: title)
    }

    // MARK: "we propose X"

    /// A coined lower-case hyphenated word that ends its clause, right after a
    /// proposal or naming verb: "we introduce self-reinforcement, which …",
    /// "we propose self-certainty, a novel metric", "named self-check,".
    func coinedWord(at k: Int, in f: FieldText) -> NameSpan? {
        let t = f.tokens
        guard k + 1 < t.count, t[k].isLowerWord, t[k].hyphens > 0,
              !acronyms.contains(where: { $0.field == f.field && $0.longToken == k }) else { return nil }
        let next = t[k + 1]
        guard next.kind == .punct && (next.byte == 0x2C || next.byte == 0x2E || next.byte == 0x3B || next.byte == 0x28)
                || next.has(WordClass.clauseStops) else { return nil }
        let text = f.string(t[k])
        guard knownKind(text) == nil else { return nil }
        return NameSpan(name: text, range: t[k].start..<t[k].end, next: k + 1)
    }

    /// A lower-case phrase in the abstract that repeats a capitalised phrase of
    /// the title ("we propose a novel iterative deepening sampling algorithm"
    /// under the title "Iterative Deepening Sampling for …"): the title's spelling is the name.
    func titlePhrase(at k: Int, in f: FieldText) -> NameSpan? {
        guard f.field == .abstract else { return nil }
        let t = f.tokens
        for run in titleRuns where k + run.count <= t.count {
            var ok = true
            for (i, h) in run.hashes.enumerated() where t[k + i].hash != h || t[k + i].kind != .word {
                ok = false
                break
            }
            // The echo must name a method ("… sampling algorithm") and not be a known one.
            let next = k + run.count
            if ok, next < t.count, t[next].kind == .word, t[next].has(WordClass.methodNouns),
               knownKind(title.slice(run.range)) == nil {
                return NameSpan(name: title.slice(run.range), range: t[k].start..<t[k + run.count - 1].end, next: k + run.count)
            }
        }
        return nil
    }

    /// "we propose / introduce / present / develop … X": the first name after
    /// the verb in its clause, skipping articles and modifiers and stopping
    /// where the clause moves on ("to", "that", "which", …).
    mutating func proposalRules(in f: FieldText) {
        let t = f.tokens
        for k in t.indices where t[k].isLowerWord && t[k].has(WordClass.proposeVerbs) {
            guard t[k].has(WordClass.proposeGerunds) || hasSelfSubject(before: k, in: f) else { continue }
            var data = false
            var j = k + 1
            var steps = 0
            var knownObject: NameSpan? = nil
            var afterPreposition = false
            var afterFor = false
            var added = false
            defer {
                if !added, let span = knownObject { addContribution(span, data: false, rule: "we-propose-known", in: f) }
            }
            while j < t.count, steps < 16, t[j].sentence == t[k].sentence {
                steps += 1
                let tok = t[j]
                if tok.kind == .punct {
                    if tok.byte == 0x3B || tok.byte == 0x3A || tok.byte == 0x2E { break }
                    if tok.byte == 0x28, let close = (j + 1..<min(t.count, j + 20)).first(where: { t[$0].byte == 0x29 && t[$0].kind == .punct }) {
                        j = close + 1
                        continue
                    }
                    j += 1
                    continue
                }
                if tok.kind == .url { break }
                if tok.isLowerWord {
                    if let span = titlePhrase(at: j, in: f) {
                        addContribution(span, data: data || describesData(after: span.next, in: f), rule: "we-propose-title-phrase", in: f)
                        added = true
                        break
                    }
                    if j == k + 1, let span = coinedWord(at: j, in: f) {
                        addContribution(span, data: describesData(after: span.next, in: f), rule: "we-propose", in: f)
                        added = true
                        break
                    }
                    if tok.has(WordClass.dataNouns) { data = true }
                    if tok.has(WordClass.methodNouns) || tok.has(WordClass.dataNouns), let span = appositiveName(after: j, in: f) {
                        addContribution(span, data: data, rule: "we-propose-appositive", in: f)
                        added = true
                        break
                    }
                    if tok.has(WordClass.namingVerbs) || tok.has(WordClass.clauseStops) { break }
                    // "we present analysis on CIFAR-10", "a model for LSTF": after a preposition
                    // the clause names a setting or task, not the contribution.
                    if tok.has(WordClass.prepositions) { afterPreposition = true }
                    if tok.hash == Lexicon.for { afterFor = true }
                }
                if knownObject == nil, !NameShape.isStrong(tok, sentenceInitial: false), isDirectObject(from: k + 1, to: j, in: f),
                   let span = capitalisedWordName(at: j, in: f),
                   span.next + 1 < t.count, t[span.next].kind == .punct, t[span.next].byte == 0x2C,
                   t[span.next + 1].has(WordClass.appositiveArticles) {
                    // "We introduce Codex, a GPT language model …"
                    addContribution(span, data: describesData(after: span.next, in: f), rule: "we-propose-appositive", in: f)
                    added = true
                    break
                }
                if let span = name(at: j, in: f) {
                    let kind = knownKind(span.name)
                    if afterPreposition && kind == .benchmark { break }
                    // "we design an efficient … model for LSTF, named Informer": after "for", an
                    // acronym an earlier sentence defined is the given task, not the new
                    // contribution ("three levels of LbT" after "Can LLMs learn by teaching
                    // (LbT)?" is the paper's own idea, so only "for" counts).
                    if afterFor, acronyms.contains(where: {
                        $0.field == f.field && $0.short == span.name && $0.sentence < t[k].sentence
                    }) {
                        j = span.next
                        continue
                    }
                    if NameShape.isModelName(span.name) || kind == .method {
                        if knownObject == nil, isDirectObject(from: k + 1, to: j, in: f), endsNamePhrase(span, in: f) {
                            knownObject = span
                        }
                        j = span.next
                        continue
                    }
                    let isData = data || kind == .benchmark || Self.looksLikeBenchmarkName(span.name)
                        || describesData(after: span.next, in: f)
                    addContribution(span, data: isData, rule: "we-propose", in: f)
                    added = true
                    break
                }
                j += 1
            }
        }
    }

    /// "we propose", "this paper introduces", "In this work, we further present".
    /// A base-form verb ("propose") may have its "we" further back in the
    /// sentence ("we challenge … and propose X"); other forms need their
    /// subject close ("this paper proposes", "we further introduce").
    func hasSelfSubject(before k: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        let reach = t[k].has(WordClass.proposeBaseVerbs) ? 24 : 4
        var j = k - 1
        while j >= 0, j >= k - reach, t[j].sentence == t[k].sentence {
            if t[j].kind == .word {
                if j >= k - 4, t[j].has(WordClass.selfSubjects) { return true }
                if t[j].hash == Lexicon.we { return true }
            }
            j -= 1
        }
        return false
    }

    /// Whether the sentence of token `k` speaks of the paper's own work.
    func isSelfReferential(sentenceOf k: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        let s = t[k].sentence
        var j = k
        while j > 0, t[j - 1].sentence == s { j -= 1 }
        while j < t.count, t[j].sentence == s {
            if t[j].kind == .word, t[j].has(WordClass.selfCues) { return true }
            j += 1
        }
        return false
    }

    // MARK: "termed X"

    /// "termed / called / named / dubbed X", "which we refer to as X", "we call it X".
    /// First-person naming ("we refer to as", "we call") may name a lower-case
    /// concept and even a known method the paper coins anew.
    mutating func namingRules(in f: FieldText) {
        let t = f.tokens
        for k in t.indices where t[k].isLowerWord {
            var after = -1
            var firstPerson = false
            if t[k].has(WordClass.namingVerbs) {
                if k > 0, t[k - 1].hash == Lexicon.so { continue }
                after = k + 1
                firstPerson = (max(0, k - 2)..<k).contains { t[$0].hash == Lexicon.we }
            } else if t[k].hash == Lexicon.as, k >= 2, t[k - 1].hash == Lexicon.to,
                      t[k - 2].hash == Lexicon.refer || t[k - 2].hash == Lexicon.referred {
                after = k + 1
                firstPerson = (max(0, k - 4)..<k).contains { t[$0].hash == Lexicon.we }
            } else if t[k].hash == Lexicon.call || t[k].hash == Lexicon.term || t[k].hash == Lexicon.dub,
                      k > 0, t[k - 1].hash == Lexicon.we {
                after = k + 1
                after = afterNamedObject(from: after, in: f)
                if after < t.count, t[after].hash == Lexicon.it || t[after].hash == Lexicon.this { after += 1 }
                firstPerson = true
            }
            guard after > 0, after < t.count else { continue }
            // "The method, called Mask R-CNN, …", "the new framework, called DETR": a method
            // or data noun named in passing is the paper's own.
            var h = k - 1
            if h >= 0, t[h].kind == .punct, t[h].byte == 0x2C { h -= 1 }
            let headNamed = h >= 1 && t[h].kind == .word && (t[h].has(WordClass.methodNouns) || t[h].has(WordClass.dataNouns))
                && (t[h - 1].hash == Lexicon.the || t[h - 1].hash == Lexicon.our || t[h - 1].has(WordClass.noveltyWords))
            guard firstPerson || headNamed || isSelfReferential(sentenceOf: k, in: f) else { continue }
            // A lower-case name needs first-person naming ("which we call self-distillation")
            // or a sentence that announces the contribution ("we propose a … task called
            // replaced token detection."); ``name(at:in:_:)`` also requires it to end the clause.
            let lowercase = firstPerson || announcesContribution(sentenceOf: k, in: f)
            guard let span = name(at: after, in: f, NameOptions(singleWord: true, lowercase: lowercase))
                    ?? coinedWord(at: after, in: f) ?? capitalisedWordName(at: after, in: f) else { continue }
            let kind = knownKind(span.name)
            if kind == .method && !firstPerson && !headNamed && !announcesContribution(sentenceOf: k, in: f) { continue }
            var data = kind == .benchmark || Self.looksLikeBenchmarkName(span.name) || describesData(after: span.next, in: f)
            var j = k - 1
            while !data, j >= 0, j >= k - 6, t[j].sentence == t[k].sentence {
                if t[j].kind == .word, t[j].has(WordClass.dataNouns) { data = true }
                if t[j].kind == .word, t[j].has(WordClass.methodNouns) { break }
                j -= 1
            }
            addContribution(span, data: data, rule: "named", in: f)
        }
    }

    /// Where the name starts after "we call …" when the verb's object is a noun
    /// phrase headed by a method or data noun: "We call the resulting models
    /// InstructGPT", "we call this approach X", "we call our dataset Y". A
    /// determiner, at most two lower-case modifiers, then the head noun; without
    /// such a phrase the name starts at `k` ("we call it X", "we call X", and
    /// "which we call proximal policy optimization (PPO)", where the lower-case
    /// words are the name itself).
    func afterNamedObject(from k: Int, in f: FieldText) -> Int {
        let t = f.tokens
        guard k < t.count, t[k].hash == Lexicon.the || t[k].hash == Lexicon.our || t[k].hash == Lexicon.these
            || t[k].hash == Lexicon.this else { return k }
        var j = k + 1
        var modifiers = 0
        while j < t.count, t[j].sentence == t[k].sentence, t[j].isLowerWord {
            if t[j].has(WordClass.methodNouns) || t[j].has(WordClass.dataNouns) { return j + 1 }
            if t[j].has(WordClass.clauseStops) || t[j].has(WordClass.prepositions) || modifiers == 2 { break }
            modifiers += 1
            j += 1
        }
        return k
    }

    // MARK: "X, a novel …"

    /// "X, a novel framework …", "X is a new benchmark …": a name-shaped word in
    /// apposition with a new method or dataset.
    mutating func appositiveRule(in f: FieldText) {
        let t = f.tokens
        for k in t.indices where t[k].kind == .word && k + 3 < t.count {
            let sep = t[k + 1]
            let isComma = sep.kind == .punct && sep.byte == 0x2C
            let isIs = sep.kind == .word && sep.hash == Lexicon.is
            guard isComma || isIs, t[k + 2].has(WordClass.appositiveArticles) else { continue }
            var novel = t[k + 2].hash == Lexicon.our
            var data = false
            var head = false
            var j = k + 2
            while j < t.count, j <= k + 9, t[j].kind == .word {
                if t[j].has(WordClass.noveltyWords) { novel = true }
                if isDataHead(at: j, in: f) { data = true; head = true; break }
                if t[j].has(WordClass.methodNouns) { head = true; break }
                j += 1
            }
            guard novel, head else { continue }
            let initial = k == 0 || t[k - 1].sentence != t[k].sentence
            guard NameShape.isStrong(t[k], sentenceInitial: initial) else { continue }
            let text = f.string(t[k])
            let kind = knownKind(text)
            guard kind != .method else { continue }
            addContribution(NameSpan(name: text, range: t[k].start..<t[k].end, next: k + 1),
                            data: data || kind == .benchmark, rule: "appositive", in: f)
        }
    }

    /// "our multi-agent framework OMNE", "a new benchmark MMAU", "our method,
    /// X, …": a name right after a method or data noun that the paper marks as its own.
    mutating func headNounRule(in f: FieldText) {
        let t = f.tokens
        for k in t.indices.dropLast(2) where t[k].isLowerWord {
            let data = isDataHead(at: k, in: f)
            guard data || t[k].has(WordClass.methodNouns) else { continue }
            let commaBefore = t[k + 1].kind == .punct && t[k + 1].byte == 0x2C
            let parenthesised = t[k + 1].kind == .punct && t[k + 1].byte == 0x28
            let name = commaBefore || parenthesised ? k + 2 : k + 1
            if commaBefore {
                guard name + 1 < t.count, t[name + 1].kind == .punct, t[name + 1].byte == 0x2C || t[name + 1].byte == 0x28 else { continue }
            }
            if parenthesised {
                guard name + 1 < t.count, t[name + 1].kind == .punct, t[name + 1].byte == 0x29 else { continue }
            }
            let next = t[name]
            guard NameShape.isStrong(next, sentenceInitial: false) else { continue }
            var own = false
            var j = k - 1
            while j >= 0, j >= k - 4, t[j].sentence == t[k].sentence, t[j].kind == .word {
                if t[j].hash == Lexicon.our || t[j].has(WordClass.noveltyWords) { own = true; break }
                j -= 1
            }
            // "We are releasing the Segment Anything Model (SAM) and corresponding
            // dataset (SA-1B)": a noun naming its own label is the proposal's object.
            // "by proposing a self-attention based sequential model (SASRec)" likewise,
            // and that strong frame holds even for a method the gazetteer knows.
            var object = false
            if !own, parenthesised { object = isObjectOfProposal(k, in: f) }
            guard own || object else { continue }
            let text = f.string(next)
            let kind = knownKind(text)
            guard kind != .method || object else { continue }
            addContribution(NameSpan(name: text, range: next.start..<next.end, next: name + 1),
                            data: data || kind == .benchmark, rule: "our-noun-name", in: f)
        }
    }

    // MARK: Acronyms and variants

    /// Acronyms the abstract defines. In a sentence announcing the paper's own
    /// work ("we propose … Chain-of-Action-Thought (COAT) …") they are
    /// proposals; otherwise an acronym whose long form ends like a technique
    /// ("Rejection sampling Fine-Tuning (RFT)", "Markov Decision Process
    /// (MDP)") is a method the paper uses, and one that ends like a dataset is
    /// a benchmark.
    mutating func acronymRules() {
        for def in acronyms {
            guard isContributionName(def.short), !Lexicon.notNames.contains(Bytes.hash(def.short)) else { continue }
            if collector.contains(.proposes, def.short) || collector.contains(.introduces, def.short) { continue }
            let f = def.field == .title ? title : abstract
            if knownKind(def.short) != nil || knownKind(def.long) != nil {
                if ownedByProposal(longToken: def.longToken, in: f) {
                    addContribution(NameSpan(name: def.short, range: def.shortRange, next: def.next, expansion: def.long),
                                    data: knownKind(def.short) == .benchmark, rule: "acronym-proposed-known", in: f)
                }
                continue
            }
            let head = f.tokens[def.shortToken - 2]
            let isData = head.has(WordClass.dataHeads)
            let span = NameSpan(name: def.short, range: def.shortRange, next: def.next, expansion: def.long)
            if announcesContribution(sentenceOf: def.shortToken, in: f) {
                addContribution(span, data: isData, rule: "acronym-proposed", in: f)
            } else if isData {
                if !collector.contains(.evaluatesOn, def.short) {
                    collector.add(.evaluatesOn, def.short, f.evidence("acronym-benchmark", def.shortRange))
                }
            } else if head.has(WordClass.techniqueHeads), !NameShape.isModelName(def.short) {
                collector.add(.uses, def.short, f.evidence("acronym-technique", def.shortRange))
            }
        }
    }

    /// Whether the sentence of token `k` announces the paper's contribution: a
    /// proposal verb with "we", or "novel"/"our" framing.
    func announcesContribution(sentenceOf k: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        let s = t[k].sentence
        var j = k
        while j > 0, t[j - 1].sentence == s { j -= 1 }
        if f.field == .title { return true }
        while j < t.count, t[j].sentence == s {
            if t[j].kind == .word {
                if t[j].has(WordClass.noveltyWords) || t[j].hash == Lexicon.our { return true }
                if t[j].has(WordClass.proposeVerbs), hasSelfSubject(before: j, in: f) { return true }
            }
            j += 1
        }
        return false
    }

    /// Variants named alongside a proposed name: `FST` → `FST-D`, `FST-W`;
    /// `SSR` → `SSR-X-Zero-7B` (kept as `SSR-X-Zero`).
    mutating func variantRule() {
        let proposed = collector.lists[Collector.Slot.proposes.rawValue].map(\.name).filter { $0.utf8.count >= 2 }
        guard !proposed.isEmpty else { return }
        // ASCII names and words compare as bytes (their characters are their
        // bytes), sparing a string per word and grapheme breaking.
        let proposedBytes = proposed.map { Array($0.utf8) }
        let proposedIsASCII = proposedBytes.map { $0.allSatisfy { $0 < 0x80 } }
        for f in [title, abstract] {
            for tok in f.tokens where tok.kind == .word && tok.hyphens > 0 && tok.upper > 0 {
                let word = f.bytes[tok.start..<tok.end]
                let wordIsASCII = word.allSatisfy { $0 < 0x80 }
                for (k, p) in proposed.enumerated() {
                    // Whether the word is `p`, a hyphen and more.
                    if wordIsASCII && proposedIsASCII[k] {
                        let q = proposedBytes[k]
                        guard word.count > q.count + 1, word.starts(with: q), word[word.startIndex + q.count] == 0x2D else { continue }
                    } else {
                        let text = f.string(tok)
                        guard text.count > p.count + 1 && text.hasPrefix(p + "-") else { continue }
                    }
                    let text = f.string(tok)
                    let variant = NameShape.strippingSize(text)
                    if variant != p, !collector.contains(.proposes, variant) {
                        addContribution(NameSpan(name: variant, range: tok.start..<tok.end, next: 0),
                                        data: false, rule: "variant", in: f)
                    }
                    break
                }
            }
        }
    }
}
