import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// Title heads of several words, or names the gazetteer already knows.
@Suite struct TitleHeadRuleTests {
    private func proposed(_ title: String) -> [String] {
        Support.extract(title, "").proposes.map(\.name)
    }

    @Test("a known method at the head of its own paper's title is proposed, not used")
    func knownHeadIsProposed() {
        let e = Support.extract("Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks", "")
        #expect(e.proposes.map(\.name) == ["Faster R-CNN"])
        #expect(e.proposes.first?.evidence.rule == "title-head")
        #expect(!e.uses.map(\.name).contains("Faster R-CNN"))
        #expect(proposed("Tree of Thoughts: Deliberate Problem Solving with Large Language Models") == ["Tree of Thoughts"])
        #expect(proposed("Rainbow: Combining Improvements in Deep Reinforcement Learning") == ["Rainbow"])
    }

    @Test("an unknown head of several words needs a name-shaped word")
    func unknownHeadNeedsAStrongWord() {
        #expect(proposed("Deformable DETR: Deformable Transformers for End-to-End Object Detection") == ["Deformable DETR"])
        #expect(proposed("Self-Improvement in Language Models: The Sharpening Mechanism").isEmpty)
        #expect(proposed("Learning from Future: A Novel Self-Training Framework").isEmpty)
    }

    @Test("fields and surveys at the head of a title are not proposals")
    func fieldsAndSurveysAreNot() {
        #expect(proposed("Reinforcement Learning: Theory and Practice for Agents").isEmpty)
        #expect(proposed("Monte Carlo Tree Search: A Review of Recent Modifications and Applications").isEmpty)
        #expect(proposed("Large Language Models: A Survey").isEmpty)
    }
}
