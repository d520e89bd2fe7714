import Testing
import PaperGraphModel
@testable import PaperGraphExtract

/// Numbered releases of one benchmark family are separate benchmarks.
@Suite struct VersionListRuleTests {
    private func evaluated(_ abstract: String) -> [String] {
        Support.extract("t", abstract).evaluatesOn.map(\.name)
    }

    @Test("an elliptical list of releases names each release")
    func ellipticalReleases() {
        #expect(evaluated("It achieves state-of-the-art detection accuracy on PASCAL VOC 2007, 2012, and MS COCO datasets.")
                == ["PASCAL VOC 2007", "PASCAL VOC 2012", "MS COCO"])
        #expect(evaluated("We report results on AIME 2024 and 2025.") == ["AIME 2024", "AIME 2025"])
        #expect(Support.extract("t", "We report results on AIME 2024 and 2025.").evaluatesOn.last?.evidence.rule == "version-list")
    }

    @Test("two releases written in full are two benchmarks, one release twice is one")
    func releasesWrittenInFull() {
        #expect(evaluated("Results on PASCAL VOC 2007 and on PASCAL VOC 2012 improve; PASCAL VOC 2007 gains most.")
                == ["PASCAL VOC 2007", "PASCAL VOC 2012"])
    }

    @Test("numbers after a benchmark that do not name a known release are not benchmarks")
    func scoresAreNotReleases() {
        #expect(evaluated("On AIME 2024, 2031 and 40 problems were solved.") == ["AIME 2024"])
        #expect(evaluated("Our model reaches 86.2 on MMLU, 2023 results included.") == ["MMLU"])
    }
}
