import PaperGraphModel
import PaperGraphOntology

/// Turns what the extractor found in one paper into that paper's graph fragment.
public enum GraphAssembler {
    /// The paper node (with `homepage` when project pages were found), a node
    /// per method, benchmark and repository mentioned, an edge per mention with
    /// its evidence, and the ontology's SUBSET_OF / SPECIALIZES links (with the
    /// parent nodes) above every benchmark and method mentioned.
    public static func fragment(for record: PaperRecord, extraction: Extraction, ontology: Ontology) -> GraphFragment {
        let paper = paperNode(record, extraction)
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
            let concept = ontology.concept(kind, named: name)
            for node in concept.nodes { addNode(node) }
            for link in concept.links { addEdge(link.from, link.relation, link.to, []) }
            return concept.id
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
            let repository = repositoryNode(m.name)
            addNode(repository)
            addEdge(paper.id, .hasCode, repository.id, [m.evidence])
        }
        return fragment
    }

    /// The paper's node, with `homepage` when the extraction found project pages.
    public static func paperNode(_ record: PaperRecord, _ extraction: Extraction) -> Node {
        var paper = record.node
        if !extraction.homepages.isEmpty {
            paper.properties["homepage"] = .strings(extraction.homepages.map(\.name))
        }
        return paper
    }

    /// A repository's node from its `host/owner/name`.
    public static func repositoryNode(_ name: String) -> Node {
        let host = String(name.split(separator: "/").first ?? "")
        return Node(id: NodeID(.repository, name), name: name,
                    properties: ["url": .string("https://" + name), "host": .string(host)])
    }
}
