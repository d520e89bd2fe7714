import Foundation
import Testing
import PaperGraphModel
@testable import PaperGraphIngest

@Suite struct GraphMLReaderTests {
    @Test func fixtureFollowingTheContract() throws {
        let result = try ingest([fixture("papergraph.graphml")])
        #expect(result.warnings.isEmpty)
        #expect(result.papers.isEmpty)
        let graph = KnowledgeGraph(fragments: result.fragments)
        #expect(graph.nodeCount == 4 && graph.edgeCount == 3)
        #expect(result.summary.graphNodes == 4 && result.summary.graphEdges == 3)

        let paperID = NodeID(kind: .paper, normalizedKey: "2409.12917")
        let paper = try #require(graph.node(paperID))
        #expect(paper.name == "Training Language Models to Self-Correct via Reinforcement Learning")
        #expect(paper["authors"] == .strings(["Aviral Kumar", "Vincent Zhuang", "Rishabh Agarwal"]))
        #expect(paper["published"] == .string("2024-09-19"))
        #expect(paper["label"] == nil && paper["kind"] == nil)

        let math = try #require(graph.node(NodeID(kind: .benchmark, normalizedKey: "math")))
        #expect(math.properties == ["aliases": .strings(["MATH dataset", "Hendrycks MATH"]),
                                    "confidence": .double(0.75), "canonical": .bool(true)])
        #expect(graph.node(NodeID(kind: .method, normalizedKey: "score"))?.properties
                == ["papers": .int(1), "canonical": .bool(false)])
        let repo = NodeID(kind: .repository, normalizedKey: "github.com/google-deepmind/score")
        #expect(graph.node(repo)?.properties == ["stars": .int(1200)])

        let from = try #require(graph.index(of: paperID))
        let evaluates = try #require(graph.edgeIndex(from: from, relation: .evaluatesOn,
                                                     to: graph.index(of: math.id)!))
        #expect(graph.edges[evaluates].evidence == [Evidence(
            rule: "gazetteer", field: .abstract,
            sentence: "SCoRe improves the base models' self-correction by 15.6% and 9.1% respectively on MATH and HumanEval.",
            start: 1012, end: 1016)])
        // The HAS_CODE edge comes before its target node in the file: resolved at the end.
        #expect(graph.edgeIndex(from: from, relation: .hasCode, to: graph.index(of: repo)!) != nil)
    }

    @Test func roundTripOfAGraphWrittenByTheContract() throws {
        var graph = KnowledgeGraph()
        let paper = graph.upsert(Node(id: NodeID(.paper, "2103.03874"), name: "Measuring Mathematical Problem Solving",
                                      properties: ["authors": .strings(["Dan Hendrycks", "Collin Burns"]),
                                                   "title": .string("Measuring Mathematical Problem Solving <With> \"MATH\" & more"),
                                                   "year": .int(2021)]))
        let math = graph.upsert(Node(id: NodeID(.benchmark, "MATH"), name: "MATH", properties: ["share": .double(0.5)]))
        let sub = graph.upsert(Node(id: NodeID(.benchmark, "MATH-500"), name: "MATH-500", properties: ["held_out": .bool(true)]))
        graph.addEdge(from: paper, relation: .introduces, to: math, evidence: [
            Evidence(rule: "we-introduce", field: .abstract, sentence: "We introduce MATH, a new dataset.", start: 13, end: 17)])
        graph.addEdge(from: sub, relation: .subsetOf, to: math)

        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("graph.graphml", contractGraphML(graph))
        let result = try ingest([path])
        #expect(result.warnings.isEmpty)
        let back = KnowledgeGraph(fragments: result.fragments)
        #expect(Set(back.nodes) == Set(graph.nodes))
        #expect(Set(back.asFragment().edges) == Set(graph.asFragment().edges))
    }

    @Test func badNodesAndEdgesAreSkippedWithWarnings() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("bad.graphml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="a" for="node" attr.name="kind" attr.type="string"/>
              <key id="b" for="node" attr.name="key" attr.type="string"/>
              <key id="c" for="edge" attr.name="relation" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="x"><data key="a">Paper</data><data key="b">2409.12917</data></node>
                <node id="y"><data key="a">Gadget</data><data key="b">g</data></node>
                <edge source="x" target="nowhere"><data key="c">USES</data></edge>
                <edge source="x" target="x"><data key="c">CITES</data></edge>
              </graph>
            </graphml>
            """)
        let result = try ingest([path])
        #expect(result.summary.graphNodes == 1 && result.summary.graphEdges == 0)
        #expect(result.summary.skipped == 3)
        #expect(result.warnings.map(\.description) == [
            "\(path):8: node 'y' has unknown kind 'Gadget'",
            "\(path):10: edge has unknown relation 'CITES'",
            "\(path):9: edge names a node id that is not in the file (nowhere)",
        ])
    }
}

/// GraphML as the export contract describes it, written plainly so the reader is
/// tested against the contract rather than against another module's writer.
func contractGraphML(_ graph: KnowledgeGraph) -> String {
    func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
    func json<T: Encodable>(_ value: T) -> String { String(decoding: try! JSONEncoder().encode(value), as: UTF8.self) }
    var propertyTypes: [String: String] = [:]
    for node in graph.nodes {
        for (name, value) in node.properties {
            switch value {
            case .int: propertyTypes[name] = "long"
            case .double: propertyTypes[name] = "double"
            case .bool: propertyTypes[name] = "boolean"
            case .string, .strings: propertyTypes[name] = "string"
            }
        }
    }
    let names = propertyTypes.keys.sorted()
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    for (i, key) in ["kind", "key", "name", "label"].enumerated() {
        out += "<key id=\"d\(i)\" for=\"node\" attr.name=\"\(key)\" attr.type=\"string\"/>\n"
    }
    for (i, name) in names.enumerated() {
        out += "<key id=\"p\(i)\" for=\"node\" attr.name=\"\(name)\" attr.type=\"\(propertyTypes[name]!)\"/>\n"
    }
    out += "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
    out += "<key id=\"e\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
    out += "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n<graph edgedefault=\"directed\">\n"
    for (index, node) in graph.nodes.enumerated() {
        out += "<node id=\"n\(index)\"><data key=\"d0\">\(node.kind.rawValue)</data><data key=\"d1\">\(escape(node.id.key))</data>"
        out += "<data key=\"d2\">\(escape(node.name))</data><data key=\"d3\">\(escape(node.name))</data>"
        for (i, name) in names.enumerated() {
            guard let value = node.properties[name] else { continue }
            let text: String
            if case .strings(let list) = value { text = json(list) } else { text = value.description }
            out += "<data key=\"p\(i)\">\(escape(text))</data>"
        }
        out += "</node>\n"
    }
    for edge in graph.edges {
        out += "<edge source=\"n\(edge.from)\" target=\"n\(edge.to)\"><data key=\"r\">\(edge.relation.rawValue)</data>"
        out += "<data key=\"e\">\(escape(json(edge.evidence)))</data><data key=\"w\">\(edge.evidence.count)</data></edge>\n"
    }
    return out + "</graph>\n</graphml>\n"
}
