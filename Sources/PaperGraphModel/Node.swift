/// A node of the typed graph: identity, display name and typed properties.
public struct Node: Hashable, Sendable {
    public let id: NodeID
    /// The display name: canonical name for methods and benchmarks, title for papers,
    /// `host/owner/name` for repositories.
    public var name: String
    /// Typed properties (`title`, `abstract`, `authors`, `aliases`, `domain`, `url`, …).
    public var properties: [String: PropertyValue]

    public init(id: NodeID, name: String, properties: [String: PropertyValue] = [:]) {
        self.id = id
        self.name = name
        self.properties = properties
    }

    public var kind: NodeKind { id.kind }

    public subscript(property: String) -> PropertyValue? {
        get { properties[property] }
        set { properties[property] = newValue }
    }

    /// Merges another description of the same node into this one, keeping the
    /// richer value of each property: a value that is missing here is taken, a
    /// longer string or list replaces a shorter one. Used when one paper arrives
    /// from two sources, or a benchmark is met in many papers.
    public mutating func merge(_ other: Node) {
        precondition(other.id == id, "merging different nodes \(id) and \(other.id)")
        // A node created bare from an edge end carries its key as its name; a real
        // description's name replaces it (and a longer title replaces a shorter one).
        let bare = name.isEmpty || (name == id.key && other.name != id.key)
        if bare || (kind == .paper && other.name.count > name.count) { name = other.name }
        for (key, value) in other.properties {
            guard let mine = properties[key] else { properties[key] = value; continue }
            if Node.richness(value) > Node.richness(mine) { properties[key] = value }
        }
    }

    private static func richness(_ value: PropertyValue) -> Int {
        switch value {
        case .string(let s): return s.utf8.count
        case .strings(let list): return list.count
        default: return 0
        }
    }
}
