import Foundation
import PaperGraph
import Testing

/// Inputs built to hurt: each must end with a clear message within bounded
/// time and memory, never a crash.
///
/// Covered elsewhere, not repeated here: XXE (external general and parameter
/// entities) and "billion laughs" in `PaperGraphIngestTests/XMLSafetyTests`;
/// invalid UTF-8 and NUL bytes in `PaperGraphIngestTests/BadInputTests`;
/// catastrophic-backtracking `=~` patterns and `MATCH (a)-[*]-(b)` on a dense
/// graph ending at the timeout in `PaperGraphQueryTests/EngineTests`
/// (`catastrophicRegexIsStopped`, `runawayQueryStopsAtTheTimeout`).
@Suite struct HostileInputTests {
    /// What one ingest produced.
    struct Read {
        var titles: [String] = []
        var warnings: [String] = []
        var summary = IngestSummary()
    }

    static func ingest(bytes: [UInt8], as format: InputFormat?) throws -> Read {
        var read = Read()
        read.summary = try Ingestor(options: IngestOptions(format: format)).read(
            bytes: bytes, name: "hostile-input",
            onItem: { if case .paper(let record) = $0 { read.titles.append(record.title) } },
            onWarning: { read.warnings.append($0.description) })
        return read
    }

    static func ingest(file: String, as format: InputFormat?) throws -> Read {
        var read = Read()
        read.summary = try Ingestor(options: IngestOptions(format: format)).read(
            inputs: [file],
            onItem: { if case .paper(let record) = $0 { read.titles.append(record.title) } },
            onWarning: { read.warnings.append($0.description) })
        return read
    }

    /// Writes `head`, `count` filler bytes with no newline, then `tail` to a temporary file.
    static func fileWithLongLine(head: String, count: Int, filler: UInt8, tail: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pg-longline-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(head.utf8))
        let chunk = Data(repeating: filler, count: 1 << 22)
        var left = count
        while left > 0 {
            let n = min(left, chunk.count)
            try handle.write(contentsOf: chunk.prefix(n))
            left -= n
        }
        try handle.write(contentsOf: Data(tail.utf8))
        return url
    }

    static let hundredMB = 100 << 20

    @Test("a 100 MB JSON line is skipped with a warning; the lines around it are kept")
    func hugeJSONLine() throws {
        let before = #"{"id": "2401.00001", "title": "Before", "abstract": "A."}"# + "\n"
        let after = "\n" + #"{"id": "2401.00002", "title": "After", "abstract": "B."}"# + "\n"
        let file = try Self.fileWithLongLine(head: before + #"{"id": "2401.00003", "title": ""#,
                                             count: Self.hundredMB, filler: UInt8(ascii: "a"), tail: "\"}" + after)
        defer { try? FileManager.default.removeItem(at: file) }
        let read = try Self.ingest(file: file.path, as: .jsonl)
        #expect(read.titles == ["Before", "After"])
        #expect(read.summary.skipped == 1)
        #expect(read.warnings.contains { $0.hasPrefix("\(file.path):2: ") }, "\(read.warnings)")
    }

    @Test("a 100 MB listing line is skipped with a warning; the papers around it are kept")
    func hugeListingLine() throws {
        let header = "Daily Papers\n\nbyAK and the research community\n\nJul 30\n\n"
        // Abstracts are paragraphs of at least 200 bytes (ListingReader.minimumAbstractLength).
        let abstract = String(repeating: "We study a method and evaluate it on a benchmark. ", count: 5)
        let first = "First Paper Title\n\n\(abstract)\n\n"
        let last = "\n\nLast Paper Title\n\n\(abstract)\n"
        let file = try Self.fileWithLongLine(head: header + first, count: Self.hundredMB,
                                             filler: UInt8(ascii: "x"), tail: last)
        defer { try? FileManager.default.removeItem(at: file) }
        let read = try Self.ingest(file: file.path, as: .listing)
        #expect(read.titles == ["First Paper Title", "Last Paper Title"])
        #expect(read.summary.skipped == 1)
        #expect(read.warnings == ["\(file.path):11: line longer than the limit, skipped"])
    }

    @Test("a JSON line nested 10⁶ deep is skipped with 'nesting too deep'; the next line is kept")
    func deeplyNestedJSON() throws {
        let deepLine = #"{"id": "2401.00003", "title": "Deep", "abstract": "C.", "x": "# + String(repeating: "[", count: Self.deep)
        let text = deepLine + "\n" + #"{"id": "2401.00002", "title": "After", "abstract": "B."}"# + "\n"
        let read = try Self.ingest(bytes: Array(text.utf8), as: .jsonl)
        #expect(read.titles == ["After"])
        #expect(read.summary.skipped == 1)
        #expect(read.warnings.count == 1 && read.warnings[0].hasPrefix("hostile-input:1: ")
                && read.warnings[0].contains("nesting too deep"), "\(read.warnings)")
    }

    static let deep = 1_000_000

    @Test("10⁶-deep XML stops at libxml2's depth limit with an error naming file and line", arguments: [
        (InputFormat.atom, #"<feed xmlns="http://www.w3.org/2005/Atom"><entry>"#),
        (.oaipmh, #"<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record>"#),
        (.graphml, #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">"#),
    ])
    func deeplyNestedXML(format: InputFormat, opening: String) throws {
        var bytes = Array(opening.utf8)
        bytes.reserveCapacity(bytes.count + Self.deep * 3)
        for _ in 0..<Self.deep { bytes += [0x3C, 0x61, 0x3E] } // <a>
        let read = try Self.ingest(bytes: bytes, as: format)
        #expect(read.titles.isEmpty)
        #expect(read.summary.skipped >= 1)
        #expect(read.warnings.contains { $0.hasPrefix("hostile-input:1: ") && $0.contains("depth") }, "\(read.warnings)")
    }

    @Test("10⁶-deep HTML is parsed (libxml2 caps the tree) and reported as holding no papers")
    func deeplyNestedHTML() throws {
        var bytes = Array("<html><body>".utf8)
        for _ in 0..<Self.deep { bytes += Array("<div>".utf8) }
        bytes += Array("</body></html>".utf8)
        let read = try Self.ingest(bytes: bytes, as: .html)
        #expect(read.titles.isEmpty)
        #expect(read.summary.skippedInputs == 1)
        #expect(read.warnings == ["hostile-input:1: no papers found (neither an arXiv listing nor a Hugging Face papers page)"])
    }
}

/// The extractor on an abstract built to make it work hard.
@Suite struct HostileAbstractTests {
    static let ontology = Result { try Ontology.load(from: SampleBuildTests.ontologyDirectory) }

    @Test("an abstract with 100,000 URLs keeps the first links only, and says so")
    func hundredThousandURLs() throws {
        let ontology = try Self.ontology.get()
        let urls = (0..<100_000).map { "https://github.com/owner\($0)/repo\($0)" }
        let record = PaperRecord(title: "Links", abstract: "Code: " + urls.joined(separator: " , "),
                                 sourceFormat: "listing", location: SourceLocation(file: "hostile", line: 1))
        let extraction = Extractor(ontology: ontology).extract(record)
        #expect(extraction.repositories.map(\.name) == urls.prefix(Extractor.maximumLinks).map { String($0.dropFirst(8)) })
        #expect(extraction.notes == ["kept the first \(Extractor.maximumLinks) links; "
                                     + "\(100_000 - Extractor.maximumLinks) more distinct links were dropped"])
        // The abstract is one "sentence" of 4 MB: evidence carries a window of it, not a copy each.
        #expect(extraction.repositories.allSatisfy { $0.evidence.sentence.utf8.count <= 1000 })
        #expect(extraction.repositories.allSatisfy { $0.evidence.sentence.contains($0.name) })
        let line = ExtractionJSON.line(for: record, extraction: extraction)
        #expect(line.hasSuffix(#","notes":["kept the first 100 links; 99900 more distinct links were dropped"]}"#))
    }
}

/// Queries built to exhaust the stack: parsing, binding, evaluating and freeing
/// recurse over the query, so its nesting and length are bounded (256, like
/// libxml2's depth limit) and beyond that it is a syntax error with a caret.
///
/// Catastrophic `=~` patterns and `MATCH (a)-[*]-(b)` on a dense graph are in
/// `PaperGraphQueryTests/EngineTests` (`catastrophicRegexIsStopped`,
/// `runawayQueryStopsAtTheTimeout`).
@Suite struct HostileQueryTests {
    static let engine = QueryEngine(graph: KnowledgeGraph())

    static func message(_ query: String) -> String? {
        do {
            _ = try engine.run(query, limits: QueryLimits(timeout: 5))
            return nil
        } catch let error as QueryError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test("deeply nested or very long queries end with a syntax error, not a stack overflow", arguments: [
        ("RETURN " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000), "nested more than 256"),
        ("RETURN " + Array(repeating: "1", count: 10_000).joined(separator: "+"), "nested more than 256"),
        ("RETURN " + String(repeating: "NOT ", count: 10_000) + "true", "nested more than 256"),
        ("RETURN " + String(repeating: "-", count: 10_000) + "1", "nested more than 256"),
        ("RETURN " + String(repeating: "[", count: 10_000), "nested more than 256"),
        ("RETURN {a: 1}" + String(repeating: ".a", count: 10_000), "nested more than 256"),
        ("RETURN [1]" + String(repeating: "[0]", count: 10_000), "nested more than 256"),
        (String(repeating: "WITH 1 AS x ", count: 10_000) + "RETURN x", "more than 256 clauses"),
        ("MATCH (a)" + String(repeating: "--()", count: 10_000) + " RETURN count(*)", "more than 256 node patterns"),
        ("MATCH " + (0..<10_000).map { "(b\($0))" }.joined(separator: ", ") + " RETURN count(*)", "more than 256 node patterns"),
    ])
    func stackExhaustion(query: String, expected: String) {
        let message = Self.message(query)
        #expect(message?.contains(expected) == true, "\(message ?? "no error")")
    }

    @Test("queries just inside the limits still run")
    func withinLimits() throws {
        let nested = "RETURN " + String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200) + " AS x"
        #expect(try Self.engine.run(nested).rows == [[.int(1)]])
        let sum = "RETURN " + Array(repeating: "1", count: 200).joined(separator: " + ") + " AS x"
        #expect(try Self.engine.run(sum).rows == [[.int(200)]])
        let clauses = String(repeating: "WITH 1 AS x ", count: 200) + "RETURN x"
        #expect(try Self.engine.run(clauses).rows == [[.int(1)]])
    }
}
