import Foundation
import PaperGraphModel
import Testing
@testable import PaperGraphStore

/// Loading copies rows into chunks on a reader thread, decodes chunks on both
/// threads (possibly out of order) and builds the graph in bulk; these check it
/// against the in-memory merge and against damaged rows.
@Suite("Bulk store load")
struct BulkLoadTests {
    private static let papers = 600
    /// Tiny chunks, so a small store spans hundreds of them, decoded on both threads.
    private static let tiny = GraphStore.LoadChunking(nodeRows: 7, edgeRows: 13)

    @Test("a store spanning many chunks loads as the in-memory merge, with and without evidence",
          arguments: [tiny, GraphStore.LoadChunking.default])
    func manyChunksLoadAsMerged(chunking: GraphStore.LoadChunking) throws {
        let dir = try TemporaryDirectory()
        let fragments = SyntheticFragments.make(count: Self.papers)
        try build(dir.path("g.sqlite"), fragments)
        let store = try GraphStore(path: dir.path("g.sqlite"), mode: .readOnly)
        let loaded = try store.loadGraph(evidence: .all, chunking: chunking)
        #expect(loaded.edgeCount > 10 * Self.tiny.edgeRows)
        #expect(GraphContents(loaded) == GraphContents(KnowledgeGraph(fragments: fragments)))
        for index in [0, loaded.nodeCount / 2, loaded.nodeCount - 1] {
            #expect(loaded.index(of: loaded.nodes[index].id) == index)
        }
        let bare = try store.loadGraph(evidence: .none, chunking: chunking)
        #expect(bare.nodes == loaded.nodes)
        #expect(bare.edges.map { [$0.from, $0.to] } == loaded.edges.map { [$0.from, $0.to] })
        #expect(bare.edges.allSatisfy { $0.evidence.isEmpty })
    }

    @Test("a paper's name shares its title's text, and a differing name is kept")
    func namesAndTitles() throws {
        let dir = try TemporaryDirectory()
        var fragments = SyntheticFragments.make(count: 3)
        fragments[1].nodes[0].name = "Renamed"
        try build(dir.path("g.sqlite"), fragments)
        let loaded = try GraphStore(path: dir.path("g.sqlite"), mode: .readOnly).loadGraph(evidence: .all, chunking: Self.tiny)
        let papers = loaded.nodeIndices(of: .paper).map { loaded.nodes[$0] }
        #expect(papers.map(\.name) == [fragments[0].nodes[0].name, "Renamed", fragments[2].nodes[0].name])
        #expect(papers.map { $0["title"] } == fragments.map { $0.nodes[0]["title"] })
    }

    @Test("undecodable properties in a late chunk are a corrupt-store error naming the row")
    func damagedPropertiesInALateChunk() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("g.sqlite")
        try build(path, SyntheticFragments.make(count: Self.papers))
        let row = Self.papers - 10
        rawExecute(path, "UPDATE nodes SET props = x'05ff' WHERE id = \(row)")
        let error = loadError(path)
        #expect(error?.path == path)
        #expect(error?.reason.contains("row \(row)") == true, "\(String(describing: error))")
    }

    @Test("undecodable evidence in a late chunk is a corrupt-store error naming the edge; without evidence it loads")
    func damagedEvidenceInALateChunk() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("g.sqlite")
        try build(path, SyntheticFragments.make(count: Self.papers))
        let (src, rel, dst) = rawEdge(path, offset: 2_000)
        rawExecute(path, "UPDATE edges SET evidence = x'0377' WHERE src = \(src) AND rel = '\(rel)' AND dst = \(dst)")
        let error = loadError(path)
        #expect(error?.path == path)
        #expect(error?.reason.contains("evidence of edge \(src) \(rel) \(dst)") == true)
        let bare = try GraphStore(path: path, mode: .readOnly).loadGraph(evidence: .none, chunking: Self.tiny)
        #expect(bare.nodeCount > Self.papers)
    }

    @Test("an edge to a missing node is a corrupt-store error")
    func edgeToMissingNode() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("g.sqlite")
        try build(path, SyntheticFragments.make(count: 50))
        rawExecute(path, "PRAGMA foreign_keys = OFF; INSERT INTO edges (src, rel, dst, evidence) VALUES (1, 'USES', 999999, x'')")
        #expect(loadError(path)?.reason.contains("names a missing node") == true)
    }

    /// The corrupt-store error a load with tiny chunks throws, if any.
    private func loadError(_ path: String) -> (path: String, reason: String)? {
        do {
            _ = try GraphStore(path: path, mode: .readOnly).loadGraph(evidence: .all, chunking: Self.tiny)
            Issue.record("a damaged store loaded")
        } catch {
            if case .corrupt(let reported, let reason) = error { return (reported, reason) }
            Issue.record("unexpected \(error)")
        }
        return nil
    }
}
