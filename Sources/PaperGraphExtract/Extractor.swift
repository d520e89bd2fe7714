import PaperGraphModel
import PaperGraphOntology

/// Finds the methods a paper proposes and uses, the benchmarks it evaluates on
/// or introduces, and its code and project pages, with evidence for each.
///
/// The ontology's gazetteers are compiled once, in `init`, into one byte trie;
/// `extract` then makes one pass of tokenising per field, one trie walk, and a
/// handful of cue-pattern rules over the tokens (see `ProposalRules`,
/// `BenchmarkCueRules`, `AcronymRule`). An `Extractor` is immutable and can be
/// shared across threads.
public struct Extractor: Sendable {
    let matcher: GazetteerMatcher
    /// Surface forms per entry (canonical name first), by kind.
    let benchmarkForms: [[String]]
    let methodForms: [[String]]
    /// The same forms folded, for membership checks without re-folding.
    let benchmarkKeys: [[String]]
    let methodKeys: [[String]]
    /// Index of each method's broader method, if the gazetteer has it.
    let methodParents: [Int?]
    /// Benchmarks that are pre-training corpora (`domain: pretraining-data`:
    /// Common Crawl, C4, The Pile). Papers usually name them as a data source,
    /// so they count as evaluated on only in a sentence about evaluation.
    let benchmarkIsCorpus: [Bool]
    /// Folded gazetteer surface form → entry, for "is this a known name?" checks.
    let known: [String: (kind: NodeKind, entry: Int)]
    /// Folded ordinary English words from the ontology.
    let commonWords: Set<String>
    /// The method entry `best-of-N`, if the gazetteer has it (see `numberedBestOfRule`).
    let bestOfN: Int?

    public init(ontology: Ontology) {
        matcher = GazetteerMatcher(ontology: ontology)
        benchmarkForms = ontology.benchmarks.map { $0.surfaceForms.map(\.text) }
        methodForms = ontology.methods.map { $0.surfaceForms.map(\.text) }
        benchmarkKeys = benchmarkForms.map { $0.map(Fold.key) }
        methodKeys = methodForms.map { $0.map(Fold.key) }
        benchmarkIsCorpus = ontology.benchmarks.map { $0.domain == "pretraining-data" }
        var known: [String: (kind: NodeKind, entry: Int)] = [:]
        for (kind, list) in [(NodeKind.benchmark, ontology.benchmarks), (.method, ontology.methods)] {
            for (index, entry) in list.enumerated() {
                for form in entry.surfaceForms {
                    let key = Fold.key(form.text)
                    if known[key] == nil { known[key] = (kind, index) }
                }
            }
        }
        self.known = known
        methodParents = ontology.methods.map { entry in
            entry.parent.flatMap { known[Fold.key($0)] }.flatMap { $0.kind == .method ? $0.entry : nil }
        }
        commonWords = ontology.commonWords
        bestOfN = known[Fold.key("best-of-N")].flatMap { $0.kind == .method ? $0.entry : nil }
    }

    /// Most distinct code and project links kept per paper. Papers cite a
    /// handful; an abstract with thousands is spam or garbage, and every kept
    /// link adds a node and an edge with evidence. The rest are counted in a note.
    public static let maximumLinks = 100

    /// Extracts from the title, the abstract and the arXiv comment of `record`.
    public func extract(_ record: PaperRecord) -> Extraction {
        var reader = PaperReader(extractor: self, record: record)
        reader.run()
        var extraction = reader.collector.extraction()
        if reader.linksDropped > 0 {
            extraction.notes.append("kept the first \(Self.maximumLinks) links; "
                                    + "\(reader.linksDropped) more distinct links were dropped")
        }
        return extraction
    }
}

/// The state of reading one paper: its prepared fields and what was found.
struct PaperReader {
    let extractor: Extractor
    let title: FieldText
    let abstract: FieldText
    let comment: FieldText?
    var collector = Collector()
    /// Acronym definitions of all fields, found once and shared by the rules.
    var acronyms: [AcronymDefinition] = []
    /// Capitalised multi-word phrases of the title ("Iterative Deepening Sampling").
    var titleRuns: [TitleRun] = []
    /// Distinct links kept, and those dropped past ``Extractor/maximumLinks``.
    var linksKept = 0
    var linksDropped = 0

    /// Inlined into ``Extractor/extract(_:)``: a call of its own cost about
    /// 900 instructions per paper more (callgrind, 10k corpus).
    @inline(__always) init(extractor: Extractor, record: PaperRecord) {
        self.extractor = extractor
        let title = FieldText(record.title, field: .title)
        titleRuns = TitleRun.runs(in: title)
        self.title = title
        abstract = FieldText(record.abstract, field: .abstract)
        if let text = record.comment, !text.isEmpty {
            comment = FieldText(text, field: .comment)
        } else {
            comment = nil
        }
    }

    mutating func run() {
        // Fields one by one, not `for field in [title, abstract]`: an array of
        // `FieldText` copies costs an allocation and a retain and release of
        // each field's buffers, several times per paper.
        // Asked before the call: passing a field to a mutating rule copies it
        // (a retain and release of each of its buffers), and most fields have no link.
        if title.hasURLs { findURLs(in: title) }
        if abstract.hasURLs { findURLs(in: abstract) }
        if let comment, comment.hasURLs { findURLs(in: comment) }
        acronyms = AcronymRule.definitions(in: title)
        let abstractAcronyms = AcronymRule.definitions(in: abstract)
        if !abstractAcronyms.isEmpty { acronyms += abstractAcronyms }
        for def in acronyms { collector.pair(def.short, def.long) }
        titleRule()
        titleHeadRule()
        proposalRules(in: abstract)
        namingRules(in: abstract)
        appositiveRule(in: abstract)
        headNounRule(in: abstract)
        acronymRules()
        variantRule()
        let (titleMatches, abstractMatches) = gazetteerRule()
        numberedBestOfRule(in: title)
        numberedBestOfRule(in: abstract)
        benchmarkCueRules(in: title)
        benchmarkCueRules(in: abstract)
        baselineRule(in: title, matches: titleMatches)
        baselineRule(in: abstract, matches: abstractMatches)
        mergeAbbreviatedProposals()
        mergePluralProposals()
        repositoryNameRule()
    }

    /// The kind of a name the gazetteers know, by any of its forms.
    func knownKind(_ name: String) -> NodeKind? { extractor.known[Fold.key(name)]?.kind }

    /// Whether a single capitalised word is ordinary English.
    func isCommonWord(_ name: String) -> Bool { extractor.commonWords.contains(Fold.key(name)) }

    // MARK: URLs

    mutating func findURLs(in field: FieldText) {
        for token in field.tokens where token.kind == .url {
            guard let target = URLScanner.classify(field.string(token)) else { continue }
            let (slot, name): (Collector.Slot, String) = switch target {
            case .repository(let key): (.repositories, key)
            case .homepage(let page): (.homepages, page)
            }
            // Repeats are dropped before any evidence is built for them.
            guard !collector.contains(slot, folded: name.lowercased()) else { continue }
            guard linksKept < Extractor.maximumLinks else {
                linksDropped += 1
                continue
            }
            collector.add(slot, name, field.evidence("url", token.start..<token.end))
            linksKept += 1
        }
    }

    // MARK: Gazetteer

    /// Every gazetteer name in the title and abstract: methods are used,
    /// benchmarks evaluated on (unless a rule found the paper introduces or
    /// proposes them). Each entry is reported once, under the form the text
    /// first writes (`PPO`, or `Monte Carlo Tree Search` before `(MCTS)`).
    /// A broader method whose name the paper only writes inside a more
    /// specific one ("deep reinforcement learning", "process reward model")
    /// is not reported beside it.
    /// - Returns: the matches in the title and in the abstract.
    @discardableResult
    mutating func gazetteerRule() -> ([GazetteerMatcher.Match], [GazetteerMatcher.Match]) {
        var found: [(inTitle: Bool, match: GazetteerMatcher.Match)] = []
        var methodsSeen = SmallSet<Int>()
        var benchmarksSeen = SmallSet<BenchmarkRelease>()
        let titleMatches = extractor.matcher.matches(in: title)
        let abstractMatches = extractor.matcher.matches(in: abstract)
        found.reserveCapacity(titleMatches.count + abstractMatches.count)
        // Long forms of acronyms the paper uses as techniques: a method inside
        // one ("multi-agent proximal policy optimization (MAPPO)") is part of
        // that name, not a mention of its own.
        let usedLongForms = acronyms.isEmpty ? [] : acronyms.filter { collector.contains(.uses, $0.short) }
        // Each field is passed as it is stored, not picked into a local
        // (`let field = inTitle ? title : abstract`): a copied `FieldText`
        // costs a retain and release of each of its buffers.
        firstMentions(titleMatches, in: title, inTitle: true, usedLongForms, &found, &methodsSeen, &benchmarksSeen)
        firstMentions(abstractMatches, in: abstract, inTitle: false, usedLongForms, &found, &methodsSeen, &benchmarksSeen)
        var subsumed = SmallSet<Int>()
        for m in methodsSeen.elements {
            // The paper's own method refines the broader one: both are reported.
            if extractor.methodKeys[m].contains(where: { collector.contains(.proposes, folded: $0) }) { continue }
            let name = extractor.methodKeys[m][0]
            var parent = extractor.methodParents[m]
            var hops = 0
            while let p = parent, hops < 16 {
                if methodsSeen.contains(p), Self.isField(extractor.methodForms[p][0]), name.hasSuffix(extractor.methodKeys[p][0]) {
                    subsumed.insert(p)
                }
                parent = extractor.methodParents[p]
                hops += 1
            }
        }
        for (inTitle, m) in found {
            // Each name is added under its entry's folded form, already at hand.
            if m.kind == .method {
                guard !subsumed.contains(m.entry) else { continue }
                let keys = extractor.methodKeys[m.entry]
                guard !keys.contains(where: { collector.contains(.proposes, folded: $0) }) else { continue }
                let forms = extractor.methodForms[m.entry]
                let f = reportedForm(forms, keys, m.form)
                let ev = inTitle ? title.evidence("gazetteer", m.start..<m.end) : abstract.evidence("gazetteer", m.start..<m.end)
                collector.add(.uses, forms[f], key: keys[f], ev)
            } else {
                if extractor.benchmarkIsCorpus[m.entry],
                   !(inTitle ? sentenceHasEvaluationCue(at: m.start, in: title) : sentenceHasEvaluationCue(at: m.start, in: abstract)) { continue }
                let forms = extractor.benchmarkForms[m.entry], keys = extractor.benchmarkKeys[m.entry]
                let f = reportedForm(forms, keys, m.form)
                // A numbered release is its own benchmark: only that release must be new.
                let numbered = inTitle ? endsInNumber(m, in: title) : endsInNumber(m, in: abstract)
                guard numbered ? !isListedBenchmark(keys[f]) : !keys.contains(where: { isListedBenchmark($0) }) else { continue }
                let ev = inTitle ? title.evidence("gazetteer", m.start..<m.end) : abstract.evidence("gazetteer", m.start..<m.end)
                collector.add(.evaluatesOn, forms[f], key: keys[f], ev)
            }
        }
        versionListRule(matches: titleMatches, in: title)
        versionListRule(matches: abstractMatches, in: abstract)
        return (titleMatches, abstractMatches)
    }

    /// Adds to `found` each gazetteer entry's first mention in `field` that
    /// counts (see ``gazetteerRule()``), a benchmark once per release number.
    private func firstMentions(_ matches: [GazetteerMatcher.Match], in field: FieldText, inTitle: Bool,
                               _ usedLongForms: [AcronymDefinition],
                               _ found: inout [(inTitle: Bool, match: GazetteerMatcher.Match)],
                               _ methodsSeen: inout SmallSet<Int>, _ benchmarksSeen: inout SmallSet<BenchmarkRelease>) {
        for m in matches {
            if m.kind == .method, usedLongForms.contains(where: {
                $0.field == field.field && $0.longRange.contains(m.start) && $0.longRange != m.start..<m.end
            }) { continue }
            if isTitleCasedWord(m, in: field) { continue }
            if m.kind == .method, isNegated(m.start, in: field) { continue }
            let isNew = m.kind == .method ? methodsSeen.insert(m.entry)
                : benchmarksSeen.insert(BenchmarkRelease(entry: m.entry, number: releaseNumber(of: m, in: field)))
            if isNew {
                found.append((inTitle, m))
            }
        }
    }

    /// Whether a benchmark's folded name is already introduced, proposed or evaluated on.
    private func isListedBenchmark(_ key: String) -> Bool {
        collector.contains(.introduces, folded: key) || collector.contains(.proposes, folded: key)
            || collector.contains(.evaluatesOn, folded: key)
    }

    /// Whether a match ends in a release number (``releaseNumber(of:in:)`` is
    /// not empty), without making the number's string.
    private func endsInNumber(_ m: GazetteerMatcher.Match, in field: FieldText) -> Bool {
        m.end > m.start && Bytes.isDigit(field.bytes[m.end - 1])
    }

    /// A gazetteer entry as written with one release number (see ``releaseNumber(of:in:)``).
    struct BenchmarkRelease: Hashable {
        var entry: Int
        var number: String
    }

    /// A capitalised English word in a title or at a sentence start
    /// ("… for Traffic Signal Control") is title case, not the benchmark or
    /// method the word also names; all-capital names (`MATH`) still count.
    func isTitleCasedWord(_ m: GazetteerMatcher.Match, in field: FieldText) -> Bool {
        let written = field.bytes[m.start..<m.end]
        guard !written.contains(0x20), written.contains(where: Bytes.isLowerASCII) else { return false }
        let atSentenceStart = field.sentences.contains { $0.lowerBound == m.start }
        guard field.field == .title || atSentenceStart else { return false }
        return extractor.commonWords.contains(Fold.key(field.slice(m.start..<m.end)))
    }

    /// "best-of-32 sampling", "best-of-64": best-of-N with the number written out.
    mutating func numberedBestOfRule(in field: FieldText) {
        guard let entry = extractor.bestOfN else { return }
        let forms = extractor.methodForms[entry]
        for t in field.tokens where t.kind == .word && t.hyphens == 2 && t.digits > 0 {
            let text = field.string(t).lowercased()
            guard text.hasPrefix("best-of-"), text.dropFirst(8).allSatisfy(\.isNumber) else { continue }
            guard !extractor.methodKeys[entry].contains(where: { collector.contains(.uses, folded: $0) }) else { return }
            collector.add(.uses, forms[0], field.evidence("numbered-best-of", t.start..<t.end))
            return
        }
    }

    /// A broad field or class ("reinforcement learning", "reward model"), as
    /// opposed to a specific technique ("self-consistency").
    static func isField(_ name: String) -> Bool {
        name.hasSuffix("learning") || name.hasSuffix("model") || name.hasSuffix("models")
    }

    /// The form to report for a gazetteer match: the canonical name (0), the
    /// acronym when that is what the text writes (`PPO`, `GRPO`), as readers
    /// cite it, or a synonym as written (`form`). `keys` are the entry's folded forms.
    func reportedForm(_ forms: [String], _ keys: [String], _ form: Int) -> Int {
        guard form > 0 else { return 0 }
        let written = forms[form]
        var capitals = 0, letters = 0
        for c in written.utf8 where Bytes.isUpper(c) || Bytes.isLowerASCII(c) {
            letters += 1
            if Bytes.isUpper(c) { capitals += 1 }
        }
        if capitals >= 2 && capitals * 2 >= letters { return form }
        // A synonym the text writes ("bipartite matching" for "Hungarian matching",
        // "dual encoder" for "two-tower model") is reported as written; a plural,
        // case or spelling variant of the canonical name (one folded form is a
        // prefix of the other) is reported canonically.
        let w = keys[form], c = keys[0]
        return w.hasPrefix(c) || c.hasPrefix(w) ? 0 : form
    }

    /// "EfficientNets" beside "EfficientNet", "LDMs" beside "LDM": the plural of
    /// a proposed name is the same contribution (the family of models), so only
    /// the singular is reported. Only an exact `s` suffix on a name of three or
    /// more characters counts ("Atlas" is not the plural of "Atla").
    mutating func mergePluralProposals() {
        guard collector.lists[Collector.Slot.proposes.rawValue].count >= 2 else { return }
        let names = Set(collector.lists[Collector.Slot.proposes.rawValue].map(\.name))
        for plural in names where plural.count >= 4 && plural.hasSuffix("s") && !plural.hasSuffix("ss") {
            if names.contains(String(plural.dropLast())) {
                collector.removeOnly(.proposes, folded: Fold.key(plural))
            }
        }
    }

    /// "Self-J" in the abstract abbreviates "Self-Judge" in the title: one
    /// proposal, not two.
    mutating func mergeAbbreviatedProposals() {
        guard collector.lists[Collector.Slot.proposes.rawValue].count >= 2 else { return }
        let names = collector.lists[Collector.Slot.proposes.rawValue].map(\.name)
        for short in names {
            guard let dash = short.lastIndex(of: "-"), short.distance(from: dash, to: short.endIndex) == 2,
                  let letter = short.last, letter.isUppercase else { continue }
            if names.contains(where: { $0 != short && $0.hasPrefix(short) && $0.count > short.count
                                       && $0[$0.index($0.startIndex, offsetBy: short.count)].isLowercase }) {
                collector.remove(.proposes, folded: Fold.key(short))
            }
        }
    }
}
