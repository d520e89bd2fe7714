import CLibXML2
import Foundation
import PaperGraphModel
import PaperGraphTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import PaperGraphExport

/// The GraphML writer formats bytes itself; these tests hold its escaping to
/// libxml2's `xmlTextWriter` (which wrote the files before, and whose output
/// the files must keep matching byte for byte) and read every special
/// character class back through libxml2's parser.
@Suite struct GraphMLEscapingTests {
    /// One string per character class that escaping or cleaning treats apart.
    static let samples: [String] = {
        var samples = [
            "", "plain ASCII", "&", "<", ">", "\"", "'", "&amp; &lt; literal entities", "]]> CDATA end",
            "<script>alert(\"x\" & 'y')</script>", "tab\there", "new\nline", "carriage\rreturn", "win\r\nline",
            "\u{7F} DEL", "\u{85} NEL \u{9F} C1", "\u{2028} LS \u{2029} PS", "\u{FFFE} \u{FFFF} non-characters",
            "zero-width no-break\u{FEFF}space \u{FFEE} \u{FFFD} \u{F000} other EF-led", "é ünï 数学 \u{202E}bidi\u{200F}",
            "😀 \u{10000} \u{10FFFF} non-BMP", "e\u{301} combining", "back\\slash \\N \\u0041 /",
            String(repeating: "long <&\"> text 😀\t\u{1}\r\n ", count: 40_000),
        ]
        // Every C0 control alone and between text.
        for v in UInt32(0x01)...0x1F { samples.append("a\(Character(Unicode.Scalar(v)!))b") }
        samples.append(String(String.UnicodeScalarView((1...0x7F).map { Unicode.Scalar(UInt32($0))! })))
        return samples
    }()

    /// `<data key="value">value</data>` as libxml2's writer spells it, after
    /// ``XMLText/clean(_:)`` (the old writer's order: clean, then libxml2).
    static func libxml2Data(_ value: String) -> [UInt8] {
        let buffer = xmlBufferCreate()!
        defer { xmlBufferFree(buffer) }
        let writer = xmlNewTextWriterMemory(buffer, 0)!
        let clean = XMLText.clean(value)
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
        xmlChars("data") { _ = xmlTextWriterStartElement(writer, $0) }
        xmlChars("key") { name in xmlChars(clean) { _ = xmlTextWriterWriteAttribute(writer, name, $0) } }
        xmlChars(clean) { _ = xmlTextWriterWriteString(writer, $0) }
        xmlTextWriterEndDocument(writer)
        xmlFreeTextWriter(writer)
        let bytes = Array(UnsafeBufferPointer(start: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer))))
        // Drop the XML declaration line and the final newline.
        let start = bytes.firstIndex(of: UInt8(ascii: "<"), after: bytes.firstIndex(of: UInt8(ascii: "\n"))!)
        return Array(bytes[start..<bytes.index(before: bytes.endIndex)])
    }

    static func ours(_ body: (inout GraphMLBytes) -> Void) -> [UInt8] {
        var out = GraphMLBytes(capacity: 16)
        body(&out)
        return Array(out.bytes)
    }

    @Test("text and attribute values are escaped exactly as libxml2's xmlTextWriter escapes them",
          arguments: samples.indices)
    func textAndAttributeMatchLibxml2(_ sample: Int) {
        let value = Self.samples[sample]
        let mine = Self.ours { out in
            out.raw("<data key=\"")
            out.attribute(value)
            out.raw("\">")
            out.text(value)
            out.raw("</data>")
        }
        #expect(mine == Self.libxml2Data(value), "sample \(sample)")
    }

    @Test("a JSON string in text is JSONText's literal escaped as libxml2 escapes text", arguments: samples.indices)
    func jsonStringMatchesJSONTextThroughLibxml2(_ sample: Int) {
        let value = Self.samples[sample]
        var json = JSONText()
        json.string(value)
        let viaLibxml2 = Self.libxml2Data(json.text)
        let text = viaLibxml2[viaLibxml2.firstIndex(of: UInt8(ascii: ">"))! + 1 ..< viaLibxml2.count - "</data>".utf8.count]
        #expect(Self.ours { $0.jsonStringText(value) } == Array(text), "sample \(sample)")
    }

    /// The writer skips eight bytes at a time while none needs escaping: each
    /// special character at every offset in and around such a word.
    @Test("a special character anywhere in a word of plain text is found")
    func specialsAtEveryOffsetMatchLibxml2() {
        let specials = ["&", "<", ">", "\"", "\t", "\n", "\r", "\u{1}", "\u{1F}", "\\", "\u{FFFE}", "\u{FFFF}",
                        "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{2027}", "é", "😀"]
        for special in specials {
            for offset in 0..<20 {
                let value = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset)
                let mine = Self.ours { out in
                    out.raw("<data key=\"")
                    out.attribute(value)
                    out.raw("\">")
                    out.text(value)
                    out.raw("</data>")
                }
                #expect(mine == Self.libxml2Data(value), "\(special.unicodeScalars.map(\.value)) at \(offset)")
                var json = JSONText()
                json.string(value)
                let viaLibxml2 = Self.libxml2Data(json.text)
                let text = viaLibxml2[viaLibxml2.firstIndex(of: UInt8(ascii: ">"))! + 1 ..< viaLibxml2.count - 7]
                #expect(Self.ours { $0.jsonStringText(value) } == Array(text), "\(special.unicodeScalars.map(\.value)) at \(offset)")
            }
        }
    }

    @Test("integers are spelled as String(_:) spells them",
          arguments: [0, 1, 9, 10, 99, 100, 12345, -1, -10, Int.max, Int.min])
    func decimal(_ value: Int) {
        #expect(Self.ours { $0.decimal(value) } == Array(String(value).utf8))
    }

    /// A graph whose names, keys, properties and evidence are the samples; the
    /// file must parse and give every value back (less what XML 1.0 forbids).
    @Test("every special character class survives a GraphML round trip through libxml2")
    func roundTripThroughLibxml2() throws {
        var graph = KnowledgeGraph()
        let paper = graph.upsert(Node(id: NodeID(kind: .paper, normalizedKey: "2401.00001"), name: "P",
                                      properties: ["list": .strings(Self.samples)]))
        for (i, sample) in Self.samples.enumerated() {
            let method = graph.upsert(Node(id: NodeID(kind: .method, normalizedKey: "m\(i)"), name: sample,
                                           properties: ["note": .string(sample)]))
            graph.addEdge(from: paper, relation: .uses, to: method,
                          evidence: [Evidence(rule: sample, field: .abstract, sentence: sample, start: i, end: -i)])
        }
        let data = try Exporter.graphML(graph)
        #expect(XMLValidation.validate(data, schema: TestGraphs.fixture("graphml.xsd")) == [])
        let read = try #require(Self.dataValues(data))
        let order = StableOrder(graph)
        for (i, sample) in Self.samples.enumerated() {
            let position = order.position[graph.index(of: NodeID(kind: .method, normalizedKey: "m\(i)"))!]
            let node = try #require(read["n\(position)"]), visible = TestGraphs.xmlVisible(sample)
            #expect(node["n_name"] == visible, "sample \(i)")
            #expect(node["n_label"] == visible, "sample \(i)")
            #expect(node["n_note"] == visible, "sample \(i)")
            let edge = try #require(read.values.first { $0["target"] == "n\(position)" })
            let items = try JSONSerialization.jsonObject(with: Data(try #require(edge["e_evidence"]).utf8)) as? [[String: Any]]
            #expect(items?.first?["sentence"] as? String == visible, "sample \(i)")
            #expect(items?.first?["rule"] as? String == visible, "sample \(i)")
            #expect(items?.first?["start"] as? Int == i && items?.first?["end"] as? Int == -i)
        }
        let list = try #require(read["n0"]?["n_list"])
        #expect(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [String] == Self.samples.map(TestGraphs.xmlVisible))
    }

    /// Parses the document once with libxml2: node or edge id → (data key → text),
    /// with the edge's `target` too.
    static func dataValues(_ data: Data) -> [String: [String: String]]? {
        guard let doc = XMLValidation.parse(data).doc else { return nil }
        defer { xmlFreeDoc(doc) }
        func children(_ node: xmlNodePtr?) -> [xmlNodePtr] {
            var list: [xmlNodePtr] = [], child = node?.pointee.children
            while let c = child { if c.pointee.type == XML_ELEMENT_NODE { list.append(c) }; child = c.pointee.next }
            return list
        }
        func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
            guard let value = xmlGetProp(node, name) else { return nil }
            defer { free(value) }
            return String(cString: value)
        }
        var values: [String: [String: String]] = [:]
        for graph in children(xmlDocGetRootElement(doc)) where String(cString: graph.pointee.name) == "graph" {
            for element in children(graph) {
                guard let id = attribute(element, "id") else { continue }
                var row: [String: String] = [:]
                row["target"] = attribute(element, "target")
                for item in children(element) {
                    guard let key = attribute(item, "key"), let content = xmlNodeGetContent(item) else { continue }
                    row[key] = String(cString: content)
                    free(content)
                }
                values[id] = row
            }
        }
        return values
    }
}

@Suite struct GraphMLFileOutputTests {
    /// Enough nodes that the document spans several chunks, so the writer thread
    /// takes many hand-overs.
    static let large: KnowledgeGraph = {
        var graph = KnowledgeGraph()
        let text = String(repeating: "An abstract with <markup> & \"quotes\" and 😀. ", count: 40)
        var previous: Int?
        for i in 0..<2_000 {
            let paper = graph.upsert(Node(id: NodeID(kind: .paper, normalizedKey: "p\(i)"), name: "Paper \(i)",
                                          properties: ["abstract": .string(text), "year": .int(i)]))
            if let previous {
                graph.addEdge(from: paper, relation: .uses, to: previous,
                              evidence: [Evidence(rule: "r", field: .abstract, sentence: text, start: 0, end: i)])
            }
            previous = paper
        }
        return graph
    }()

    @Test("a document of many chunks streams to the same bytes as the in-memory document", arguments: [false, true])
    func multiChunkFileEqualsInMemoryDocument(yed: Bool) throws {
        let dir = try TestGraphs.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let expected = try Exporter.graphML(Self.large, yed: yed)
        #expect(expected.count > 3 << 20)
        try Exporter.writeGraphML(Self.large, yed: yed, to: dir + "/g.graphml")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/g.graphml")) == expected)
    }

    @Test("a failing write (a full device) fails the export with the file and errno, and ends the writer thread")
    func writeFailureIsReported() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0, "/dev/full is missing")
        defer { close(fd) }
        #expect(throws: ExportError.io(path: "out.graphml", step: "write", reason: "No space left on device")) {
            try GraphMLWriter(graph: Self.large, yed: false).write(toFileDescriptor: fd, path: "out.graphml")
        }
    }
}

/// Passes a Swift string to libxml2 as `const xmlChar *`.
private func xmlChars<T>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> T) -> T {
    s.withCString { $0.withMemoryRebound(to: xmlChar.self, capacity: 1, body) }
}

private extension Array where Element == UInt8 {
    func firstIndex(of byte: UInt8, after index: Int) -> Int {
        self[(index + 1)...].firstIndex(of: byte)!
    }
}
