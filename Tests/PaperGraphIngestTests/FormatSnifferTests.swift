import Foundation
import Testing
@testable import PaperGraphIngest

@Suite struct FormatSnifferTests {
    private func head(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: fixture(name))).prefix(FormatSniffer.windowSize))
    }

    @Test(arguments: [
        ("daily-papers.txt", InputFormat.listing),
        ("arxiv-atom-api.xml", .atom),
        ("arxiv-atom-api-2026.xml", .atom),
        ("arxiv-oai-pmh-arXiv.xml", .oaipmh),
        ("arxiv-oai-pmh-arXivRaw.xml", .oaipmh),
        ("arxiv-snapshot.jsonl", .jsonl),
        ("arxiv-list-new.html", .html),
        ("hf-daily-papers.html", .html),
        ("papergraph.graphml", .graphml),
    ])
    func realFilesAreRecognised(name: String, format: InputFormat) throws {
        #expect(FormatSniffer.sniff(try head(name)) == format)
    }

    @Test func markupDetailsDoNotConfuseIt() {
        // BOM, comments and a DOCTYPE before the root; prefixed root names.
        #expect(FormatSniffer.sniff(Array("\u{FEFF}<?xml version=\"1.0\"?>\n<!-- saved 2024 -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\">".utf8)) == .atom)
        #expect(FormatSniffer.sniff(Array("<?xml version=\"1.0\"?><oai:OAI-PMH xmlns:oai=\"http://www.openarchives.org/OAI/2.0/\">".utf8)) == .oaipmh)
        #expect(FormatSniffer.sniff(Array("<html><body><dl id='articles'>".utf8)) == .html)
        #expect(FormatSniffer.sniff(Array("  \n{\"id\": \"2409.12917\"}".utf8)) == .jsonl)
    }

    @Test func unknownContentIsNotGuessed() {
        #expect(FormatSniffer.sniff(Array("<?xml version=\"1.0\"?><rss version=\"2.0\">".utf8)) == nil)
        #expect(FormatSniffer.sniff([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00, 0x01]) == nil)  // %PDF-1.7
        #expect(FormatSniffer.sniff(Array("[1, 2, 3]".utf8)) == nil)
        #expect(FormatSniffer.sniff(Array("short\nnotes\n".utf8)) == nil)
    }

    @Test func fromOverridesSniffing() throws {
        // A snapshot line saved under a misleading name and content sniffed as JSON
        // still reads as listing text when forced, finding no papers.
        let forced = try ingest([fixture("daily-papers.txt")], format: .listing)
        #expect(forced.papers.count == 54)
        let wrong = try ingest([fixture("arxiv-snapshot.jsonl")], format: .listing)
        #expect(wrong.papers.isEmpty && wrong.summary.skippedInputs == 1)
    }
}
