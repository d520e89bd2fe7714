import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// Odd input never crashes the extractor, and every span it reports lies
/// inside its field.
@Suite struct RobustnessTests {
    /// Fragments that exercise the rules' edges: unclosed parentheses,
    /// trailing cues, URLs cut short, non-ASCII punctuation.
    static let pieces = ["we propose", "(", ")", "(SLIM", "called", ",", ".", "X-1", "GSM8K", "on", "and",
                         "https://", "https://github.com/", "github.com/a", "—", "“", "é", "benchmarks such as",
                         "outperforms", "termed", "MCTS", "Monte Carlo", "Tree Search", "the", "dataset", ":",
                         "refer to as", "our framework", "FST-", "-", "*", "^", "\\url{", "}", "e.g.", "7B", "",
                         "Self-J", "Self-Judge", "a novel", "benchmark", "test sets", "\n", "  "]

    @Test func randomFragmentsDoNotCrash() {
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<400 {
            let count = next() % 30
            let words = (0..<count).map { _ in Self.pieces[next() % Self.pieces.count] }
            let separator = next() % 2 == 0 ? " " : ""
            let title = words.prefix(4).joined(separator: separator)
            let abstract = words.joined(separator: separator)
            let e = Support.extract(title, abstract, comment: abstract)
            for m in e.proposes + e.uses + e.evaluatesOn + e.introduces + e.repositories + e.homepages {
                let length = (m.evidence.field == .title ? title : abstract).utf8.count
                #expect(m.evidence.start >= 0 && m.evidence.start <= m.evidence.end && m.evidence.end <= length)
                #expect(!m.name.isEmpty)
            }
        }
    }

    @Test func emptyRecord() {
        let e = Support.extract("", "")
        #expect(e == Extraction())
    }
}
