import Testing
import PaperGraphModel
@testable import PaperGraphIngest

@Suite struct AtomReaderTests {
    @Test func olderStyleFeedWithPerElementNamespaces() throws {
        let result = try ingest([fixture("arxiv-atom-api.xml")])
        #expect(result.papers.count == 10)
        #expect(result.warnings.isEmpty)
        let paper = try #require(result.paper("cond-mat/0603029"))
        #expect(paper.title == "From stripe to checkerboard order on the square lattice in the presence of quenched disorder")
        #expect(paper.authors == ["Adrian Del Maestro", "Bernd Rosenow", "Subir Sachdev"])
        #expect(paper.published == "2006-03-02")
        #expect(paper.doi == "10.1103/PhysRevB.74.024520")
        #expect(paper.comment == "10 pages, 11 figures; added reference")
        #expect(paper.journalRef == "Phys. Rev. B 74, 024520 (2006)")
        #expect(paper.categories == ["cond-mat.str-el", "cond-mat.supr-con"])
        #expect(paper.url == "https://arxiv.org/abs/cond-mat/0603029")
        #expect(paper.abstract.hasPrefix("We discuss the effects of quenched disorder"))
        #expect(!paper.abstract.contains("\n") && !paper.abstract.contains("  "))
        #expect(paper.rawAbstract.hasPrefix("  We discuss") && paper.rawAbstract.contains("\n"))
        #expect(paper.nodeID == NodeID(kind: .paper, normalizedKey: "cond-mat/0603029"))
        #expect(paper.location.line == 81)
    }

    @Test func currentStyleFeed() throws {
        let result = try ingest([fixture("arxiv-atom-api-2026.xml")])
        #expect(result.papers.count == 100)
        #expect(result.summary.skipped == 0)
        let paper = try #require(result.paper("2202.12139"))
        #expect(paper.title == "Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques")
        #expect(paper.authors == ["Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker"])
        #expect(paper.categories == ["cs.SE", "cs.LG"])
        #expect(paper.comment == "Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022")
        #expect(paper.doi == "10.1109/ICSTW55395.2022.00035")
        #expect(paper.published == "2022-02-24")
        #expect(paper.sourceFormat == "atom")
        // Every entry has a canonical id and a title.
        #expect(result.papers.allSatisfy { $0.arxivID.map(ArxivID.isArxivID) == true && !$0.title.isEmpty })
    }

    @Test func apiErrorEntryIsSkippedWithWarning() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("error.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry>
                <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.1234v</id>
                <title>Error</title>
                <summary>incorrect id format for 1234.1234v</summary>
              </entry>
            </feed>
            """)
        let result = try ingest([path])
        #expect(result.papers.isEmpty)
        #expect(result.summary.skipped == 1)
        #expect(result.warnings.map(\.description) == ["\(path):3: the arXiv API returned an error: incorrect id format for 1234.1234v"])
    }
}
