import Foundation
import Testing
import PaperGraphModel
@testable import PaperGraphIngest

@Suite struct HTMLListingReaderTests {
    @Test func arxivListPage() throws {
        let result = try ingest([fixture("arxiv-list-new.html")])
        #expect(result.warnings.isEmpty)
        #expect(result.papers.map(\.arxivID) == ["2409.12917", "2409.13001", "2409.12345"])
        let first = result.papers[0]
        #expect(first.title == "Training Language Models to Self-Correct via Reinforcement Learning")
        #expect(first.authors == ["Aviral Kumar", "Vincent Zhuang", "Rishabh Agarwal", "Yi Su"])
        #expect(first.categories == ["cs.LG"])
        #expect(first.comment == nil)
        #expect(first.abstract.hasSuffix("improves the base models' self-correction by 15.6% and 9.1% respectively on the MATH and HumanEval benchmarks."))
        #expect(first.sourceFormat == "html")
        let second = result.papers[1]
        #expect(second.title == "Sharper Bounds for \\ell_1-Regularized Regression & Sparse Recovery")
        #expect(second.authors == ["Jürgen Müller", "Li Chen"])
        #expect(second.comment == "21 pages, 3 figures. Code: https://github.com/jmueller/sharp-lasso")
        #expect(second.categories == ["cs.LG", "math.ST", "stat.ML"])
        #expect(second.abstract.contains("bounded by O(s \\log p / n) under") && second.abstract.contains("yields tighter constants"))
    }

    @Test func huggingFacePapersPageFromEmbeddedProps() throws {
        let result = try ingest([fixture("hf-daily-papers.html")])
        #expect(result.warnings.isEmpty)
        #expect(result.papers.map(\.arxivID) == ["2407.20183", "2407.20171"])
        let first = result.papers[0]
        #expect(first.title == "MindSearch: Mimicking Human Minds Elicits Deep AI Searcher")
        #expect(first.authors == ["Zehui Chen", "Kuikun Liu"])
        #expect(first.published == "2024-07-29")
        #expect(first.abstract.hasPrefix("Information seeking and integration is a complex cognitive task"))
        #expect(first.url == "https://huggingface.co/papers/2407.20183")
    }

    @Test func huggingFaceCardsWhenThePropsAreMissing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        var page = try String(contentsOfFile: fixture("hf-daily-papers.html"), encoding: .utf8)
        let props = try #require(page.range(of: #" data-props="[^"]*""#, options: .regularExpression))
        page.removeSubrange(props)
        let path = try dir.write("cards.html", page)
        let result = try ingest([path])
        #expect(result.papers.map(\.title) == ["MindSearch: Mimicking Human Minds Elicits Deep AI Searcher",
                                               "Diffusion Feedback Helps CLIP See Better"])
        #expect(result.papers.map(\.arxivID) == ["2407.20183", "2407.20171"])
        #expect(result.papers.allSatisfy { $0.abstract.isEmpty })
    }

    @Test func pageWithoutPapersIsSkippedWithWarning() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("other.html", "<!DOCTYPE html><html><body><p>Nothing here</p></body></html>")
        let result = try ingest([path])
        #expect(result.papers.isEmpty)
        #expect(result.summary.skippedInputs == 1)
        #expect(result.warnings.first?.location.file == path)
    }
}
