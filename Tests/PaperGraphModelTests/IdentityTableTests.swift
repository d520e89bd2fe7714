import Testing
@testable import PaperGraphModel

/// The identity index every lookup by ``NodeID`` goes through.
@Suite("Identity table")
struct IdentityTableTests {
    /// Identities of every kind, sharing keys across kinds so kind must be told apart.
    private static func identities(_ count: Int) -> [NodeID] {
        (0..<count).map { i in
            let kind = NodeKind.allCases[i % NodeKind.allCases.count]
            return NodeID(kind: kind, normalizedKey: i % 3 == 0 ? "2401.\(i / 4)" : "name \(i / 4) with a longer key")
        }
    }

    @Test("finds every inserted identity, grows from empty, and knows what is absent")
    func insertAndFind() {
        let ids = Self.identities(20_000)
        let nodes = ids.map { Node(id: $0, name: $0.key) }
        var table = IdentityTable()
        for (i, id) in ids.enumerated() { #expect(table.insert(id, at: i, in: nodes) == nil) }
        #expect(table.count == ids.count)
        #expect(ids.indices.allSatisfy { table.index(of: ids[$0], in: nodes) == $0 })
        #expect(table.index(of: NodeID(kind: .paper, normalizedKey: "absent"), in: nodes) == nil)
        #expect(IdentityTable().index(of: ids[0], in: []) == nil)
    }

    @Test("a second insert of one identity reports the first index and records nothing")
    func duplicate() {
        let ids = Self.identities(100)
        let nodes = (ids + [ids[41]]).map { Node(id: $0, name: $0.key) }
        var table = IdentityTable(capacity: 3)
        for (i, id) in ids.enumerated() { _ = table.insert(id, at: i, in: nodes) }
        #expect(table.insert(ids[41], at: 100, in: nodes) == 41)
        #expect(table.count == 100)
        #expect(table.index(of: ids[41], in: nodes) == 41)
    }

    @Test("the graph's lookups agree with a dictionary after upserts and a bulk build")
    func graphLookups() throws {
        let ids = Self.identities(5_000)
        var graph = KnowledgeGraph()
        var reference: [NodeID: Int] = [:]
        for id in ids + ids.prefix(500) {
            let index = graph.upsert(Node(id: id, name: id.key))
            if let known = reference[id] { #expect(index == known) } else { reference[id] = index }
        }
        #expect(graph.nodeCount == ids.count)
        let bulk = try #require(KnowledgeGraph(distinctNodes: graph.nodes, distinctEdges: []))
        for (id, index) in reference {
            #expect(graph.index(of: id) == index)
            #expect(bulk.index(of: id) == index)
        }
    }
}

@Test("a kind's ordinal is its place in allCases")
func kindOrdinals() {
    #expect(NodeKind.allCases.map(\.ordinal) == Array(NodeKind.allCases.indices))
}
