import PaperGraphTestSupport
import Foundation
import PaperGraphModel
import Testing
@testable import PaperGraphExport

@Suite struct SubgraphTests {
    let graph = TestGraphs.sample()

    func ids(_ indices: Set<Int>) -> Set<String> { Set(indices.map { graph.nodes[$0].id.description }) }

    @Test func namesResolveThroughFoldingAliasesAndArxivIDs() {
        #expect(ids(Set(graph.resolve("mcts"))) == ["Method:montecarlotreesearch"])
        #expect(ids(Set(graph.resolve("GSM-8K"))) == ["Benchmark:gsm8k"])
        #expect(ids(Set(graph.resolve("math500"))) == ["Benchmark:math500"])
        #expect(ids(Set(graph.resolve("arXiv:2409.12917v2"))) == ["Paper:2409.12917"])
        #expect(ids(Set(graph.resolve("A paper without an arXiv id"))) == ["Paper:a-paper-without-an-arxiv-id"])
        #expect(graph.resolve("nothing like this").isEmpty)
    }

    @Test func aroundFollowsEdgesBothWaysUpToDepth() throws {
        #expect(ids(try graph.neighbourhood(of: "GSM8K", depth: 0)) == ["Benchmark:gsm8k"])
        #expect(ids(try graph.neighbourhood(of: "GSM8K", depth: 1))
                == ["Benchmark:gsm8k", "Paper:2409.12917", "Paper:2501.00001"])
        let two = try graph.subgraph(around: "GSM8K", depth: 2)
        // Depth 2 reaches everything those two papers touch.
        let expected: Set<String> = ["Benchmark:gsm8k", "Paper:2409.12917", "Paper:2501.00001", "Method:montecarlotreesearch",
                                     "Benchmark:math", "Repository:github.com/owner/repo", "Method:grpo", "Benchmark:math500"]
        #expect(Set(two.nodes.map(\.id.description)) == expected)
        // Edges are exactly the original edges among the kept nodes, evidence kept.
        let kept = Set(two.nodes.map(\.id))
        let original = graph.edges.filter { kept.contains(graph.nodes[$0.from].id) && kept.contains(graph.nodes[$0.to].id) }
        #expect(two.edgeCount == original.count)
        for edge in original {
            let i = try #require(two.edgeIndex(from: two.index(of: graph.nodes[edge.from].id)!, relation: edge.relation,
                                               to: two.index(of: graph.nodes[edge.to].id)!))
            #expect(two.edges[i].evidence == edge.evidence)
        }
    }

    @Test func unknownNameIsAClearError() {
        #expect(throws: ExportError.noSuchNode(name: "Nope")) { try graph.neighbourhood(of: "Nope", depth: 1) }
    }

    @Test func keepingIgnoresIndicesOutsideTheGraph() {
        #expect(graph.subgraph(keeping: [0, 10_000, -1]).nodeCount == 1)
    }
}

@Suite struct ConceptMapTests {
    let graph = TestGraphs.sample()

    /// Link weights are the number of papers that mention both concepts,
    /// counted here independently from the graph's edges.
    @Test func linkWeightsCountPapersMentioningBothConcepts() {
        let map = ConceptMap(graph, maxNodes: 60)
        var expected: [Set<String>: Int] = [:]
        for p in graph.nodeIndices(of: .paper) {
            let targets = Set(graph.outgoing(p).map { graph.nodes[graph.edges[$0].to] }
                .filter { $0.kind == .method || $0.kind == .benchmark }.map(\.name))
            for a in targets { for b in targets where a < b { expected[[a, b], default: 0] += 1 } }
        }
        let drawn = Dictionary(uniqueKeysWithValues: map.links.filter { $0.ontology == nil }.map {
            (Set([graph.nodes[$0.a].name, graph.nodes[$0.b].name]), $0.papers.count)
        })
        // Methods come first in every mixed pair.
        #expect(map.links.filter { graph.nodes[$0.a].kind != graph.nodes[$0.b].kind }
            .allSatisfy { graph.nodes[$0.a].kind == .method || $0.ontology != nil })
        #expect(drawn == expected)
        // Ontology links between concepts papers mention (`tree search` is mentioned by none).
        let mentioned = Set(graph.edges.filter { graph.nodes[$0.from].kind == .paper }.map(\.to))
        let ontologyLinks = graph.edges.filter { !$0.relation.isExtracted && mentioned.contains($0.from) && mentioned.contains($0.to) }
        #expect(map.links.compactMap(\.ontology) == ontologyLinks.map(\.relation))
        #expect(!ontologyLinks.isEmpty)
        #expect(Set(map.concepts.map { graph.nodes[$0.node].kind }) == [.method, .benchmark])
        #expect(map.omittedConcepts == 0)
    }

    @Test func capKeepsTheMostCitedConceptsAndSaysWhatWasLeftOut() throws {
        let map = ConceptMap(graph, maxNodes: 3)
        #expect(map.concepts.count == 3)
        let counts = map.concepts.map(\.papers.count)
        let all = (graph.nodeIndices(of: .method) + graph.nodeIndices(of: .benchmark))
            .map { i in Set(graph.incoming(i).map { graph.edges[$0].from }.filter { graph.nodes[$0].kind == .paper }).count }
            .filter { $0 > 0 }
        #expect(counts == Array(all.sorted(by: >).prefix(3)))
        #expect(map.omittedConcepts == all.count - 3)
        #expect(map.caption.contains("not shown: \(all.count - 3) less-cited concepts"))
        let svg = try Exporter.renderMap(map, format: .svg)
        #expect(XMLValidation.parse(svg).error == nil)
        #expect(XMLValidation.xpath(svg, "//*[local-name()='g'][@class='node']").count == 3 + 2)
    }
}

@Suite struct AtomicFileTests {
    @Test func replacesTheFileAndLeavesNoTemporaries() throws {
        let dir = try TestGraphs.temporaryDirectory()
        let path = dir + "/nested/out.txt"
        try Exporter.write("first", to: path)
        try Exporter.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/nested") == ["out.txt"])
    }

    /// A failed write (here: the destination is a directory, so rename fails)
    /// leaves what was there and no temporary file.
    @Test func failedWriteLeavesTheOldStateAndNoTemporary() throws {
        let dir = try TestGraphs.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/taken/inner", withIntermediateDirectories: true)
        #expect(throws: ExportError.self) { try Exporter.write("x", to: dir + "/taken") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["taken"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/taken") == ["inner"])
    }
}
