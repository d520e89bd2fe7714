/// One thing the extractor found: the name (canonical where the ontology has one)
/// and where it was found.
public struct Mention: Hashable, Sendable {
    public var name: String
    public var evidence: Evidence

    public init(name: String, evidence: Evidence) {
        self.name = name
        self.evidence = evidence
    }
}

/// What the extractor found in one paper. Field names follow the public JSON
/// contract (`proposes`, `uses`, `evaluates_on`, `introduces`, `repositories`,
/// `homepages`).
public struct Extraction: Hashable, Sendable {
    public var proposes: [Mention] = []
    public var uses: [Mention] = []
    public var evaluatesOn: [Mention] = []
    public var introduces: [Mention] = []
    /// Repositories as `host/owner/name` (host lower-case).
    public var repositories: [Mention] = []
    /// Other project URLs as `host/path`.
    public var homepages: [Mention] = []
    /// What the extractor left out on purpose, in words (e.g. links past its per-paper limit).
    public var notes: [String] = []

    public init(proposes: [Mention] = [], uses: [Mention] = [], evaluatesOn: [Mention] = [],
                introduces: [Mention] = [], repositories: [Mention] = [], homepages: [Mention] = []) {
        self.proposes = proposes
        self.uses = uses
        self.evaluatesOn = evaluatesOn
        self.introduces = introduces
        self.repositories = repositories
        self.homepages = homepages
    }
}
