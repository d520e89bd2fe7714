import CLibXML2
import Foundation
import PaperGraph
import PaperGraphTestSupport
import Testing

/// Names and text built to break out of every output format: quotes and
/// backslashes, markup that would close the SVG and open a script, a CDATA
/// terminator, control characters, and bidirectional overrides. Every export
/// must stay well-formed for a real parser and inert in a real browser.
@Suite(.serialized) struct OutputInjectionTests {
    /// The script every payload tries to run; it leaves a mark a DOM dump shows.
    static let mark = "document.documentElement.setAttribute('data-pwned','1')"
    static let hostile = "Q\"uote \\back </svg><script>\(mark)</script> ]]> "
        + "<img src=x onerror=\"\(mark)\"> \u{1}\u{8}\u{1B}[31m\u{7F} \u{202E}RTL\u{200F} &amp; {x} $y"
    /// What an XML-based format can keep of it (XML 1.0 has no C0 controls but tab, LF, CR).
    static let hostileInXML = String(String.UnicodeScalarView(hostile.unicodeScalars.filter {
        $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r"
    }))

    static let graph: KnowledgeGraph = {
        var g = KnowledgeGraph()
        let paper = g.upsert(Node(id: NodeID(.paper, "2401.00001"), name: "Paper " + hostile, properties: [
            "title": .string("Paper " + hostile), "abstract": .string(hostile),
            "authors": .strings([hostile, "B. Author"]),
            "url": .string("javascript:\(mark)"),
        ]))
        let method = g.upsert(Node(id: NodeID(.method, "Method " + hostile), name: "Method " + hostile))
        let benchmark = g.upsert(Node(id: NodeID(.benchmark, "Bench " + hostile), name: "Bench " + hostile))
        let repo = g.upsert(Node(id: NodeID(.repository, "github.com/evil/x"), name: "github.com/evil/x",
                                 properties: ["url": .string("javascript:\(mark)")]))
        let evidence = [Evidence(rule: "gazetteer", field: .abstract, sentence: hostile, start: 0, end: 5)]
        g.addEdge(from: paper, relation: .proposes, to: method, evidence: evidence)
        g.addEdge(from: paper, relation: .evaluatesOn, to: benchmark, evidence: evidence)
        g.addEdge(from: paper, relation: .hasCode, to: repo, evidence: evidence)
        return g
    }()

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pg-inject-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Elements named `script`, and attributes named `on…`, anywhere in an XML document.
    static func activeContent(xml data: Data) -> [String] {
        XMLValidation.xpath(data, "//*[local-name()='script']")
            + XMLValidation.xpath(data, "//@*[starts-with(local-name(), 'on')]")
            + XMLValidation.xpath(data, "//@*[starts-with(normalize-space(translate(., 'JAVSCRIPT', 'javscript')), 'javascript:')]")
    }

    @Test("GraphML is well-formed and gives back every name exactly (less XML-forbidden controls)")
    func graphML() throws {
        let data = try Exporter.graphML(Self.graph)
        #expect(XMLValidation.parse(data).error == nil)
        #expect(Self.activeContent(xml: data).isEmpty)
        let values = XMLValidation.xpath(data, "//*[local-name()='data']")
        #expect(values.contains("Paper " + Self.hostileInXML))
        #expect(values.contains("Method " + Self.hostileInXML))
    }

    @Test("SVG is well-formed XML with no script, no event handler and no javascript: link")
    func svg() throws {
        let data = try Exporter.render(Self.graph, format: .svg)
        #expect(XMLValidation.parse(data).error == nil)
        #expect(Self.activeContent(xml: data).isEmpty)
        #expect(XMLValidation.xpath(data, "//*[local-name()='text']").contains { $0.contains("</svg><script>") })
    }

    @Test("the concept map's SVG is well-formed XML with no script, no event handler and no javascript: link")
    func conceptMapSVG() throws {
        let data = try Exporter.renderMap(ConceptMap(Self.graph), format: .svg)
        #expect(XMLValidation.parse(data).error == nil)
        #expect(Self.activeContent(xml: data).isEmpty)
    }

    @Test("the HTML map parses with libxml2's HTML parser and holds no script or handler")
    func html() throws {
        let page = try Exporter.htmlMap(Self.graph, title: Self.hostile)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let document = try #require(page.withCString { htmlReadMemory($0, Int32(strlen($0)), "map.html", "UTF-8", options) })
        defer { xmlFreeDoc(document) }
        let context = try #require(xmlXPathNewContext(document))
        defer { xmlXPathFreeContext(context) }
        func count(_ expression: String) -> Int {
            guard let result = expression.withCString({
                $0.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlXPathEvalExpression($0, context) }
            }) else { return -1 }
            defer { xmlXPathFreeObject(result) }
            return Int(result.pointee.nodesetval?.pointee.nodeNr ?? 0)
        }
        #expect(count("//*[local-name()='script']") == 0)
        #expect(count("//@*[starts-with(local-name(), 'on')]") == 0)
        #expect(count("//@href[starts-with(., 'javascript:')]") == 0)
        #expect(count("//*[local-name()='svg']") == 1, "the drawing is embedded once, not closed early")
    }

    @Test("DOT is accepted by Graphviz's own parser")
    func dot() throws {
        let text = try Exporter.dot(Self.graph)
        let output = try ExternalTools.run("dot", ["-Tjson"], stdin: Data(text.utf8))
        #expect(output.status == 0, "\(output.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        let labels = (json?["objects"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(labels.count >= Self.graph.nodeCount)
    }

    @Test("node-link JSON parses and gives back every name (C0 controls dropped, as in every format)")
    func json() throws {
        let text = Exporter.nodeLinkJSON(Self.graph)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let names = nodes.compactMap { $0["name"] as? String }
        #expect(names.contains("Paper " + Self.hostileInXML))
        #expect(names.contains("Bench " + Self.hostileInXML))
    }

    @Test("CSV parses with Python's csv module: one row per node, names intact")
    func csv() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Exporter.writeCSV(Self.graph, to: dir.path)
        let script = """
            import csv, json, pathlib, sys
            out = {}
            for f in sorted(pathlib.Path(sys.argv[1]).rglob('*.csv')):
                with open(f, newline='', encoding='utf-8') as h:
                    out[str(f.relative_to(sys.argv[1]))] = list(csv.reader(h))
            print(json.dumps(out))
            """
        let output = try ExternalTools.run("python3", ["-c", script, dir.path])
        #expect(output.status == 0, "\(output.stderr)")
        let files = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: [[String]]])
        #expect(!files.isEmpty)
        for (name, rows) in files {
            let width = rows.first?.count ?? 0
            #expect(rows.allSatisfy { $0.count == width }, "\(name): ragged rows")
        }
        let cells = files.values.flatMap { $0.flatMap { $0 } }
        #expect(cells.contains("Paper " + Self.hostile) || cells.contains("Paper " + Self.hostileInXML))
    }

    @Test("N-Triples parses with rdflib and gives back the title")
    func nTriples() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("graph.nt")
        try Exporter.write(Exporter.nTriples(Self.graph, namespace: "https://papergraph.dev/ontology#"), to: file.path)
        let script = """
            import json, sys, rdflib
            g = rdflib.Graph()
            g.parse(sys.argv[1], format='nt')
            print(json.dumps([str(o) for o in g.objects() if isinstance(o, rdflib.Literal)]))
            """
        let output = try ExternalTools.run("python3", ["-c", script, file.path])
        #expect(output.status == 0, "\(output.stderr)")
        let literals = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String])
        #expect(literals.contains("Paper " + Self.hostile) || literals.contains("Paper " + Self.hostileInXML))
    }

    // MARK: In a browser

    @Test("Chromium runs no script from the SVG or the HTML map; a live control page shows it would notice",
          .disabled(if: ExternalTools.skipBrowser, "PAPERGRAPH_SKIP_BROWSER=1"))
    func browser() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svg = dir.appendingPathComponent("graph.svg"), html = dir.appendingPathComponent("map.html")
        try Exporter.write(Exporter.render(Self.graph, format: .svg), to: svg.path)
        try Exporter.write(Exporter.htmlMap(Self.graph, title: Self.hostile), to: html.path)
        let liveHTML = dir.appendingPathComponent("control.html"), liveSVG = dir.appendingPathComponent("control.svg")
        try Data("<html><body><img src=x onerror=\"\(Self.mark)\"></body></html>".utf8).write(to: liveHTML)
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>\(Self.mark)</script></svg>".utf8).write(to: liveSVG)

        for control in [liveHTML, liveSVG] {
            #expect(try ExternalTools.dumpDOM(control).contains("data-pwned=\"1\""),
                    "the control page \(control.lastPathComponent) ran its script: the check can see a live one")
        }
        for exported in [svg, html] {
            let dom = try ExternalTools.dumpDOM(exported)
            #expect(dom.contains("Paper "), "\(exported.lastPathComponent) rendered")
            #expect(!dom.contains("data-pwned=\"1\""), "\(exported.lastPathComponent) ran an injected script")
        }
    }
}
