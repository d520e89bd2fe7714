import Foundation
import PaperGraphModel
import PaperGraphOntology
import Testing
@testable import PaperGraphExport

/// JSON, CSV, N-Triples and HTML, each read by the tool it is meant for.
@Suite struct InteropFormatTests {
    let graph = TestGraphs.sample()

    @Test func networkXReadsTheNodeLinkJSON() throws {
        let dir = try TestGraphs.temporaryDirectory()
        try Exporter.write(Exporter.nodeLinkJSON(graph), to: dir + "/g.json")
        let script = """
        import sys, json, networkx as nx
        data = json.load(open(sys.argv[1]))
        g = nx.node_link_graph(data, edges='edges')
        old = nx.node_link_graph(data, edges='links')
        print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
                          'old_edges': old.number_of_edges(), 'directed': g.is_directed(),
                          'authors': g.nodes['Paper:2409.12917']['authors'],
                          'evil': [d for _, _, d in g.edges(data=True) if d['relation'] == 'USES'
                                   and d['evidence'][0]['rule'].startswith('Evil')][0]['evidence'][0]['sentence'],
                          'relations': sorted(d['relation'] for _, _, d in g.edges(data=True))}))
        """
        guard let result = Python.json(script, [dir + "/g.json"]) else { return }
        #expect(result["nodes"] as? Int == graph.nodeCount)
        #expect(result["edges"] as? Int == graph.edgeCount)
        #expect(result["old_edges"] as? Int == graph.edgeCount)
        #expect(result["directed"] as? Bool == true)
        #expect(result["authors"] as? [String] == ["Ada Lovelace", "Alan \"AT\" Turing"])
        #expect(result["evil"] as? String == TestGraphs.xmlVisible(TestGraphs.hostile))
        #expect(result["relations"] as? [String] == graph.edges.map(\.relation.rawValue).sorted())
    }

    /// Kuzu creates the tables and loads every file of the CSV directory with
    /// the script we write; node and relation counts match the graph.
    @Test func kuzuLoadsTheCSVDirectory() throws {
        let dir = try TestGraphs.temporaryDirectory()
        try Exporter.writeCSV(graph, to: dir + "/csv")
        let script = """
        import sys, os, json, kuzu
        base = os.path.join(sys.argv[1], 'kuzu')
        db = kuzu.Database(os.path.join(sys.argv[1], 'db'))
        conn = kuzu.Connection(db)
        os.chdir(base)
        for statement in open('load.cypher').read().split(';\\n'):
            if statement.strip():
                conn.execute(statement)
        def one(q):
            r = conn.execute(q)
            return r.get_next()[0]
        out = {'nodes': {}, 'rels': {}}
        for kind in ['Paper', 'Method', 'Benchmark', 'Repository']:
            out['nodes'][kind] = one(f'MATCH (n:{kind}) RETURN count(n)')
        for rel in ['PROPOSES', 'USES', 'EVALUATES_ON', 'INTRODUCES', 'HAS_CODE', 'SUBSET_OF', 'SPECIALIZES']:
            out['rels'][rel] = one(f'MATCH ()-[r:{rel}]->() RETURN count(r)')
        out['evil'] = one("MATCH (m:Method) WHERE m.name STARTS WITH 'Evil' RETURN m.name")
        out['year'] = one("MATCH (p:Paper) WHERE p.key = '2409.12917' RETURN p.year")
        out['math_papers'] = sorted(r for r in [one("MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark {key: 'math'}) RETURN count(p)")])
        print(json.dumps(out))
        """
        guard let result = Python.json(script, [dir + "/csv"]) else { return }
        let nodes = try #require(result["nodes"] as? [String: Int])
        let rels = try #require(result["rels"] as? [String: Int])
        for kind in NodeKind.allCases { #expect(nodes[kind.rawValue] == graph.nodeCounts[kind, default: 0], "\(kind)") }
        for relation in Relation.allCases {
            #expect(rels[relation.rawValue] == graph.edgeCounts[relation, default: 0], "\(relation)")
        }
        #expect(result["evil"] as? String == TestGraphs.xmlVisible(TestGraphs.hostile))
        #expect(result["year"] as? Int == 2024)
        let math = try #require(graph.index(of: NodeID(.benchmark, "MATH")))
        #expect((result["math_papers"] as? [Int])?.first
                == graph.incoming(math).filter { graph.edges[$0].relation == .evaluatesOn }.count)
    }

    @Test func neo4jHeadersNameIdsLabelsAndTypes() throws {
        let files = Dictionary(uniqueKeysWithValues: Exporter.csvFiles(graph).map { ($0.path, $0.text) })
        let nodes = try #require(files["neo4j/nodes.csv"])
        let rels = try #require(files["neo4j/relationships.csv"])
        let nodeHeader = nodes.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        #expect(Array(nodeHeader.prefix(2)) == [":ID", ":LABEL"])
        #expect(nodeHeader.contains("year:long") && nodeHeader.contains("score:double") && nodeHeader.contains("open:boolean"))
        #expect(rels.hasPrefix(":START_ID,:END_ID,:TYPE,"))
    }

    /// rdflib parses the N-Triples; the triple count is what the graph implies:
    /// type and label per node, one per property value (lists per element), one per edge.
    @Test func rdflibParsesTheNTriples() throws {
        let ontology = try Ontology.load(from: TestGraphs.ontologyDirectory)
        let dir = try TestGraphs.temporaryDirectory()
        try Exporter.write(Exporter.nTriples(graph, namespace: ontology.schema.namespace), to: dir + "/g.nt")
        var expected = graph.edgeCount
        for node in graph.nodes {
            expected += 2
            for (_, value) in node.properties {
                if case .strings(let list) = value { expected += Set(list).count } else { expected += 1 }
            }
        }
        let script = """
        import sys, json, rdflib
        g = rdflib.Graph()
        g.parse(sys.argv[1], format='nt')
        ns = rdflib.Namespace(sys.argv[2])
        print(json.dumps({'triples': len(g),
                          'papers': len(set(g.subjects(rdflib.RDF.type, ns.Paper))),
                          'evaluates': len(list(g.triples((None, ns.EVALUATES_ON, None)))),
                          'labels': sorted(str(o) for o in g.objects(None, rdflib.RDFS.label))}))
        """
        guard let result = Python.json(script, [dir + "/g.nt", ontology.schema.namespace]) else { return }
        #expect(result["triples"] as? Int == expected)
        #expect(result["papers"] as? Int == graph.nodeCounts[.paper])
        #expect(result["evaluates"] as? Int == graph.edgeCounts[.evaluatesOn])
        #expect(result["labels"] as? [String] == graph.nodes.map(\.name).sorted())
    }

    @Test func htmlMapEscapesEverythingAndEmbedsTheSVG() throws {
        let html = try Exporter.htmlMap(graph, title: "Map <of> \"papers\"", engine: .dot)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<?xml"))
        #expect(html.contains("<title>Map &lt;of&gt; &quot;papers&quot;</title>"))
        #expect(html.contains("&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("href=\"javascript:"))
        // Exactly one svg element, and one table row per node.
        #expect(html.components(separatedBy: "<svg").count == 2)
        #expect(html.components(separatedBy: "<tr id=\"row-").count - 1 == graph.nodeCount)
    }
}
