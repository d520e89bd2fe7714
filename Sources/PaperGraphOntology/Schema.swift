import PaperGraphModel

/// The declared type of a property in the schema.
public enum PropertyType: String, Sendable, Hashable, CaseIterable {
    case string, int, double, bool, strings
}

/// The ontology's schema: node kinds with their properties, relations with
/// domain and range, and the IRI base for RDF renderings.
public struct Schema: Sendable, Hashable {
    public struct Kind: Sendable, Hashable {
        public var kind: NodeKind
        public var description: String
        /// Property name → type, in file order.
        public var properties: [(name: String, type: PropertyType)]

        public static func == (a: Kind, b: Kind) -> Bool {
            a.kind == b.kind && a.description == b.description
                && a.properties.map(\.name) == b.properties.map(\.name)
                && a.properties.map(\.type) == b.properties.map(\.type)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            hasher.combine(properties.map(\.name))
        }
    }

    public struct RelationInfo: Sendable, Hashable {
        public var relation: Relation
        public var domain: NodeKind
        public var range: NodeKind
        public var description: String
    }

    /// Base IRI for RDF (`<base>Paper`, `<base>EVALUATES_ON`).
    public var namespace: String
    public var kinds: [Kind]
    public var relations: [RelationInfo]

    public func kind(_ kind: NodeKind) -> Kind? { kinds.first { $0.kind == kind } }
    public func relation(_ relation: Relation) -> RelationInfo? { relations.first { $0.relation == relation } }
}
