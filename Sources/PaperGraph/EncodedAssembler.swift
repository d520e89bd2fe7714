import PaperGraphExtract
import PaperGraphModel
import PaperGraphOntology
import PaperGraphStore

/// Assembles a paper's fragment straight into the store's encoding: what
/// `EncodedFragment(GraphAssembler.fragment(for:extraction:ontology:))` gives, byte
/// for byte, without building the fragment's nodes first.
///
/// Why: a build assembles a million fragments, and in them the same few thousand
/// ontology concepts again and again. Building each concept's node (a properties
/// dictionary), its parent chain, and then encoding and hashing it anew cost as much
/// CPU time as the store's writer. Here each concept is prepared once
/// (``EncodedFragment/PreparedNode``), with its parent chain, when the build starts.
///
/// It follows ``GraphAssembler`` step by step; `EncodedAssemblerTests` checks the two
/// agree on every paper of the sample corpus.
struct EncodedAssembler: Sendable {
    /// An ontology concept (``Ontology/Concept``) with its nodes prepared for encoding.
    struct Entity: Sendable {
        let id: NodeID
        let nodes: [EncodedFragment.PreparedNode]
        let links: [(from: NodeID, relation: Relation, to: NodeID)]

        init(_ concept: Ontology.Concept) {
            id = concept.id
            nodes = concept.nodes.map(EncodedFragment.PreparedNode.init)
            links = concept.links
        }
    }

    private let ontology: Ontology
    /// Benchmarks' and methods' entities by the entry's canonical name.
    private let benchmarks: [String: Entity]
    private let methods: [String: Entity]

    init(ontology: Ontology) {
        self.ontology = ontology
        func table(_ kind: NodeKind, _ entries: [GazetteerEntry]) -> [String: Entity] {
            // Two entries of one name would make the name ambiguous: those are left out
            // and assembled per mention instead.
            let counts = Dictionary(entries.map { ($0.name, 1) }, uniquingKeysWith: +)
            var table: [String: Entity] = [:]
            for entry in entries where counts[entry.name] == 1 {
                table[entry.name] = Entity(ontology.concept(of: entry, kind: kind))
            }
            return table
        }
        benchmarks = table(.benchmark, ontology.benchmarks)
        methods = table(.method, ontology.methods)
    }

    /// As ``GraphAssembler/fragment(for:extraction:ontology:)``, encoded.
    func fragment(for record: PaperRecord, extraction: Extraction) -> EncodedFragment {
        let paper = GraphAssembler.paperNode(record, extraction)
        var builder = EncodedFragment.Builder(paper: paper.id)
        builder.add(paper)
        let mentions: [(Relation, NodeKind, [Mention])] = [
            (.proposes, .method, extraction.proposes), (.uses, .method, extraction.uses),
            (.evaluatesOn, .benchmark, extraction.evaluatesOn), (.introduces, .benchmark, extraction.introduces),
        ]
        for (relation, kind, list) in mentions {
            for m in list {
                let id = entityNode(kind, m.name, into: &builder)
                builder.addEdge(from: paper.id, relation, to: id, evidence: [m.evidence])
            }
        }
        for m in extraction.repositories {
            let repository = GraphAssembler.repositoryNode(m.name)
            builder.add(repository)
            builder.addEdge(from: paper.id, .hasCode, to: repository.id, evidence: [m.evidence])
        }
        return builder.finish()
    }

    /// Adds the node for a name (the ontology entry's when the gazetteer has it, with
    /// its parent chain) and returns its identity.
    private func entityNode(_ kind: NodeKind, _ name: String, into builder: inout EncodedFragment.Builder) -> NodeID {
        let entity = ontology.entry(kind, named: name).flatMap { (kind == .benchmark ? benchmarks : methods)[$0.name] }
            ?? Entity(ontology.concept(kind, named: name))
        for node in entity.nodes { builder.add(node) }
        for link in entity.links { builder.addEdge(from: link.from, link.relation, to: link.to, evidence: []) }
        return entity.id
    }
}
