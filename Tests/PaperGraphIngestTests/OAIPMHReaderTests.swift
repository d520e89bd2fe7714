import Testing
import PaperGraphModel
@testable import PaperGraphIngest

@Suite struct OAIPMHReaderTests {
    @Test func arXivMetadataPrefix() throws {
        let result = try ingest([fixture("arxiv-oai-pmh-arXiv.xml")])
        #expect(result.papers.map(\.arxivID) == ["1412.8544", "hep-th/9504118"])
        #expect(result.warnings.isEmpty)
        let first = result.papers[0]
        #expect(first.title == "A Kochen-Specker system has at least 22 vectors (extended abstract)")
        #expect(first.authors == ["Sander Uijlen", "Bas Westerbaan"])
        #expect(first.published == "2014-12-29")
        #expect(first.categories == ["cs.DM"])
        #expect(first.doi == "10.4204/EPTCS.172.11")
        #expect(first.journalRef == "EPTCS 172, 2014, pp. 154-164")
        #expect(first.comment == "In Proceedings QPL 2014, arXiv:1412.8102")
        #expect(first.sourceFormat == "oai-pmh")
        // TeX in the abstract: `{\it cellular network}` prints as "cellular network",
        // the XML-escaped quotes as quotes; the raw text keeps the TeX.
        let second = result.papers[1]
        #expect(second.authors == ["M. Requardt"])
        #expect(second.abstract.contains("in form of a 'cellular network' consisting of cells"))
        #expect(second.abstract.contains("the \"strength\" of the bonds"))
        #expect(second.rawAbstract.contains("'{\\it cellular\nnetwork}'"))
    }

    @Test func arXivRawMetadataPrefix() throws {
        let result = try ingest([fixture("arxiv-oai-pmh-arXivRaw.xml")])
        // The deleted record is passed over silently.
        #expect(result.papers.map(\.arxivID) == ["0704.0001", "2409.12917"])
        #expect(result.warnings.isEmpty)
        let first = result.papers[0]
        #expect(first.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies")
        #expect(first.authors == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"])
        #expect(first.published == "2007-04-02")  // the v1 date, not v2
        #expect(first.doi == "10.1103/PhysRevD.76.013009")
        #expect(first.journalRef == "Phys.Rev.D76:013009,2007")
        let second = result.papers[1]
        #expect(second.authors.count == 18)
        #expect(second.authors.last == "Aleksandra Faust")
        #expect(second.authors.contains("Avi Singh"))
        #expect(second.abstract.hasSuffix("by 15.6% and 9.1% respectively on MATH and HumanEval."))
        #expect(second.rawAbstract.contains("15.6\\%"))
        #expect(second.published == "2024-09-19")
    }

    @Test func harvestSavedAsResumptionPagesInADirectory() throws {
        let result = try ingest([fixture("harvest")])
        #expect(result.summary.files == 3)
        #expect(result.papers.map(\.arxivID) == ["2310.06825", "2307.09288", "cs/0112017", "2110.14168", "2103.03874"])
        #expect(result.papers.map { $0.location.file.hasSuffix("page-001.xml") } == [true, true, false, false, false])
        #expect(result.paper("2310.06825")?.authors == ["Albert Q. Jiang", "Alexandre Sablayrolles", "Arthur Mensch"])
        #expect(result.paper("2103.03874")?.comment
                == "NeurIPS 2021. Code and the MATH dataset is available at https://github.com/hendrycks/math/")
    }

    @Test func oaiErrorIsReported() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = try dir.write("empty-harvest.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
            <responseDate>2024-10-02T09:00:00Z</responseDate>
            <request verb="ListRecords" metadataPrefix="arXiv">http://export.arxiv.org/oai2</request>
            <error code="noRecordsMatch">No records match the request</error>
            </OAI-PMH>
            """)
        let result = try ingest([path])
        #expect(result.papers.isEmpty)
        #expect(result.warnings.map(\.description) == ["\(path):5: OAI-PMH noRecordsMatch: No records match the request"])
    }
}
