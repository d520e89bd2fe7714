import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// Methods used: the gazetteer, acronyms the abstract defines, compared baselines.
@Suite struct UsesRuleTests {
    private func names(_ m: [Mention]) -> [String] { m.map(\.name) }

    @Test func expansionAndAcronymAreOneMethod() {
        let e = Support.extract("t", "We combine Monte Carlo Tree Search (MCTS) with an LLM. MCTS then guides decoding.")
        #expect(names(e.uses) == ["Monte Carlo Tree Search"])
        #expect(e.uses[0].evidence.rule == "gazetteer")
    }

    @Test func acronymAloneIsReportedAsWritten() {
        let e = Support.extract("t", "We train the policy with PPO and compare against DPO.")
        #expect(names(e.uses) == ["PPO", "DPO"])
    }

    @Test func caseRulesKeepAcronymsExact() {
        // "rag" in lower case is a word, "RAG" the method; a sentence-initial
        // capital does not stop a lower-case name.
        #expect(Support.extract("t", "The rag was old.").uses.isEmpty)
        #expect(names(Support.extract("t", "We use RAG for grounding.").uses) == ["RAG"])
        #expect(names(Support.extract("t", "Chain-of-thought prompting helps.").uses) == ["chain-of-thought"])
    }

    @Test func pluralsAndHyphenVariantsMatch() {
        let e = Support.extract("t", "We compare GANs, variational autoencoders and Tree-of-Thought search.")
        #expect(names(e.uses) == ["GAN", "variational autoencoder", "tree of thoughts"])
    }

    @Test func nameInsideACompoundIsNotMatched() {
        // `PRM` inside `Self-PRM`, `MCTS` inside `ReST-MCTS*`.
        let e = Support.extract("t", "Our Self-PRM and ReST-MCTS* variants are strong.")
        #expect(!names(e.uses).contains("PRM") && !names(e.uses).contains("MCTS"))
    }

    @Test func specificMethodSubsumesItsField() {
        let e = Support.extract("t", "We study deep reinforcement learning agents. Reinforcement learning is hard.")
        #expect(names(e.uses) == ["deep reinforcement learning"])
    }

    @Test func definedAcronymOfATechnique() {
        let e = Support.extract("t", "Prior work relied on Hindsight Trajectory Sampling (HTS) to densify rewards.")
        #expect(names(e.uses) == ["HTS"])
        #expect(e.uses.first?.evidence.rule == "acronym-technique")
    }

    @Test func methodInsideAUsedAcronymIsPartOfIt() {
        let e = Support.extract("t", "Workers are trained with multi-agent proximal policy optimization (MAPPO) and a critic.")
        #expect(names(e.uses) == ["MAPPO"])
    }

    @Test func comparedBaselines() {
        let e = Support.extract("t", "We show that it outperforms SPOT, ReBRAC and Cal-QL in 15 of 18 settings, compared with MPLight and CoLight.")
        #expect(names(e.uses) == ["SPOT", "ReBRAC", "Cal-QL", "MPLight", "CoLight"])
        #expect(e.uses.allSatisfy { $0.evidence.rule == "compared-baseline" })
    }

    @Test func modelNamesAreNotMethods() {
        let e = Support.extract("t", "Our method outperforms GPT-4o, LLaMA3-8B, Qwen2.5-Math-7B, DeepSeek-R1 and o1 on hard problems. We fine-tune Llama-3.1-8B-Instruct.")
        #expect(e.uses.isEmpty && e.proposes.isEmpty && e.evaluatesOn.isEmpty)
    }

    @Test func commonWordsAreNotMethods() {
        let e = Support.extract("t", "We pay attention to the search for a simple model that can learn and reason.")
        #expect(e.uses.isEmpty)
    }
}

extension UsesRuleTests {
    @Test func numberedBestOfIsBestOfN() {
        let e = Support.extract("t", "Our judge boosts the policy using best-of-32 sampling with our judge models.")
        #expect(e.uses.map(\.name) == ["best-of-N"])
    }
}
