import Foundation
import Testing
import PaperGraphModel
@testable import PaperGraphIngest

/// Bad input never crashes and never loses what was read.
@Suite struct BadInputTests {
    private func snapshotLines() throws -> [String] {
        try String(contentsOfFile: fixture("arxiv-snapshot.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test func malformedJSONLineIsSkippedAndTheRunGoesOn() throws {
        let lines = try snapshotLines()
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let broken = String(lines[1].prefix(120))  // cut mid-string
        let path = try dir.write("broken.jsonl", [lines[0], broken, "", lines[2], "{\"id\": \"1\", \"abstract\": \"x\"}", "[1]"]
            .joined(separator: "\n"))
        let result = try ingest([path])
        #expect(result.papers.map(\.location.line) == [1, 4])
        #expect(result.summary.skipped == 3)
        #expect(result.warnings.map(\.description) == [
            "\(path):2: invalid JSON at column 121: unterminated string",
            "\(path):5: record has no title",
            "\(path):6: invalid JSON at column 1: a line must hold one JSON object",
        ])
    }

    @Test func invalidUTF8IsRepairedWithReplacementCharacterAndWarned() throws {
        let lines = try snapshotLines()
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        // Latin-1 "é" (0xE9) inside the title of the first record.
        var bytes = Array(lines[0].utf8)
        let title = try #require(lines[0].range(of: "OrbitZero: Improving"))
        let offset = lines[0].utf8.distance(from: lines[0].utf8.startIndex, to: title.lowerBound) + 9
        bytes.insert(0xE9, at: offset)
        let path = try dir.write("latin1.jsonl", bytes + [0x0A] + Array(lines[1].utf8))
        let result = try ingest([path])
        #expect(result.papers.count == 2)
        #expect(result.papers[0].title.hasPrefix("OrbitZero\u{FFFD}: Improving"))
        #expect(result.summary.repaired == 1 && result.summary.skipped == 0)
        #expect(result.warnings.map(\.description) == ["\(path):1: invalid UTF-8 replaced with U+FFFD"])

        let listing = try dir.write("latin1.txt", Array("A Caf".utf8) + [0xE9] + Array(" Title\n\n\(sampleAbstract)\n".utf8))
        let text = try ingest([listing])
        #expect(text.papers.map(\.title) == ["A Caf\u{FFFD} Title"])
        #expect(text.summary.repaired == 1)
    }

    @Test func nulBytesSkipTheRecordInJSONAndAreDroppedFromText() throws {
        let lines = try snapshotLines()
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        var bytes = Array(lines[0].utf8)
        bytes.insert(0, at: 35)  // inside the "submitter" string
        let path = try dir.write("nul.jsonl", bytes + [0x0A] + Array(lines[1].utf8) + [0x0A])
        let result = try ingest([path])
        #expect(result.papers.map(\.location.line) == [2])
        #expect(result.warnings.map(\.description) == ["\(path):1: invalid JSON at column 36: NUL byte inside a string"])

        let listing = try dir.write("nul.txt", Array("Title\0 One\n\n\(sampleAbstract)\n".utf8))
        let text = try ingest([listing])
        #expect(text.papers.map(\.title) == ["Title One"])
    }

    @Test func truncatedGzipKeepsTheRecordsReadSoFar() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: fixture("arxiv-snapshot.jsonl.gz")))
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("cut.jsonl.gz", Array(whole.prefix(whole.count * 2 / 3)))
        let result = try ingest([path])
        let all = try ingest([fixture("arxiv-snapshot.jsonl")])
        #expect(!result.papers.isEmpty && result.papers.count < all.papers.count)
        #expect(result.papers == Array(all.papers.prefix(result.papers.count)).map {
            var record = $0
            record.location.file = path
            return record
        })
        // The cut line is skipped, then the truncation is reported.
        #expect(result.summary.skipped == 1)
        #expect(result.warnings.count == 2)
        #expect(result.warnings.last?.reason == "gzip stream is truncated; the \(result.papers.count) records read before it were kept")
    }

    @Test func corruptGzipIsReportedNotThrown() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: fixture("arxiv-snapshot.jsonl.gz"))))
        for i in 200..<260 { bytes[i] ^= 0x5A }
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let result = try ingest([try dir.write("corrupt.jsonl.gz", bytes)])
        #expect(result.warnings.contains { $0.reason.hasPrefix("gzip stream is corrupt") })
    }

    @Test func emptyFileIsSkippedWithWarning() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("empty.jsonl", [])
        let result = try ingest([path])
        #expect(result.papers.isEmpty)
        #expect(result.summary.skipped == 1 && result.summary.skippedInputs == 1)
        #expect(result.warnings.map(\.description) == ["\(path):1: empty input"])
    }

    @Test func unknownFormatNamedExplicitlyThrowsNamingTheFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("paper.pdf", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00, 0xFF])
        let error = try #require(throws: IngestError.self) { try ingest([path]) }
        #expect(error.file == path)
        #expect(error.description.hasPrefix("\(path): unknown format"))
    }

    @Test func missingInputThrows() throws {
        let error = try #require(throws: IngestError.self) { try ingest(["/nonexistent/papers.jsonl"]) }
        #expect(error.description == "/nonexistent/papers.jsonl: no such file or directory")
    }

    @Test func directoryOfMixedFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let lines = try snapshotLines()
        try dir.write("a/snapshot.jsonl", lines[0] + "\n")
        try dir.write("b/feed.xml", try String(contentsOfFile: fixture("arxiv-atom-api.xml"), encoding: .utf8))
        try dir.write("c/listing.txt", "Some Title\n\n\(sampleAbstract)\n")
        try dir.write("d/notes.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>")
        try dir.write("e/empty.jsonl", "")
        try dir.write(".hidden/secret.jsonl", lines[1] + "\n")
        try dir.write("f/page.html", try String(contentsOfFile: fixture("arxiv-list-new.html"), encoding: .utf8))
        let result = try ingest([dir.path])
        #expect(result.summary.files == 6)
        #expect(result.papers.count == 1 + 10 + 1 + 3)
        #expect(Set(result.papers.map(\.sourceFormat)) == ["jsonl", "atom", "listing", "html"])
        #expect(result.summary.skippedInputs == 2)
        #expect(result.warnings.map(\.location.file) == [dir.path + "/d/notes.rss", dir.path + "/e/empty.jsonl"])
        #expect(!result.papers.contains { $0.location.file.contains(".hidden") })
    }

    @Test func truncatedXMLKeepsEntriesBeforeTheCut() throws {
        let feed = try String(contentsOfFile: fixture("arxiv-atom-api.xml"), encoding: .utf8)
        let cut = try #require(feed.range(of: "<entry>", options: .backwards))
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("cut.xml", String(feed[..<cut.upperBound]) + "\n<id>http://arxiv.org/abs/0")
        let result = try ingest([path])
        #expect(result.papers.count == 9)
        #expect(result.summary.skipped == 1)
        #expect(result.warnings.first?.reason.hasPrefix("XML error") == true)
    }

    @Test func invalidUTF8InXMLStopsWithAWarningKeepingEarlierRecords() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: fixture("arxiv-oai-pmh-arXiv.xml"))))
        let marker = Array("Discrete Mathematics".utf8)
        let at = try #require((0..<bytes.count).first { bytes[$0...].starts(with: marker) })
        bytes[at] = 0xFF
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("bad-utf8.xml", bytes)
        let result = try ingest([path])
        #expect(result.papers.map(\.arxivID) == ["1412.8544"])
        #expect(result.summary.skipped == 1)
        #expect(result.warnings.count == 1)
    }
}

@Suite struct DirectoryWalkTests {
    @Test func symlinkedDirectoriesAreNotFollowedButSymlinkedFilesAreRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let listing = try dir.write("papers/listing.txt", "Some Title\n\n\(sampleAbstract)\n")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/papers/loop", withDestinationPath: dir.path + "/papers")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/papers/link.txt", withDestinationPath: listing)
        let result = try ingest([dir.path])
        #expect(result.summary.files == 2)
        #expect(result.papers.map(\.location.file) == [dir.path + "/papers/link.txt", listing])
    }
}

@Suite struct ProgressLineTests {
    @Test func drawnOnlyWhenAskedAndStandardErrorIsATerminal() {
        #expect(ProgressLine.make(enabled: false) == nil)
        #expect((ProgressLine.make(enabled: true) != nil) == (isatty(STDERR_FILENO) == 1))
    }
}
