import PaperGraphModel
import PaperGraphOntology

/// Turns what the extractor found in one paper into that paper's graph fragment.
public enum GraphAssembler {
    /// The paper node (with `homepage` when project pages were found), a node
    /// per method, benchmark and repository mentioned, an edge per mention with
    /// its evidence, and the ontology's SUBSET_OF / SPECIALIZES links (with the
    /// parent nodes) above every benchmark and method mentioned.
    public static func fragment(for record: PaperRecord, extraction: Extraction, ontology: Ontology) -> GraphFragment {
        var paper = record.node
        if !extraction.homepages.isEmpty {
            paper.properties["homepage"] = .strings(extraction.homepages.map(\.name))
        }
        var fragment = GraphFragment(paper: paper.id, nodes: [paper], edges: [])
        var seenNodes: Set<NodeID> = [paper.id]
        var edgeIndex: [EdgeSpec: Int] = [:]

        func addNode(_ node: Node) {
            if seenNodes.insert(node.id).inserted { fragment.nodes.append(node) }
        }
        func addEdge(_ from: NodeID, _ relation: Relation, _ to: NodeID, _ evidence: [Evidence]) {
            let key = EdgeSpec(from: from, relation: relation, to: to)
            if let i = edgeIndex[key] {
                for e in evidence where !fragment.edges[i].evidence.contains(e) { fragment.edges[i].evidence.append(e) }
                return
            }
            edgeIndex[key] = fragment.edges.count
            fragment.edges.append(EdgeSpec(from: from, relation: relation, to: to, evidence: evidence))
        }
        /// The node for a name: the ontology entry's node when the gazetteer has
        /// it, then its parent chain.
        func entityNode(_ kind: NodeKind, _ name: String) -> NodeID {
            guard let entry = ontology.entry(kind, named: name) else {
                let node = Node(id: NodeID(kind, name), name: name, properties: ["name": .string(name)])
                addNode(node)
                return node.id
            }
            addNode(entry.node)
            var current = entry
            var visited: Set<NodeID> = [entry.nodeID]
            while let parentName = current.parent {
                let parent = ontology.entry(kind, named: parentName)
                let parentNode = parent?.node ?? Node(id: NodeID(kind, parentName), name: parentName,
                                                      properties: ["name": .string(parentName)])
                addNode(parentNode)
                addEdge(current.nodeID, kind == .benchmark ? .subsetOf : .specializes, parentNode.id, [])
                guard let parent, visited.insert(parent.nodeID).inserted else { break }
                current = parent
            }
            return entry.nodeID
        }

        let mentions: [(Relation, NodeKind, [Mention])] = [
            (.proposes, .method, extraction.proposes), (.uses, .method, extraction.uses),
            (.evaluatesOn, .benchmark, extraction.evaluatesOn), (.introduces, .benchmark, extraction.introduces),
        ]
        for (relation, kind, list) in mentions {
            for m in list {
                let id = entityNode(kind, m.name)
                addEdge(paper.id, relation, id, [m.evidence])
            }
        }
        for m in extraction.repositories {
            let id = NodeID(.repository, m.name)
            let host = String(m.name.split(separator: "/").first ?? "")
            addNode(Node(id: id, name: m.name, properties: ["url": .string("https://" + m.name), "host": .string(host)]))
            addEdge(paper.id, .hasCode, id, [m.evidence])
        }
        return fragment
    }
}
