import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// How gazetteer matches are reported: synonyms as written, negated mentions
/// left out, and coverage of fields outside language models.
@Suite struct GazetteerReportingTests {
    private func names(_ m: [Mention]) -> [String] { m.map(\.name) }

    @Test func synonymIsReportedAsWritten() {
        let e = Support.extract("t", "We show that retrieval can be practically implemented using dense representations alone, where embeddings are learned by a simple dual encoder framework.")
        #expect(names(e.uses).contains("dual encoder"))
        // A plural is still reported under the canonical name.
        let p = Support.extract("t", "Our detector builds on convolutional neural networks and is trained end to end.")
        #expect(names(p.uses) == ["convolutional neural network"])
    }

    @Test func conflatedEntriesAreSplit() {
        let e = Support.extract("t", "CQL is straightforward to implement on top of existing deep Q-learning and actor-critic implementations.")
        #expect(names(e.uses).contains("deep Q-learning"))
        #expect(!names(e.uses).contains("deep Q-network"))
        let m = Support.extract("t", "A set-based global loss forces unique predictions via bipartite matching.")
        #expect(names(m.uses) == ["bipartite matching"])
    }

    @Test func negatedMethodsAreNotUsed() {
        let e = Support.extract("t", "Self-Refine does not require any supervised training data, additional training, or reinforcement learning, and instead uses a single LLM.")
        #expect(!names(e.uses).contains("reinforcement learning"))
        let w = Support.extract("t", "The model adapts to new tasks without fine-tuning, using in-context learning.")
        #expect(!names(w.uses).contains("fine-tuning"))
        #expect(names(w.uses).contains("in-context learning"))
        let n2 = Support.extract("t", "DPO is stable and computationally lightweight, eliminating the need for sampling from the LM during fine-tuning or performing significant hyperparameter tuning.")
        #expect(!names(n2.uses).contains("hyperparameter tuning"))
        // "not only" does not negate.
        let n = Support.extract("t", "The agent not only uses reinforcement learning but also imitation learning from demonstrations.")
        #expect(names(n.uses).contains("reinforcement learning"))
    }

    @Test func negationEndsAtAClauseBoundary() {
        let e = Support.extract("t", "Prior methods do not scale; we therefore apply knowledge distillation to compress the teacher.")
        #expect(names(e.uses).contains("knowledge distillation"))
    }

    @Test func visionArchitecturesAreKnownMethods() {
        let e = Support.extract("t", "DETR performs on par with the well-established and highly-optimized Faster RCNN baseline, and we compare with ResNet and DenseNet backbones and a deformable part model.")
        #expect(Set(names(e.uses)).isSuperset(of: ["Faster R-CNN", "ResNet", "DenseNet", "deformable part model"]))
    }

    @Test func graphAndRenderingTermsAreKnownMethods() {
        let e = Support.extract("t", "We show that GIN is as powerful as the Weisfeiler-Lehman graph isomorphism test. We use classic volume rendering techniques to project the output colors.")
        #expect(names(e.uses).contains("Weisfeiler-Lehman graph isomorphism test"))
        #expect(names(e.uses).contains("volume rendering"))
    }
}
