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
    let benchmarkNames: [String]
    let methodNames: [String]
    /// Folded gazetteer surface form → kind, for "is this a known name?" checks.
    let known: [String: NodeKind]
    /// Folded ordinary English words from the ontology.
    let commonWords: Set<String>

    public init(ontology: Ontology) {
        matcher = GazetteerMatcher(ontology: ontology)
        benchmarkNames = ontology.benchmarks.map(\.name)
        methodNames = ontology.methods.map(\.name)
        var known: [String: NodeKind] = [:]
        for entry in ontology.entries {
            for form in entry.surfaceForms {
                let key = NameFolding.fold(form.text)
                if known[key] == nil { known[key] = entry.kind }
            }
        }
        self.known = known
        commonWords = ontology.commonWords
    }

    /// Extracts from the title, the abstract and the arXiv comment of `record`.
    public func extract(_ record: PaperRecord) -> Extraction {
        var reader = PaperReader(extractor: self, record: record)
        reader.run()
        return reader.collector.extraction()
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

    init(extractor: Extractor, record: PaperRecord) {
        self.extractor = extractor
        title = FieldText(record.title, field: .title)
        abstract = FieldText(record.abstract, field: .abstract)
        comment = record.comment.flatMap { $0.isEmpty ? nil : FieldText($0, field: .comment) }
    }

    var fields: [FieldText] { comment.map { [title, abstract, $0] } ?? [title, abstract] }

    mutating func run() {
        for field in fields { findURLs(in: field) }
        for field in [title, abstract] { acronyms += AcronymRule.definitions(in: field) }
        for def in acronyms { collector.pair(def.short, def.long) }
        titleRule()
        proposalRules(in: abstract)
        namingRules(in: abstract)
        appositiveRule(in: abstract)
        acronymRules()
        variantRule()
        for field in [title, abstract] {
            gazetteerRule(in: field)
            benchmarkCueRules(in: field)
        }
    }

    /// The kind of a name the gazetteers know, by any of its forms.
    func knownKind(_ name: String) -> NodeKind? { extractor.known[NameFolding.fold(name)] }

    /// Whether a single capitalised word is ordinary English.
    func isCommonWord(_ name: String) -> Bool { extractor.commonWords.contains(NameFolding.fold(name)) }

    // MARK: URLs

    mutating func findURLs(in field: FieldText) {
        for token in field.tokens where token.kind == .url {
            guard let target = URLScanner.classify(field.string(token)) else { continue }
            let ev = field.evidence("url", token.start..<token.end)
            switch target {
            case .repository(let key): collector.add(.repositories, key, ev)
            case .homepage(let page): collector.add(.homepages, page, ev)
            }
        }
    }

    // MARK: Gazetteer

    /// Every gazetteer name in the text: methods are used, benchmarks evaluated on
    /// (unless a rule found the paper introduces or proposes them).
    mutating func gazetteerRule(in field: FieldText) {
        for m in extractor.matcher.matches(in: field) {
            let ev = field.evidence("gazetteer", m.start..<m.end)
            switch m.kind {
            case .method:
                let name = extractor.methodNames[m.entry]
                guard !collector.contains(.proposes, name) else { continue }
                collector.add(.uses, name, ev)
            case .benchmark:
                let name = extractor.benchmarkNames[m.entry]
                guard !collector.contains(.introduces, name), !collector.contains(.proposes, name) else { continue }
                collector.add(.evaluatesOn, name, ev)
            default:
                continue
            }
        }
    }
}
