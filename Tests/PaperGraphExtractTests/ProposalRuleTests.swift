import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// One test per proposal rule, on sentences from real abstracts.
@Suite struct ProposalRuleTests {
    private func names(_ m: [Mention]) -> [String] { m.map(\.name) }

    @Test func titleThatOpensWithANameProposesIt() {
        #expect(names(Support.extract("SLIM: Skill Learning with Multiple Critics", "").proposes) == ["SLIM"])
        #expect(names(Support.extract("AITEE -- Agentic Tutor for Electrical Engineering", "").proposes) == ["AITEE"])
        #expect(names(Support.extract("Grasp2Vec: Learning Object Representations from Self-Supervised Grasping", "").proposes) == ["Grasp2Vec"])
        #expect(Support.extract("SLIM: Skill Learning with Multiple Critics", "").proposes.first?.evidence.rule == "title-name")
    }

    @Test func descriptiveTitleHeadIsNotAName() {
        #expect(Support.extract("Learning from Future: A Novel Self-Training Framework for Semantic Segmentation", "").proposes.isEmpty)
        #expect(Support.extract("Democratizing Reasoning Ability: Tailored Learning from Large Language Model", "").proposes.isEmpty)
        #expect(Support.extract("Beyond Cosine Decay: On the effectiveness of Infinite Learning Rate Schedule", "").proposes.isEmpty)
    }

    @Test func titleOfABenchmarkIntroducesIt() {
        let e = Support.extract("MMAU: A Holistic Benchmark of Agent Capabilities Across Diverse Domains", "")
        #expect(names(e.introduces) == ["MMAU"])
        #expect(e.proposes.isEmpty && e.evaluatesOn.isEmpty)
    }

    @Test func weProposeX() {
        let e = Support.extract("Intelligent tutoring",
            "In this paper, we present AITEE, an agent-based tutoring system for electrical engineering designed to accompany students throughout their learning process.")
        #expect(names(e.proposes) == ["AITEE"])
        #expect(e.proposes[0].evidence.rule == "we-propose")
    }

    @Test func weProposeWithDistantSubject() {
        let e = Support.extract("t", "In this work, we challenge the prevailing notion that self-improvement is exclusive to RL and propose Negative-aware Fine-Tuning (NFT) -- a supervised approach that enables LLMs to reflect on their failures.")
        #expect(names(e.proposes) == ["NFT"])
    }

    @Test func descriptionWithoutANameIsNotAMethod() {
        let e = Support.extract("t", "In this paper, we propose a tailored learning approach to distill such reasoning ability to smaller LMs. We propose a novel self-training strategy for segmentation.")
        #expect(e.proposes.isEmpty)
    }

    @Test func termedCalledNamed() {
        let e = Support.extract("t", "We propose a unified perspective of self-feedback, termed Internal Consistency, which offers a lens on reasoning.")
        #expect(names(e.proposes) == ["Internal Consistency"])
        let named = Support.extract("t", "To this end, we introduce a simple yet effective baseline named self-check, which leverages self-critique.")
        #expect(names(named.proposes) == ["self-check"])
    }

    /// "we call <determiner> [modifiers] <method or data noun> X": the noun phrase is
    /// the verb's object and X its name, even when X is a method the gazetteer knows.
    @Test func weCallTheNounPhraseX() {
        let models = Support.extract("t", "We fine-tune a pretrained model with feedback from annotators. We call the resulting models AlignNet.")
        #expect(names(models.proposes) == ["AlignNet"])
        let approach = Support.extract("t", "We call this approach Tacotron, and show that it synthesises speech well.")
        #expect(names(approach.proposes) == ["Tacotron"])
        let pronoun = Support.extract("t", "We call it GraphMixer, a simple model for link prediction.")
        #expect(names(pronoun.proposes) == ["GraphMixer"])
        // Without a determiner the lower-case words are the name itself, not its head noun.
        let lowercase = Support.extract("t", "The new methods, which we call proximal policy optimization (PPO), are simple.")
        #expect(names(lowercase.proposes) == ["proximal policy optimization"])
        // A preposition ends the phrase: "we call on the community" names nothing.
        let idiom = Support.extract("t", "We call on the research community to adopt stronger baselines such as BERT.")
        #expect(idiom.proposes.isEmpty)
    }

    /// "This paper describes X" announces the contribution like "presents"; a
    /// description of how something works does not.
    @Test func thisPaperDescribesX() {
        let e = Support.extract("t", "This paper describes SpeechFlow 2, a flow-based network for speech synthesis.")
        #expect(names(e.proposes) == ["SpeechFlow 2"])
        let how = Support.extract("t", "We describe how BERT represents syntax in its middle layers.")
        #expect(how.proposes.isEmpty)
    }

    /// The plural of a proposed name is the same contribution: one node, not two.
    @Test func pluralOfAProposedNameIsOneProposal() {
        let e = Support.extract("GlowFormer: Scaling Flow Transformers",
                                "We scale the model up to obtain a family of models, called GlowFormers, which are fast.")
        #expect(names(e.proposes) == ["GlowFormer"])
    }

    @Test func firstPersonNamingMayCoinALowercaseOrKnownName() {
        let e = Support.extract("t", "The model is trained with a distillation objective, which we refer to as self-distillation.")
        #expect(names(e.proposes) == ["self-distillation"])
        #expect(e.uses.isEmpty)
    }

    @Test func appositiveNovelFramework() {
        let e = Support.extract("t", "Results are strong. OnPro, a novel online prototype learning framework, avoids shortcut learning.")
        #expect(names(e.proposes) == ["OnPro"])
        #expect(e.proposes[0].evidence.rule == "appositive")
    }

    @Test func acronymDefinitionAttachedToTheProposal() {
        let e = Support.extract("Satori: Reinforcement Learning with Chain-of-Action-Thought",
            "We propose a two-stage training paradigm with Chain-of-Action-Thought (COAT) reasoning.")
        #expect(names(e.proposes) == ["Satori", "COAT"])
    }

    @Test func parenthesisedNameAfterItsExpansion() {
        let e = Support.extract("t", "To address this, we propose Reasoning Generalist via Self-Improvement (ReGenesis), a method to self-synthesize reasoning paths.")
        #expect(names(e.proposes) == ["ReGenesis"])
    }

    @Test func variantsNamedAlongside() {
        let e = Support.extract("t", "We propose future-self-training (FST). We implement two variants, FST-D and FST-W, and study both.")
        #expect(names(e.proposes) == ["FST", "FST-D", "FST-W"])
        #expect(e.proposes.last?.evidence.rule == "variant")
    }

    @Test func modelSizeSuffixIsDroppedFromVariants() {
        let e = Support.extract("SSR-Zero: Simple Self-Rewarding Reinforcement Learning",
            "We propose Simple Self-Rewarding (SSR), an online training method. Our SSR-Zero-7B model outperforms prior work, and SSR-X-Zero-7B improves further.")
        #expect(names(e.proposes) == ["SSR-Zero", "SSR", "SSR-X-Zero"])
    }

    @Test func ourFrameworkName() {
        let e = Support.extract("t", "Using long-term memory, our multi-agent framework OMNE achieved first place.")
        #expect(names(e.proposes) == ["OMNE"])
    }

    @Test func titlePhraseEchoedInLowerCase() {
        let e = Support.extract("Iterative Deepening Sampling for Large Language Models",
            "To this end, we propose a novel iterative deepening sampling algorithm framework designed to enhance self-correction.")
        #expect(names(e.proposes) == ["Iterative Deepening Sampling"])
    }

    @Test func weIntroduceABenchmarkIntroducesIt() {
        let e = Support.extract("t", "We introduce PuzzleBen, a weakly supervised benchmark that comprises 25,147 complex questions, and evaluate on GSM8K.")
        #expect(names(e.introduces) == ["PuzzleBen"])
        #expect(e.proposes.isEmpty)
        #expect(names(e.evaluatesOn) == ["GSM8K"])
    }

    @Test func abbreviatedNameIsOneProposal() {
        let e = Support.extract("Self-Judge: Selective Instruction Following with Alignment Self-Evaluation",
            "To address data scarcity, we introduce Self-J, a novel self-training framework for developing judge models.")
        #expect(names(e.proposes) == ["Self-Judge"])
    }
}
