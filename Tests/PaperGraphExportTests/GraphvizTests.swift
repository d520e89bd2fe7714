import PaperGraphTestSupport
import CGraphviz
import Foundation
import PaperGraphModel
import Testing
@testable import PaperGraphExport

@Suite(.serialized) struct GraphvizTests {
    let graph = TestGraphs.sample()

    /// Runs `/usr/bin/dot` on a DOT file; returns its exit status and standard error.
    func runDot(_ path: String, format: String = "svg") throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        process.arguments = ["-T\(format)", "-o", "/dev/null", path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    @Test(arguments: LayoutEngine.allCases)
    func dotCommandAcceptsEveryDOTWeWrite(engine: LayoutEngine) throws {
        let dir = try TestGraphs.temporaryDirectory()
        let files = [("graph.dot", try Exporter.dot(graph, engine: engine)),
                     ("map.dot", try Exporter.mapDOT(ConceptMap(graph), engine: engine))]
        for (name, text) in files {
            try Exporter.write(text, to: dir + "/" + name)
            let (status, message) = try runDot(dir + "/" + name)
            #expect(status == 0, "dot rejected \(name): \(message)")
            #expect(!message.contains("syntax error"))
        }
    }

    /// cgraph reads back exactly the labels we meant: hostile characters
    /// survive DOT quoting, and escString escapes keep backslashes literal.
    @Test func hostileLabelsSurviveARoundTripThroughCgraph() throws {
        let text = try Exporter.dot(graph)
        // cgraph is not thread-safe: read back inside the engine's serial context.
        let labels = try GraphvizEngine.shared.serially { () throws(ExportError) -> [String: String] in
            guard let g = agmemread(text) else { throw .graphviz(step: "agmemread", detail: "") }
            defer { agclose(g) }
            var labels: [String: String] = [:]
            var node = agfstnode(g)
            while let n = node {
                let name = String(cString: agnameof(UnsafeMutableRawPointer(n)))
                labels[name] = cString("label") { agget(UnsafeMutableRawPointer(n), $0) }.map { String(cString: $0) }
                node = agnxtnode(g, n)
            }
            return labels
        }
        let order = StableOrder(graph)
        let evil = try #require(graph.index(of: NodeID(.method, TestGraphs.hostile)))
        let expected = DotGraph.label(TestGraphs.hostile, limit: 40)
        #expect(labels[order.nodeID(evil)] == expected)
        // Unescaping the escString gives the visible text back (minus forbidden characters).
        let unescaped = expected.replacingOccurrences(of: "\\n", with: " ").replacingOccurrences(of: "\\\\", with: "\\")
            .replacingOccurrences(of: "&amp;", with: "&")
        #expect(unescaped.hasPrefix("Evil \"quote\" \\ back\\N\\G {brace} </svg><"))
        #expect(labels.count == graph.nodeCount + Set(graph.nodes.map(\.kind)).count)
    }

    @Test func svgIsWellFormedWithOneNodeGroupPerNodeAndNoScript() throws {
        let svg = try Exporter.render(graph, format: .svg, engine: .dot)
        #expect(XMLValidation.parse(svg).error == nil)
        let titles = XMLValidation.xpath(svg, "//*[local-name()='g'][@class='node']/*[local-name()='title']")
        let order = StableOrder(graph)
        let expected = graph.nodes.indices.map(order.nodeID) + Set(graph.nodes.map(\.kind)).map { "legend_\($0.rawValue)" }
        #expect(titles.sorted() == expected.sorted())
        #expect(XMLValidation.xpath(svg, "//*[local-name()='script']").isEmpty)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(!text.contains("<script"))
        #expect(!text.contains("javascript:"))
        // Links go to papers and repositories.
        let links = XMLValidation.xpath(svg, "//*[local-name()='a']/@*[local-name()='href']")
        #expect(links.contains("https://arxiv.org/abs/2409.12917"))
        #expect(links.contains("https://github.com/Owner/Repo"))
        // The tooltip of a paper carries its title and the first sentence of the abstract.
        #expect(XMLValidation.xpath(svg, "//*[local-name()='a']/@*[local-name()='title']")
            .contains("Solving MATH with MCTS\n\nWe propose X."))
        // The whole hostile title arrives in the tooltip as text: markup escaped,
        // backslashes literal, forbidden characters dropped, line breaks kept.
        let visible = TestGraphs.xmlVisible(TestGraphs.hostile).replacingOccurrences(of: "\r\n", with: "\n")
        // (Graphviz writes the second of two spaces as a no-break space so SVG keeps it.)
        let tips = XMLValidation.xpath(svg, "//*[local-name()='a']/@*[local-name()='title']")
            .map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
        #expect(tips.contains(visible + "\n\n" + visible + "."))
    }

    @Test(arguments: [LayoutEngine.neato, .fdp, .sfdp, .circo])
    func everyEngineRendersWellFormedSVG(engine: LayoutEngine) throws {
        let svg = try Exporter.render(graph, format: .svg, engine: engine)
        #expect(XMLValidation.parse(svg).error == nil)
        #expect(XMLValidation.xpath(svg, "//*[local-name()='g'][@class='node']").count
                == graph.nodeCount + Set(graph.nodes.map(\.kind)).count)
    }

    @Test func pngAndPdfAreRendered() throws {
        let png = try Exporter.render(graph, format: .png, engine: .dot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let pdf = try Exporter.render(graph, format: .pdf, engine: .dot)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
    }

    @Test func rendersFromManyTasksAtOnce() async throws {
        let graph = self.graph
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<6 { group.addTask { try Exporter.render(graph, format: .svg, engine: .dot).count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sizes.count == 6 && Set(sizes).count == 1)
    }
}

@Suite struct GraphvizPluginTests {
    /// The fallback for Graphviz 2.42's "Layout type: dot not recognized": a
    /// context created without the plugin configuration has no layouts until
    /// the plugin libraries beside libgvc are loaded explicitly.
    @Test func pluginsLoadExplicitlyWhenTheConfigurationIsMissing() throws {
        let (before, after, rendered) = try GraphvizEngine.shared.serially {
            () throws(ExportError) -> (Bool, Bool, Bool) in
            guard let gvc = gvContextPlugins(nil, 0) else { throw .graphviz(step: "gvContextPlugins", detail: "") }
            defer { gvFreeContext(gvc) }
            let before = GraphvizEngine.hasPlugin(gvc, kind: "layout", named: "dot")
            GraphvizEngine.loadBundledPlugins(into: gvc)
            let after = GraphvizEngine.hasPlugin(gvc, kind: "layout", named: "dot")
                && GraphvizEngine.hasPlugin(gvc, kind: "layout", named: "sfdp")
                && GraphvizEngine.hasPlugin(gvc, kind: "render", named: "svg")
            guard let g = agmemread("digraph { a -> b }") else { return (before, after, false) }
            defer { agclose(g) }
            guard gvLayout(gvc, g, "dot") == 0 else { return (before, after, false) }
            defer { gvFreeLayout(gvc, g) }
            var out: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let ok = gvRenderData(gvc, g, "svg", &out, &length) == 0 && length > 0
            gvFreeRenderData(out)
            return (before, after, ok)
        }
        #expect(!before)
        #expect(after)
        #expect(rendered)
    }
}
