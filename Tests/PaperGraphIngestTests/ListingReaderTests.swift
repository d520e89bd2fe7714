import Foundation
import Testing
import PaperGraphModel
@testable import PaperGraphIngest

@Suite struct ListingReaderTests {
    @Test func realDailyPapersListingYields54Papers() throws {
        let result = try ingest([fixture("daily-papers.txt")])
        #expect(result.papers.count == 54)
        #expect(result.warnings.isEmpty)
        #expect(result.summary.records == 54 && result.summary.skipped == 0)
        #expect(result.papers.first?.title == "AITEE -- Agentic Tutor for Electrical Engineering")
        #expect(result.papers.last?.title == "Self-Judge: Selective Instruction Following with Alignment Self-Evaluation")
        #expect(result.papers.first?.location == SourceLocation(file: fixture("daily-papers.txt"), line: 13))
        let last = try #require(result.papers.last)
        #expect(last.abstract.hasPrefix("Pre-trained large language models (LLMs) can be tailored"))
        #expect(last.abstract.hasSuffix("using best-of-32 sampling with our judge models."))
        #expect(result.papers.allSatisfy { $0.arxivID == nil && $0.sourceFormat == "listing" })
        // Keys are title slugs, distinct for distinct papers.
        #expect(Set(result.papers.map(\.nodeID)).count == 54)
    }

    @Test func hardWrappedAbstractIsOneParagraph() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        // Hard-wrapped at word boundaries, eight words a line.
        let words = sampleAbstract.split(separator: " ")
        let wrapped = stride(from: 0, to: words.count, by: 8)
            .map { words[$0..<min($0 + 8, words.count)].joined(separator: " ") }
            .joined(separator: "\n")
        let path = try dir.write("wrapped.txt", "Daily Papers\n\nA Title\n\n\(wrapped)\n")
        let result = try ingest([path])
        #expect(result.papers.map(\.title) == ["A Title"])
        #expect(result.papers.first?.abstract == TextCleaner.clean(sampleAbstract))
        #expect(result.papers.first?.rawAbstract == wrapped)
    }
}
