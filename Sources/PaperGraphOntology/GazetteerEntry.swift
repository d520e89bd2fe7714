import PaperGraphModel

/// How a gazetteer name may be matched in text.
public enum CaseRule: String, Sendable, Hashable, CaseIterable {
    /// Only as written: `MATH` matches, `math` does not (names that are also English words).
    case exact
    /// In any letter case: `humaneval`, `HumanEval`.
    case ignore
}

/// One benchmark or method in a gazetteer: the canonical name, the other ways
/// abstracts write it, and where it sits in the ontology.
public struct GazetteerEntry: Sendable, Hashable {
    /// `.benchmark` or `.method`.
    public var kind: NodeKind
    /// The canonical name; the node key is derived from it.
    public var name: String
    /// Other spellings, acronyms and expansions.
    public var aliases: [String]
    /// How the name and aliases may be matched.
    public var caseRule: CaseRule
    /// Per-alias overrides of ``caseRule`` (e.g. an exact-case acronym of a case-free name).
    public var aliasCaseRules: [String: CaseRule]
    /// Field or area (`math`, `code`, `vision`, …).
    public var domain: String?
    /// For benchmarks: the family this one is a subset of (SUBSET_OF).
    /// For methods: the broader method (SPECIALIZES).
    public var parent: String?
    public var description: String?
    /// Where the entry is written, for messages.
    public var location: SourceLocation

    public init(kind: NodeKind, name: String, aliases: [String] = [], caseRule: CaseRule,
                aliasCaseRules: [String: CaseRule] = [:], domain: String? = nil, parent: String? = nil,
                description: String? = nil, location: SourceLocation) {
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.caseRule = caseRule
        self.aliasCaseRules = aliasCaseRules
        self.domain = domain
        self.parent = parent
        self.description = description
        self.location = location
    }

    /// The node identity of this entry.
    public var nodeID: NodeID { NodeID(kind, name) }

    /// Every surface form with the case rule that applies to it, canonical name first.
    public var surfaceForms: [(text: String, caseRule: CaseRule)] {
        [(name, caseRule)] + aliases.map { ($0, aliasCaseRules[$0] ?? caseRule) }
    }

    /// The node this entry describes, with its ontology properties.
    public var node: Node {
        var props: [String: PropertyValue] = ["name": .string(name)]
        if !aliases.isEmpty { props["aliases"] = .strings(aliases) }
        if let domain { props["domain"] = .string(domain) }
        if let parent { props[kind == .benchmark ? "subset_of" : "broader"] = .string(parent) }
        if let description { props["description"] = .string(description) }
        return Node(id: nodeID, name: name, properties: props)
    }
}
