import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// Rules that let a clear announcement of the paper's own work win over the
/// gazetteer and the model-family list, each with a case that must not fire.
@Suite struct StrongFrameRuleTests {
    private func names(_ m: [Mention]) -> [String] { m.map(\.name) }

    @Test func titleHeadProposesAKnownMethod() {
        let e = Support.extract("U-Net: Convolutional Networks for Biomedical Image Segmentation", "")
        #expect(names(e.proposes) == ["U-Net"])
        #expect(!names(e.uses).contains("U-Net"))
    }

    @Test func titleHeadProposesAModelFamilyName() {
        let e = Support.extract("ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators", "")
        #expect(names(e.proposes) == ["ELECTRA"])
    }

    @Test func weProposeKnownMethodWithItsAcronym() {
        let e = Support.extract("t", "In this paper, we propose conservative Q-learning (CQL), which aims to address these limitations by learning a conservative Q-function.")
        #expect(names(e.proposes) == ["CQL"])
    }

    @Test func ourLongFormWithAcronymIsAProposal() {
        let e = Support.extract("t", "Our latent diffusion models (LDMs) achieve a new state of the art for image inpainting.")
        #expect(names(e.proposes) == ["LDMs"])
    }

    @Test func proposingParticipleNeedsNoSubject() {
        let e = Support.extract("t", "This limitation is addressed by proposing conservative Q-learning (CQL), which learns a lower bound on the value.")
        #expect(names(e.proposes) == ["CQL"])
    }

    @Test func knownMethodAfterWeProposeIsAProposalOnlyAsDirectObject() {
        let e = Support.extract("t", "We present the MuZero algorithm which, by combining a tree-based search with a learned model, achieves superhuman performance.")
        #expect(names(e.proposes) == ["MuZero"])
        // A weak frame: the known method is a tool of the proposal, a later name wins.
        let weak = Support.extract("t", "We develop a multi-turn online reinforcement learning (RL) approach, SCoRe, that significantly improves self-correction.")
        #expect(names(weak.proposes) == ["SCoRe"])
        #expect(names(weak.uses).contains("reinforcement learning"))
    }

    @Test func weIntroduceEnglishWordWithAppositive() {
        let e = Support.extract("t", "We introduce Codex, a GPT language model fine-tuned on publicly available code from GitHub, and study its Python code-writing capabilities.")
        #expect(names(e.proposes) == ["Codex"])
        // No appositive: an English word after the verb is not a name.
        let plain = Support.extract("t", "We introduce Sparse attention to the decoder and study its effect.")
        #expect(!names(plain.proposes).contains("Sparse"))
    }

    @Test func appositiveAfterTheHeadNoun() {
        let e = Support.extract("t", "We propose a new simple network architecture, the Transformer, based solely on attention mechanisms, dispensing with recurrence and convolutions entirely.")
        #expect(names(e.proposes) == ["Transformer"])
        #expect(!names(e.uses).contains("transformer"))
        // Not in a proposal clause: the appositive is a use.
        let use = Support.extract("t", "Our encoder follows a standard network architecture, the Transformer, with minor changes.")
        #expect(!names(use.proposes).contains("Transformer"))
    }

    @Test func namedEnglishWordInAnAnnouncingSentence() {
        let e = Support.extract("t", "To this end, we design an efficient transformer-based model for long sequence forecasting, named Informer, with three distinctive characteristics.")
        #expect(names(e.proposes) == ["Informer"])
    }

    @Test func theMethodCalledX() {
        let e = Support.extract("t", "The method, called Mask R-CNN, extends Faster R-CNN by adding a branch for predicting an object mask.")
        #expect(names(e.proposes) == ["Mask R-CNN"])
        #expect(names(e.uses) == ["Faster R-CNN"])
        // "so called" is not a naming of the paper's work.
        let so = Support.extract("t", "Prior systems rely on the so called Faster R-CNN detector and its anchors.")
        #expect(so.proposes.isEmpty)
    }

    @Test func longFormOrAcronym() {
        let e = Support.extract("t", "The main ingredients of the new framework, called DEtection TRansformer or DETR, are a set-based global loss and a transformer encoder-decoder architecture.")
        #expect(names(e.proposes) == ["DETR"])
        #expect(!names(e.proposes).contains("DEtection"))
        // Two names joined by "or" are not a definition.
        let two = Support.extract("t", "We compare supervised fine-tuning with PPO or DPO on three tasks.")
        #expect(two.proposes.isEmpty)
    }

    @Test func lowerCaseNameAfterCalledInAProposal() {
        let e = Support.extract("t", "As an alternative, we propose a more sample-efficient pre-training task called replaced token detection.")
        #expect(names(e.proposes) == ["replaced token detection"])
        // A description that goes on is not a name.
        let d = Support.extract("t", "As an alternative, we propose a pre-training task called replaced token detection on corrupted inputs with a generator network.")
        #expect(!names(d.proposes).contains("replaced token detection on corrupted inputs"))
    }

    @Test func releasingAModelAndItsDataset() {
        let e = Support.extract("t", "We are releasing the Segment Anything Model (SAM) and corresponding dataset to foster research into foundation models for computer vision.")
        #expect(names(e.proposes) == ["SAM"])
    }

    @Test func repositoryNameMakesTheMethodTheProposal() {
        let e = Support.extract("An Image is Worth 16x16 Words", "Vision Transformer (ViT) attains excellent results compared to state-of-the-art convolutional networks. Code is at https://github.com/google-research/vision_transformer")
        #expect(names(e.proposes) == ["vision transformer"])
        #expect(!names(e.uses).contains("vision transformer"))
        // Another repository name leaves the use alone.
        let other = Support.extract("t", "We fine-tune a Vision Transformer (ViT) on medical images. Code is at https://github.com/someone/medvit-probe")
        #expect(names(other.uses).contains("vision transformer"))
        #expect(other.proposes.isEmpty)
    }

    @Test func benchmarkAfterAPrepositionIsNotIntroduced() {
        let e = Support.extract("t", "We also present analysis on CIFAR-10 with 100 and 1000 layers.")
        #expect(e.introduces.isEmpty)
        #expect(names(e.evaluatesOn) == ["CIFAR-10"])
    }

    @Test func ownMethodDoesNotHideTheBroaderOne() {
        let e = Support.extract("t", "By decomposing the image formation process, diffusion models (DMs) achieve state-of-the-art synthesis results. Our latent diffusion models (LDMs) achieve a new state of the art.")
        #expect(names(e.proposes) == ["LDMs"])
        #expect(names(e.uses).contains("diffusion model"))
    }

    @Test func titleHeadWithAVersion() {
        let e = Support.extract("wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations", "")
        #expect(names(e.proposes) == ["wav2vec 2.0"])
        // A number that is not followed by the colon is not part of a head.
        let n = Support.extract("Scaling 2 Ways of Learning: An Analysis", "")
        #expect(n.proposes.isEmpty)
    }

    @Test func acronymOfTheTaskAfterForIsNotTheProposal() {
        let e = Support.extract("t", "Long sequence time-series forecasting (LSTF) demands a high prediction capacity. To this end, we design an efficient transformer-based model for LSTF, named Informer, with three distinctive characteristics.")
        #expect(names(e.proposes) == ["Informer"])
        // After "of", an acronym the paper coined earlier is still its own.
        let own = Support.extract("t", "Can LLMs also learn by teaching (LbT)? Specifically, we design three methods, each mimicking one of the three levels of LbT in humans.")
        #expect(names(own.proposes).contains("LbT"))
    }

    @Test func parenthesisedNameOfAProposalObject() {
        let e = Support.extract("t", "In this paper, we seek to balance these two goals by proposing a self-attention based sequential model (SASRec) that allows us to capture long-term semantics.")
        #expect(names(e.proposes) == ["SASRec"])
        #expect(!names(e.uses).contains("SASRec"))
        // "based on" opens a clause: the parenthesised name is not the object.
        let b = Support.extract("t", "In this paper, we propose a recommender based on the self-attentive sequential model (SASRec) of prior work.")
        #expect(!names(b.proposes).contains("SASRec"))
    }
}
