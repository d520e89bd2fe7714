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

    @Test func capitalisedDatasetHeadsInAbstracts() {
        let e = Support.extract("t", "We also show that YOLO generalizes well when tested on both the Picasso Dataset and the People-Art Dataset.")
        #expect(Set(names(e.evaluatesOn)) == ["Picasso", "People-Art"])
        // A sentence-initial "Datasets" heads nothing.
        let d = Support.extract("t", "Datasets are scarce in this field. We collect new recordings.")
        #expect(d.evaluatesOn.isEmpty)
    }

    @Test func onBothTheList() {
        let e = Support.extract("t", "Experiments on both the ZorbixQA and Quallo-7 show consistent gains.")
        #expect(names(e.evaluatesOn) == ["ZorbixQA", "Quallo-7"])
    }

    @Test func lowerCaseModifierBeforeAWeakWordIsNotAName() {
        let e = Support.extract("t", "We release CheXNet results on the largest publicly available chest X-ray dataset, with 14 diseases.")
        #expect(!names(e.evaluatesOn).contains("X-ray"))
        // A strong name after a modifier is still read: "the competition-level MATH dataset".
        let m = Support.extract("t", "Our model reaches 51% accuracy on the competition-level MATH dataset.")
        #expect(names(m.evaluatesOn) == ["MATH"])
    }
}
