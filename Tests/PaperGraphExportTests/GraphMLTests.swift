import PaperGraphTestSupport
import Foundation
import PaperGraphModel
import Testing
@testable import PaperGraphExport

@Suite struct GraphMLTests {
    let graph = TestGraphs.sample()

    @Test func validatesAgainstTheGraphMLSchema() throws {
        let data = try Exporter.graphML(graph)
        #expect(XMLValidation.validate(data, schema: TestGraphs.fixture("graphml.xsd")) == [])
    }

    @Test func emptyGraphValidates() throws {
        let data = try Exporter.graphML(KnowledgeGraph())
        #expect(XMLValidation.validate(data, schema: TestGraphs.fixture("graphml.xsd")) == [])
    }

    @Test func everyNodeAndEdgeIsWrittenWithItsData() throws {
        let data = try Exporter.graphML(graph)
        #expect(XMLValidation.xpath(data, "//*[local-name()='node']/@id").count == graph.nodeCount)
        #expect(XMLValidation.xpath(data, "//*[local-name()='edge']/@id").count == graph.edgeCount)
        // Keys are declared with attr.type by property: mixed int/string → string, lists → string.
        func type(_ name: String) -> [String] {
            XMLValidation.xpath(data, "//*[local-name()='key'][@for='node'][@attr.name='\(name)']/@attr.type")
        }
        #expect(type("year") == ["long"])
        #expect(type("score") == ["double"])
        #expect(type("open") == ["boolean"])
        #expect(type("note") == ["string"])
        #expect(type("authors") == ["string"])
        #expect(XMLValidation.xpath(data, "//*[local-name()='key'][@for='edge'][@attr.name='weight']/@attr.type") == ["long"])
    }

    @Test func sameGraphInAnotherInsertionOrderGivesTheSameBytes() throws {
        var reversed = KnowledgeGraph()
        for node in graph.nodes.reversed() { reversed.upsert(node) }
        for edge in graph.edges.reversed() {
            reversed.addEdge(from: reversed.index(of: graph.nodes[edge.from].id)!, relation: edge.relation,
                             to: reversed.index(of: graph.nodes[edge.to].id)!, evidence: edge.evidence)
        }
        #expect(try Exporter.graphML(reversed) == Exporter.graphML(graph))
    }

    @Test func yedFlavourHasOneShapeNodePerNode() throws {
        let data = try Exporter.graphML(graph, yed: true)
        #expect(XMLValidation.parse(data).error == nil)
        #expect(XMLValidation.xpath(data, "//*[local-name()='ShapeNode']").count == graph.nodeCount)
        #expect(XMLValidation.xpath(data, "//*[local-name()='key'][@yfiles.type='nodegraphics']/@id").count == 1)
        let fills = Set(XMLValidation.xpath(data, "//*[local-name()='Fill']/@color"))
        #expect(fills.count == Set(graph.nodes.map(\.kind)).count)
    }

    /// NetworkX and igraph read the file back with the same counts and attributes.
    @Test func networkXAndIgraphReadItBack() throws {
        let dir = try TestGraphs.temporaryDirectory()
        let path = dir + "/g.graphml"
        try Exporter.write(Exporter.graphML(graph), to: path)
        let script = """
        import sys, json, networkx as nx, igraph
        g = nx.read_graphml(sys.argv[1])
        ig = igraph.Graph.Read_GraphML(sys.argv[1])
        nodes = {d['kind'] + ':' + d['key']: d for _, d in g.nodes(data=True)}
        edges = sorted([g.nodes[u]['kind'] + ':' + g.nodes[u]['key'], d['relation'],
                        g.nodes[v]['kind'] + ':' + g.nodes[v]['key'], d['weight'], json.loads(d['evidence'])]
                       for u, v, d in g.edges(data=True))
        print(json.dumps({'nodes': nodes, 'edges': edges, 'directed': g.is_directed(),
                          'ig_nodes': ig.vcount(), 'ig_edges': ig.ecount(),
                          'ig_names': sorted(ig.vs['name']), 'ig_relations': sorted(ig.es['relation'])}))
        """
        guard let result = Python.json(script, [path]) else { return }
        let nodes = try #require(result["nodes"] as? [String: [String: Any]])
        let edges = try #require(result["edges"] as? [[Any]])
        #expect(result["directed"] as? Bool == true)
        #expect(nodes.count == graph.nodeCount)
        #expect(edges.count == graph.edgeCount)
        #expect(result["ig_nodes"] as? Int == graph.nodeCount)
        #expect(result["ig_edges"] as? Int == graph.edgeCount)
        #expect(result["ig_names"] as? [String] == graph.nodes.map { TestGraphs.xmlVisible($0.name) }.sorted())
        #expect(result["ig_relations"] as? [String] == graph.edges.map(\.relation.rawValue).sorted())
        for node in graph.nodes {
            let read = try #require(nodes[node.id.description], "missing \(node.id)")
            #expect(read["name"] as? String == TestGraphs.xmlVisible(node.name))
            #expect(read["label"] as? String == TestGraphs.xmlVisible(node.name))
            if node.kind == .paper { #expect(read["title"] as? String == TestGraphs.xmlVisible(node["title"]?.stringValue ?? node.name)) }
            // attr.name must be an NMTOKEN: other property names arrive sanitised.
            for (property, value) in node.properties {
                let name = nmtoken(property)
                #expect(name == property || property == "odd name/é")
                switch value {
                case .string(let s): #expect(read[name] as? String == TestGraphs.xmlVisible(s), "\(node.id).\(name)")
                case .int(let i):
                    // `note` is int on one node, string on another: the column is a string.
                    if name == "note" { #expect(read[name] as? String == String(i)) } else { #expect(read[name] as? Int == i) }
                case .double(let d): #expect(read[name] as? Double == d)
                case .bool(let b): #expect(read[name] as? Bool == b)
                case .strings(let list):
                    let decoded = try JSONSerialization.jsonObject(with: Data(try #require(read[name] as? String).utf8))
                    #expect(decoded as? [String] == list.map(TestGraphs.xmlVisible), "\(node.id).\(name)")
                }
            }
        }
        let expected = graph.edges.map { edge in
            [graph.nodes[edge.from].id.description, edge.relation.rawValue, graph.nodes[edge.to].id.description]
        }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(edges.map { $0.prefix(3).compactMap { $0 as? String } } == expected)
        for row in edges {
            let evidence = try #require(row[4] as? [[String: Any]])
            #expect(row[3] as? Int == max(1, evidence.count))
        }
        let hostile = edges.first { ($0[1] as? String) == "USES" && ($0[2] as? String)?.hasPrefix("Method:evil") == true }
        let items = try #require(hostile?[4] as? [[String: Any]])
        let item: [String: Any] = try #require(items.first)
        let visible = TestGraphs.xmlVisible(TestGraphs.hostile)
        #expect((item["sentence"] as? String) == visible)
        #expect((item["rule"] as? String) == visible)
        #expect((item["field"] as? String) == "abstract")
        #expect((item["start"] as? Int) == 3)
        #expect((item["end"] as? Int) == 9)
    }
}

@Suite struct GraphMLStreamingTests {
    /// The streamed file and the in-memory document are the same bytes.
    @Test(arguments: [false, true])
    func streamedFileEqualsInMemoryDocument(yed: Bool) throws {
        let graph = TestGraphs.sample()
        let dir = try TestGraphs.temporaryDirectory()
        try Exporter.writeGraphML(graph, yed: yed, to: dir + "/g.graphml")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/g.graphml")) == Exporter.graphML(graph, yed: yed))
    }
}
