import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// Benchmarks: gazetteer names and cue patterns for names the gazetteer lacks.
@Suite struct BenchmarkRuleTests {
    private func names(_ m: [Mention]) -> [String] { m.map(\.name) }

    @Test func gazetteerBenchmarks() {
        let e = Support.extract("t", "We report results on GSM8K, MATH and MATH-500.")
        #expect(names(e.evaluatesOn) == ["GSM8K", "MATH", "MATH-500"])
    }

    @Test func namesBeforeADataNoun() {
        // Invented names, so no gazetteer entry can be what finds them.
        let e = Support.extract("t", "QuillBench and ZorbBench benchmarks are used. We also test on the ogbn-arxiv dataset.")
        #expect(names(e.evaluatesOn).starts(with: ["QuillBench", "ZorbBench"]))
        #expect(e.evaluatesOn[0].evidence.rule == "benchmark-noun")
    }

    @Test func listAfterSuchAs() {
        let e = Support.extract("t", "Accuracy improves on benchmarks such as WikiTableQuestions, TabFact and FeTaQA.")
        #expect(names(e.evaluatesOn) == ["WikiTableQuestions", "TabFact", "FeTaQA"])
    }

    @Test func listInParenthesesAfterDatasets() {
        let e = Support.extract("t", "Extensive experiments on three public datasets (Amazon Beauty, MovieLens-1M and Yelp) demonstrate gains.")
        #expect(names(e.evaluatesOn) == ["Amazon Beauty", "MovieLens-1M", "Yelp"])
    }

    @Test func namesAfterOnInAnEvaluationSentence() {
        let e = Support.extract("t", "On AIME 2024 math problems, the model improved by 10%. Experiments on ModelNet40 and ScanObjectNN show gains.")
        #expect(names(e.evaluatesOn) == ["AIME 2024", "ModelNet40", "ScanObjectNN"])
    }

    @Test func testSetsAfterTheirNames() {
        let e = Support.extract("t", "On the held-out New-392 and Price-149 test sets, F1 improves.")
        #expect(names(e.evaluatesOn) == ["New-392", "Price-149"])
    }

    @Test func genericPhrasesAreNotBenchmarks() {
        let e = Support.extract("t", "Experiments on widely-used benchmark datasets show gains. Mathematical benchmarks remain hard. We evaluate on three interactive environments and several standard benchmarks.")
        #expect(e.evaluatesOn.isEmpty)
    }

    @Test func methodsAndModelsInBenchmarkPositionAreNot() {
        let e = Support.extract("t", "Results on GPT-4 and Llama-2 are reported; our DPO and PPO datasets are released.")
        #expect(e.evaluatesOn.isEmpty)
    }
}
