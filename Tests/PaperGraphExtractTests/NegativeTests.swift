import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// Abstracts that name no method, benchmark or code: nothing may be found.
@Suite struct NegativeTests {
    @Test func theoryPaperYieldsNothing() {
        let e = Support.extract("Sample Complexity of Learning Halfspaces under Massart Noise",
            "We study the problem of PAC learning halfspaces in the presence of Massart noise, where each label is flipped with probability at most eta. Building on the work of Diakonikolas et al., we show that a polynomial-time algorithm achieves error eta plus epsilon with a sample complexity that is nearly optimal. Our analysis relies on a novel reweighting scheme and on a careful use of the Chow parameters. Results on Gaussian marginals are also established, answering an open question posed in COLT 2020.")
        #expect(e == Extraction())
    }

    @Test func positionPaperYieldsNothing() {
        let e = Support.extract("Position: Machine Learning Conferences Should Establish a Reproducibility Track",
            "In this position paper, we argue that major venues such as NeurIPS, ICML and ICLR should establish a dedicated track for reproducibility studies. We survey 300 papers and find that only 41% release code, and that results on popular benchmarks are often reported without variance. We discuss the role of open-source platforms such as GitHub and Hugging Face.")
        #expect(e == Extraction())
    }

    @Test func urlsThatAreNotCodeOrProjectPages() {
        let e = Support.extract("t", "See https://arxiv.org/abs/2401.00001 and https://doi.org/10.1000/xyz for details.")
        #expect(e.repositories.isEmpty && e.homepages.isEmpty)
    }
}
