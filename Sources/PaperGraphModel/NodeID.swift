/// The identity of a node: its kind and its normalised key.
///
/// Two mentions with the same `NodeID` are one node ("GSM8K found in 40 papers is
/// one node"). The key is normalised so that spelling variants of one name
/// (`GSM-8K`, `gsm8k`) meet; see ``NodeID/normalize(_:kind:)``.
public struct NodeID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let kind: NodeKind
    public let key: String

    /// Creates an identity, normalising `key` for the given kind.
    public init(_ kind: NodeKind, _ key: String) {
        self.kind = kind
        self.key = NodeID.normalize(key, kind: kind)
    }

    /// Creates an identity from a key that is already normalised (e.g. read back from a store).
    public init(kind: NodeKind, normalizedKey: String) {
        self.kind = kind
        self.key = normalizedKey
    }

    public var description: String { "\(kind.rawValue):\(key)" }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        (lhs.kind, lhs.key) < (rhs.kind, rhs.key)
    }

    /// Normalises a key.
    ///
    /// - Papers: arXiv ids are kept as written (already canonical, version stripped
    ///   by the reader); other keys are title slugs and are folded like names.
    /// - Methods and benchmarks: ``NameFolding/fold(_:)`` (case and punctuation).
    /// - Repositories: lower-cased (`host/owner/name`; hosts are case-insensitive
    ///   and so are GitHub owners and names).
    public static func normalize(_ key: String, kind: NodeKind) -> String {
        switch kind {
        case .paper:
            return ArxivID.isArxivID(key) ? key : NameFolding.slug(key)
        case .method, .benchmark:
            return NameFolding.fold(key)
        case .repository:
            return key.lowercased()
        }
    }
}
