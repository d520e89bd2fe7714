import Testing
@testable import PaperGraphModel

@Suite("Keys and identity")
struct IdentityTests {
    @Test("names fold over case and punctuation but keep + and *", arguments: [
        ("GSM-8K", "gsm8k"), ("gsm8k", "gsm8k"), ("MATH-500", "math500"), ("ReST-MCTS*", "restmcts*"),
        ("HumanEval+", "humaneval+"), ("Chain-of-Thought", "chainofthought"), ("Élan", "élan"),
    ])
    func folding(name: String, folded: String) {
        #expect(NameFolding.fold(name) == folded)
    }

    @Test("titles slug into lower-case words joined by dashes")
    func slug() {
        #expect(NameFolding.slug("AITEE -- Agentic Tutor for Electrical Engineering")
                == "aitee-agentic-tutor-for-electrical-engineering")
        #expect(NameFolding.slug("  Grasp2Vec: Learning  ") == "grasp2vec-learning")
    }

    @Test("arXiv ids are recognised in every common written form", arguments: [
        ("2409.12917", "2409.12917"), ("2409.12917v3", "2409.12917"), ("arXiv:2409.12917v1", "2409.12917"),
        ("https://arxiv.org/abs/2409.12917v2", "2409.12917"), ("http://arxiv.org/pdf/0704.0001v1", "0704.0001"),
        ("math/0501001", "math/0501001"), ("cond-mat/0603029v1", "cond-mat/0603029"),
        ("oai:arXiv.org:hep-th/9901001", "hep-th/9901001"), ("http://arxiv.org/abs/math.AG/0501001v2", "math.AG/0501001"),
    ])
    func arxivIDs(text: String, id: String) {
        #expect(ArxivID.canonical(text) == id)
    }

    @Test("things that are not arXiv ids are rejected", arguments: ["2409.1291", "hello", "12345.67890", "math/05010", ""])
    func notArxivIDs(text: String) {
        #expect(ArxivID.canonical(text) == nil)
    }

    @Test("a paper's key is its arXiv id when known, else its title slug")
    func paperKey() {
        let loc = SourceLocation(file: "f", line: 1)
        #expect(PaperRecord(arxivID: "2409.12917", title: "T", abstract: "A", sourceFormat: "x", location: loc).nodeID.key == "2409.12917")
        #expect(PaperRecord(title: "Hello, World!", abstract: "A", sourceFormat: "x", location: loc).nodeID.key == "hello-world")
    }

    @Test("relations declare the public names and their domain and range")
    func relations() {
        #expect(Relation.allCases.map(\.rawValue) == ["PROPOSES", "USES", "EVALUATES_ON", "INTRODUCES", "HAS_CODE", "SUBSET_OF", "SPECIALIZES"])
        #expect(NodeKind.allCases.map(\.rawValue) == ["Paper", "Method", "Benchmark", "Repository"])
        #expect(Relation.subsetOf.domain == .benchmark && Relation.subsetOf.range == .benchmark)
        #expect(Relation.hasCode.range == .repository && !Relation.specializes.isExtracted)
    }
}
