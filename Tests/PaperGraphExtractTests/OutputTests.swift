import Foundation
import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// Evidence, the JSON Lines contract and the graph fragment.
@Suite struct OutputTests {
    static let title = "SPC: Evolving Self-Play Critic via Adversarial Games for LLM Reasoning"
    static let abstract = "We compare with Monte Carlo Tree Search (MCTS) and report results on MATH-500 — “hard” problems. Code: https://github.com/x/spc. Demo: https://spc.github.io/."

    @Test func evidenceSpansAreTheNamesBytes() throws {
        let e = Support.extract(Self.title, Self.abstract)
        for m in e.proposes + e.uses + e.evaluatesOn + e.repositories + e.homepages {
            let text = Array((m.evidence.field == .title ? Self.title : Self.abstract).utf8)
            let written = String(decoding: text[m.evidence.start..<m.evidence.end], as: UTF8.self)
            #expect(m.evidence.sentence.contains(written))
        }
        #expect(e.evaluatesOn.map(\.name) == ["MATH-500"])
        let span = e.evaluatesOn[0].evidence
        #expect(String(decoding: Array(Self.abstract.utf8)[span.start..<span.end], as: UTF8.self) == "MATH-500")
    }

    @Test func jsonLineIsDeterministicAndComplete() throws {
        let record = Support.record(Self.title, Self.abstract)
        let e = Support.extractor.extract(record)
        let line = ExtractionJSON.line(for: record, extraction: e)
        #expect(line == ExtractionJSON.line(for: record, extraction: Support.extractor.extract(record)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["id"] as? String == NameFolding.slug(Self.title))
        #expect(object["proposes"] as? [String] == ["SPC"])
        #expect(object["uses"] as? [String] == ["self-play", "Monte Carlo Tree Search"])
        #expect(object["evaluates_on"] as? [String] == ["MATH-500"])
        #expect(object["repositories"] as? [String] == ["github.com/x/spc"])
        #expect(object["homepages"] as? [String] == ["spc.github.io"])
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        #expect(evidence.count == 6)
        #expect(evidence.allSatisfy { $0["rule"] is String && $0["sentence"] is String && $0["start"] is Int })
        #expect(evidence.first?["relation"] as? String == "proposes")
        #expect(evidence.first?["field"] as? String == "title")
    }

    @Test func arxivIDIsTheJSONID() throws {
        let record = Support.record("A title", "An abstract.", arxivID: "2409.12917")
        let line = ExtractionJSON.line(for: record, extraction: Extraction())
        #expect(line.hasPrefix("{\"id\":\"2409.12917\",\"title\":\"A title\""))
    }

    @Test func graphFragmentCarriesOntologyNodesAndLinks() {
        let record = Support.record(Self.title, Self.abstract)
        let e = Support.extractor.extract(record)
        let fragment = GraphAssembler.fragment(for: record, extraction: e, ontology: Support.ontology)
        let paper = record.nodeID
        #expect(fragment.paper == paper)
        let edges = Set(fragment.edges.map { "\($0.from) \($0.relation.rawValue) \($0.to)" })
        #expect(edges.contains("\(paper) PROPOSES Method:spc"))
        #expect(edges.contains("\(paper) USES Method:montecarlotreesearch"))
        #expect(edges.contains("Method:montecarlotreesearch SPECIALIZES Method:treesearch"))
        #expect(edges.contains("\(paper) EVALUATES_ON Benchmark:math500"))
        #expect(edges.contains("Benchmark:math500 SUBSET_OF Benchmark:math"))
        #expect(edges.contains("\(paper) HAS_CODE Repository:github.com/x/spc"))
        let nodes = Dictionary(uniqueKeysWithValues: fragment.nodes.map { ($0.id, $0) })
        #expect(nodes[NodeID(.method, "Monte Carlo Tree Search")]?.properties["aliases"]?.stringsValue?.contains("MCTS") == true)
        #expect(nodes[NodeID(.benchmark, "MATH")] != nil)
        #expect(nodes[NodeID(.method, "SPC")]?.properties["name"] == .string("SPC"))
        #expect(nodes[paper]?.properties["homepage"] == .strings(["spc.github.io"]))
        let repo = nodes[NodeID(.repository, "github.com/x/spc")]
        #expect(repo?.properties["url"] == .string("https://github.com/x/spc"))
        #expect(repo?.properties["host"] == .string("github.com"))
        // Extracted edges carry their evidence; ontology links do not.
        #expect(fragment.edges.filter { $0.relation.isExtracted }.allSatisfy { !$0.evidence.isEmpty })
        #expect(fragment.edges.filter { !$0.relation.isExtracted }.allSatisfy { $0.evidence.isEmpty })
        // The fragment merges into a graph without dangling edges.
        let graph = KnowledgeGraph(fragments: [fragment])
        #expect(graph.nodeCount == fragment.nodes.count)
    }
}
