import Foundation
import Testing

/// `papergraph query` against a store built by the real binary: a query that
/// reads evidence gets it, though queries that read none load the store without.
@Suite struct QueryCommandTests {
    @Test("evidence is loaded for the queries that read it, and the same rows come back either way")
    func evidenceOnDemand() throws {
        let workspace = try FaultTests.Workspace()
        defer { workspace.remove() }
        try FaultTests.build(workspace, inputs: [FaultTests.smallInput], export: false)
        func query(_ text: String) throws -> [String] {
            let output = try FaultTests.papergraph(["query", text, "--store", workspace.store, "--format", "csv"])
            #expect(output.status == 0, "\(output.stderr)")
            return output.stdout.split(whereSeparator: \.isNewline).map(String.init)
        }
        let withEvidence = try query("MATCH (p:Paper)-[r]->(c) RETURN p.key, type(r), c.name, r.rule, r.weight ORDER BY p.key, type(r), c.name")
        let without = try query("MATCH (p:Paper)-[r]->(c) RETURN p.key, type(r), c.name ORDER BY p.key, type(r), c.name")
        #expect(withEvidence.count == without.count)
        #expect(withEvidence.count > 10)
        // Every extracted edge has a rule and at least one piece of evidence.
        for (full, bare) in zip(withEvidence.dropFirst(), without.dropFirst()) {
            #expect(full.hasPrefix(bare + ","))
            #expect(!full.hasSuffix(",,0"), "no evidence: \(full)")
        }
    }
}
