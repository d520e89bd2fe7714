import Foundation
import PaperGraphModel
import Testing
@testable import PaperGraphStore

@Suite struct StoreWriteTests {
    @Test func loadGivesTheGraphBuiltInMemoryFromTheSameFragments() throws {
        let dir = try TemporaryDirectory()
        let fragments = SyntheticFragments.make(count: 300)
        try build(dir.path("g.sqlite"), fragments, batchSize: 64)

        let loaded = try GraphStore(path: dir.path("g.sqlite"), mode: .readOnly).loadGraph()
        let expected = KnowledgeGraph(fragments: fragments)
        #expect(GraphContents(loaded) == GraphContents(expected))
        #expect(loaded.nodeCounts == expected.nodeCounts)
        #expect(loaded.edgeCounts == expected.edgeCounts)
        // Loaded evidence stays encoded; its count is read without decoding it.
        #expect(loaded.edges.contains { $0.evidenceCount > 1 })
        for edge in loaded.edges { #expect(edge.evidenceCount == edge.evidence.count) }
    }

    @Test func fragmentsWithoutPaperAndBareEndpointsMergeAsInMemory() throws {
        let dir = try TemporaryDirectory()
        let math = NodeID(.benchmark, "MATH"), math500 = NodeID(.benchmark, "MATH-500")
        let paper = NodeID(kind: .paper, normalizedKey: "2409.12917")
        let seen = Evidence(rule: "gazetteer", field: .abstract, sentence: "We test on MATH-500.", start: 11, end: 19)
        let again = Evidence(rule: "gazetteer", field: .title, sentence: "MATH-500 results", start: 0, end: 8)
        let fragments = [
            // From GraphML: nodes and edges, no paper; MATH-500 only as an edge endpoint.
            GraphFragment(nodes: [Node(id: math, name: "MATH", properties: ["aliases": .strings(["MATH"])])],
                          edges: [EdgeSpec(from: math500, relation: .subsetOf, to: math)]),
            GraphFragment(paper: paper,
                          nodes: [Node(id: paper, name: "T", properties: ["title": .string("T")]),
                                  Node(id: math500, name: "MATH-500", properties: ["domain": .string("math")])],
                          edges: [EdgeSpec(from: paper, relation: .evaluatesOn, to: math500, evidence: [seen, seen]),
                                  EdgeSpec(from: math500, relation: .subsetOf, to: math)]),
            // A second GraphML fragment repeating an edge with more evidence, and a richer alias list.
            GraphFragment(nodes: [Node(id: math, name: "MATH", properties: ["aliases": .strings(["MATH", "Hendrycks MATH"])])],
                          edges: [EdgeSpec(from: paper, relation: .evaluatesOn, to: math500, evidence: [seen, again])]),
        ]
        try build(dir.path("g.sqlite"), fragments, batchSize: 1)
        let loaded = try GraphStore(path: dir.path("g.sqlite"), mode: .readOnly).loadGraph()
        #expect(GraphContents(loaded) == GraphContents(KnowledgeGraph(fragments: fragments)))
        #expect(loaded.node(math)?["aliases"] == .strings(["MATH", "Hendrycks MATH"]))
        // The bare endpoint took the real name when the paper fragment described it.
        #expect(loaded.node(math500)?.name == "MATH-500")
    }

    @Test func writingTheSameFragmentsAgainChangesNothing() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("g.sqlite")
        let fragments = SyntheticFragments.make(count: 200)
        let first = try build(path, fragments, batchSize: 50)
        #expect(first.papersAdded == 200)
        let before = try tableDump(path)

        let second = try build(path, fragments, batchSize: 50)
        #expect(second.papersUnchanged == 200)
        #expect(second.papersAdded + second.papersReplaced + second.papersMerged == 0)
        #expect(try tableDump(path) == before)
    }

    @Test func aChangedAbstractReplacesOnlyThatPapersExtractedEdges() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("g.sqlite")
        var fragments = SyntheticFragments.make(count: 40)
        try build(path, fragments)
        let before = GraphContents(try GraphStore(path: path, mode: .readOnly).loadGraph())

        // Paper 7 is edited: a new abstract, and so other mentions and evidence.
        let edited = SyntheticFragments.fragment(paper: 7, pool: 60, abstractBytes: 200, variant: 1)
        fragments[7] = edited
        let summary = try build(path, fragments)
        #expect(summary.papersReplaced == 1)
        #expect(summary.papersUnchanged == 39)

        let after = try GraphStore(path: path, mode: .readOnly).loadGraph()
        let expected = KnowledgeGraph(fragments: fragments)
        let paper = try #require(edited.paper)
        // The edited paper: new node properties, exactly the new edges.
        #expect(after.node(paper) == expected.node(paper))
        let afterEdges = Set(GraphContents(after).edges), expectedEdges = Set(GraphContents(expected).edges)
        #expect(afterEdges == expectedEdges)
        // Every other paper and its edges are untouched.
        let untouched = before.edges.filter { $0.from != paper }
        #expect(untouched.allSatisfy(afterEdges.contains))
        for node in before.nodes where node.kind == .paper && node.id != paper {
            #expect(after.node(node.id) == node)
        }
    }

    @Test func aPaperMetTwiceInOneBuildIsMergedAndRebuildsTheSame() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("g.sqlite")
        let a = SyntheticFragments.fragment(paper: 3, pool: 60, abstractBytes: 100, variant: 0)
        let b = SyntheticFragments.fragment(paper: 3, pool: 60, abstractBytes: 300, variant: 2)
        let fragments = [a, b] + SyntheticFragments.make(count: 5, firstPaper: 10)
        let summary = try build(path, fragments)
        #expect(summary.papersMerged == 1)
        let expected = GraphContents(KnowledgeGraph(fragments: fragments))
        #expect(GraphContents(try GraphStore(path: path, mode: .readOnly).loadGraph()) == expected)

        try build(path, fragments)
        #expect(GraphContents(try GraphStore(path: path, mode: .readOnly).loadGraph()) == expected)
    }

    @Test func propertyEncodingRoundTripsEveryValueType() throws {
        let properties: [String: PropertyValue] = [
            "s": .string("naïve — 数学"), "empty": .string(""), "i": .int(-42), "big": .int(Int.max),
            "d": .double(-0.125), "b": .bool(true), "list": .strings(["a", "", "ü"]),
        ]
        var writer = ByteWriter()
        PropertyCoding.encode(properties, into: &writer)
        let decoded = try writer.bytes.withUnsafeBytes { try PropertyCoding.decodeProperties($0) }
        #expect(decoded == properties)

        let evidence = [Evidence(rule: "r", field: .comment, sentence: "x", start: 0, end: 1)]
        writer.removeAll()
        PropertyCoding.encode(evidence, into: &writer)
        #expect(try writer.bytes.withUnsafeBytes { try PropertyCoding.decodeEvidence($0) } == evidence)
        // A truncated blob is an error, not a crash.
        #expect(throws: ByteReader.Malformed.self) {
            try writer.bytes.dropLast().withUnsafeBytes { try PropertyCoding.decodeEvidence($0) }
        }
    }

    @Test func statsCountAndRankInSQL() throws {
        let dir = try TemporaryDirectory()
        let fragments = SyntheticFragments.make(count: 120, pool: 20)
        try build(dir.path("g.sqlite"), fragments)
        let stats = try GraphStore(path: dir.path("g.sqlite"), mode: .readOnly).stats(top: 3)

        let graph = KnowledgeGraph(fragments: fragments)
        #expect(stats.nodes == graph.nodeCounts)
        #expect(stats.edges == graph.edgeCounts)
        // Expected ranking computed from the in-memory graph.
        func ranking(_ kind: NodeKind, _ relations: Set<Relation>) -> [StoreStats.Ranked] {
            graph.nodeIndices(of: kind).map { index in
                let papers = Set(graph.incoming(index).map { graph.edges[$0] }.filter { relations.contains($0.relation) }.map(\.from))
                return StoreStats.Ranked(key: graph.nodes[index].id.key, name: graph.nodes[index].name, papers: papers.count)
            }
            .filter { $0.papers > 0 }
            .sorted { ($1.papers, $0.name, $0.key) < ($0.papers, $1.name, $1.key) }
            .prefix(3).map { $0 }
        }
        #expect(stats.topBenchmarks == ranking(.benchmark, [.evaluatesOn, .introduces]))
        #expect(stats.topMethods == ranking(.method, [.proposes, .uses]))
    }
}

@Suite struct StoreLoadOptionsTests {
    @Test func evidenceCanBeLeftOutOfALoadAndFetchedPerEdge() throws {
        let dir = try TemporaryDirectory()
        let fragments = SyntheticFragments.make(count: 30)
        try build(dir.path("g.sqlite"), fragments)
        let store = try GraphStore(path: dir.path("g.sqlite"), mode: .readOnly)
        let full = try store.loadGraph()
        let bare = try store.loadGraph(evidence: .none)

        #expect(bare.nodes == full.nodes)
        #expect(bare.edges.allSatisfy { $0.evidence.isEmpty })
        #expect(GraphContents(bare).edges.map { [$0.from, $0.to] } == GraphContents(full).edges.map { [$0.from, $0.to] })
        for edge in full.edges.prefix(20) {
            let fetched = try store.evidence(from: full.nodes[edge.from].id, relation: edge.relation, to: full.nodes[edge.to].id)
            #expect(fetched == edge.evidence)
        }
        #expect(try store.evidence(from: full.nodes[0].id, relation: .subsetOf, to: full.nodes[0].id) == nil)
    }
}

@Suite struct BackgroundWriterTests {
    @Test func writingOnTheWriterThreadGivesTheSameStore() throws {
        let dir = try TemporaryDirectory()
        let fragments = SyntheticFragments.make(count: 250)
        try build(dir.path("direct.sqlite"), fragments, batchSize: 30)

        let writer = try BackgroundWriter(path: dir.path("background.sqlite"), batchSize: 30, queueLimit: 2)
        for start in stride(from: 0, to: fragments.count, by: 17) {
            try writer.submit(Array(fragments[start..<min(start + 17, fragments.count)]))
        }
        let summary = try writer.finish()
        #expect(summary.papersAdded == 250)
        #expect(try tableDump(dir.path("background.sqlite")) == tableDump(dir.path("direct.sqlite")))
    }

    @Test func aBadStoreFailsWhenTheWriterIsCreated() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("not-a-store.txt")
        try Data("plain text".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try BackgroundWriter(path: path) }
    }
}
