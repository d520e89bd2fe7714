import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// Released datasets are introduced, not evaluated on; data sources are not benchmarks.
@Suite struct IntroducedDataRuleTests {
    private func names(_ m: [Mention]) -> [String] { m.map(\.name) }

    @Test func appositiveEvaluationSetWeRelease() {
        let e = Support.extract("t", "On HumanEval, a new evaluation set we release to measure functional correctness for synthesizing programs from docstrings, our model solves 28.8% of the problems.")
        #expect(names(e.introduces) == ["HumanEval"])
        #expect(e.evaluatesOn.isEmpty)
        // "set" without a qualifier is not a data head: "a set of" is everywhere.
        let s = Support.extract("t", "On HumanEval, a new set of results shows that our model solves 28.8% of the problems.")
        #expect(s.introduces.isEmpty)
    }

    @Test func releasedDatasetWithItsLabel() {
        let e = Support.extract("t", "We are releasing the Segment Anything Model (SAM) and corresponding dataset (SA-1B) of 1B masks and 11M images to foster research.")
        #expect(names(e.introduces) == ["SA-1B"])
        #expect(names(e.proposes) == ["SAM"])
        // The dataset is evaluated on, not released: after a preposition.
        let eval = Support.extract("t", "We propose a new detector and evaluate it on the benchmark dataset (SA-1B) with strong results.")
        #expect(eval.introduces.isEmpty)
        #expect(names(eval.evaluatesOn) == ["SA-1B"])
    }

    @Test func pretrainingCorpusNeedsAnEvaluationCue() {
        let e = Support.extract("t", "DeepSeekMath continues pre-training with 120B math-related tokens sourced from Common Crawl, together with natural language and code data.")
        #expect(e.evaluatesOn.isEmpty)
        let eval = Support.extract("t", "We evaluate perplexity on held-out documents from C4 and report results for three model sizes.")
        #expect(names(eval.evaluatesOn) == ["C4"])
    }
}
