import PaperGraphModel

extension Ontology {
    /// What the graph holds for a method or benchmark name: its node and, when the
    /// gazetteer knows the name, the chain of broader entries with the links up it.
    ///
    /// Both fragment assemblers (the in-memory one and the store's encoded one) build
    /// from this, so the graph in memory and the graph in the store cannot drift apart.
    public struct Concept: Sendable {
        public let id: NodeID
        /// The concept's own node first, then its ancestors' nearest first.
        public let nodes: [Node]
        /// Child to parent: SUBSET_OF between benchmarks, SPECIALIZES between methods.
        public let links: [(from: NodeID, relation: Relation, to: NodeID)]
    }

    /// The concept for `name`: the gazetteer entry's when there is one, else a bare
    /// node carrying only the name.
    public func concept(_ kind: NodeKind, named name: String) -> Concept {
        guard let entry = entry(kind, named: name) else {
            let node = Self.bareNode(kind, name)
            return Concept(id: node.id, nodes: [node], links: [])
        }
        return concept(of: entry, kind: kind)
    }

    /// The concept of a gazetteer entry. A parent missing from the gazetteer gets a
    /// bare node; a cycle of parents stops the walk.
    public func concept(of entry: GazetteerEntry, kind: NodeKind) -> Concept {
        var nodes = [entry.node]
        var links: [(from: NodeID, relation: Relation, to: NodeID)] = []
        var current = entry
        var visited: Set<NodeID> = [entry.nodeID]
        while let parentName = current.parent {
            let parent = self.entry(kind, named: parentName)
            let parentNode = parent?.node ?? Self.bareNode(kind, parentName)
            nodes.append(parentNode)
            links.append((current.nodeID, kind == .benchmark ? .subsetOf : .specializes, parentNode.id))
            guard let parent, visited.insert(parent.nodeID).inserted else { break }
            current = parent
        }
        return Concept(id: entry.nodeID, nodes: nodes, links: links)
    }

    private static func bareNode(_ kind: NodeKind, _ name: String) -> Node {
        Node(id: NodeID(kind, name), name: name, properties: ["name": .string(name)])
    }
}
