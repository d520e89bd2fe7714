import Foundation
import PaperGraphModel
import Testing
@testable import PaperGraphStore

/// Loading decodes node rows on a second thread in chunks and builds the graph in
/// bulk; these check it against the in-memory merge and against damaged rows.
@Suite("Bulk store load")
struct BulkLoadTests {
    /// More node rows than one decoder chunk holds, so several chunks cross threads.
    private static let papers = GraphStore.nodeChunkRows + 500

    @Test("a store spanning several decoder chunks loads as the in-memory merge")
    func manyChunksLoadAsMerged() throws {
        let dir = try TemporaryDirectory()
        let fragments = SyntheticFragments.make(count: Self.papers)
        try build(dir.path("g.sqlite"), fragments)
        let store = try GraphStore(path: dir.path("g.sqlite"), mode: .readOnly)
        let loaded = try store.loadGraph()
        #expect(loaded.nodeCount > GraphStore.nodeChunkRows)
        #expect(GraphContents(loaded) == GraphContents(KnowledgeGraph(fragments: fragments)))
        for index in [0, loaded.nodeCount / 2, loaded.nodeCount - 1] {
            #expect(loaded.index(of: loaded.nodes[index].id) == index)
        }
        let bare = try store.loadGraph(evidence: .none)
        #expect(bare.nodes == loaded.nodes)
        #expect(bare.edges.allSatisfy { $0.evidence.isEmpty })
    }

    @Test("undecodable properties in a late chunk are a corrupt-store error naming the row")
    func damagedPropertiesInALateChunk() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("g.sqlite")
        try build(path, SyntheticFragments.make(count: Self.papers))
        let row = GraphStore.nodeChunkRows + 100
        rawExecute(path, "UPDATE nodes SET props = x'05ff' WHERE id = \(row)")
        do {
            _ = try GraphStore(path: path, mode: .readOnly).loadGraph()
            Issue.record("a damaged store loaded")
        } catch {
            guard case .corrupt(let reported, let reason) = error else { Issue.record("unexpected \(error)"); return }
            #expect(reported == path)
            #expect(reason.contains("row \(row)"))
        }
    }
}
