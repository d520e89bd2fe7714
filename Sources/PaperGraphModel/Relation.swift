/// The typed relations between nodes.
///
/// The raw values are the public contract (GraphML `relation`, query relationship
/// types), so they must never change.
public enum Relation: String, CaseIterable, Codable, Sendable, Comparable {
    case proposes = "PROPOSES"
    case uses = "USES"
    case evaluatesOn = "EVALUATES_ON"
    case introduces = "INTRODUCES"
    case hasCode = "HAS_CODE"
    case subsetOf = "SUBSET_OF"
    case specializes = "SPECIALIZES"

    /// The node kind an edge of this relation starts from.
    public var domain: NodeKind {
        switch self {
        case .proposes, .uses, .evaluatesOn, .introduces, .hasCode: return .paper
        case .subsetOf: return .benchmark
        case .specializes: return .method
        }
    }

    /// The node kind an edge of this relation ends at.
    public var range: NodeKind {
        switch self {
        case .proposes, .uses, .specializes: return .method
        case .evaluatesOn, .introduces, .subsetOf: return .benchmark
        case .hasCode: return .repository
        }
    }

    /// Whether edges of this relation come from reading abstracts (and so carry
    /// evidence), as opposed to being copied from the ontology.
    public var isExtracted: Bool {
        switch self {
        case .subsetOf, .specializes: return false
        default: return true
        }
    }

    public static func < (lhs: Relation, rhs: Relation) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
