import Testing
import PaperGraphModel
@testable import PaperGraphIngest

@Suite struct MergeAcrossSourcesTests {
    @Test func paperFromAtomAndFromJSONLinesIsOneNodeWithTheRicherProperties() throws {
        let atom = try #require(try ingest([fixture("arxiv-atom-api-2026.xml")]).paper("2202.12139"))
        let jsonl = try #require(try ingest([fixture("arxiv-snapshot.jsonl")]).paper("2202.12139"))
        // Cleaning makes the two sources agree on identity and title.
        #expect(atom.nodeID == jsonl.nodeID)
        #expect(atom.title == jsonl.title)
        // Each source has something the other lacks or has shorter.
        #expect(jsonl.doi == nil && atom.doi != nil)
        #expect(jsonl.comment!.count > atom.comment!.count)
        #expect(jsonl.abstract.count < atom.abstract.count)

        var graph = KnowledgeGraph()
        graph.upsert(atom.node)
        graph.upsert(jsonl.node)
        #expect(graph.nodeCount == 1)
        let node = try #require(graph.node(atom.nodeID))
        #expect(node["doi"] == .string(atom.doi!))
        #expect(node["comment"] == .string(jsonl.comment!))
        #expect(node["abstract"] == .string(atom.abstract))
        #expect(node["authors"] == .strings(atom.authors))
        #expect(node["published"] == .string("2022-02-24"))
    }

    @Test func versionSuffixesAndURLFormsMeet() {
        #expect(ArxivID.canonical("http://arxiv.org/abs/cond-mat/0603029v1") == "cond-mat/0603029")
        #expect(ArxivID.canonical("https://arxiv.org/abs/2409.12917v2") == "2409.12917")
        #expect(ArxivID.canonical("oai:arXiv.org:hep-th/9504118") == "hep-th/9504118")
        #expect(ArxivID.canonical("math/0501001") == "math/0501001")
        #expect(ArxivID.canonical("2409.12917") == "2409.12917")
    }
}
