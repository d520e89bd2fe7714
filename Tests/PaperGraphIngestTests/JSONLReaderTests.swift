import Foundation
import Testing
import PaperGraphModel
@testable import PaperGraphIngest

@Suite struct JSONLReaderTests {
    @Test func snapshotLines() throws {
        let result = try ingest([fixture("arxiv-snapshot.jsonl")])
        #expect(result.papers.count == 7)
        #expect(result.warnings.isEmpty)
        let first = result.papers[0]
        #expect(first.arxivID == "2501.00001")
        #expect(first.authors == ["Wei Zhang", "James Yang", "Sofia Xu", "Diego Guo", "Aiko Brown"])
        #expect(first.published == "2025-01-01")
        #expect(first.comment == "8 pages, 2 figures")
        #expect(first.categories == ["cs.RO"])
        #expect(first.abstract.hasPrefix("Effective reward design aims"))
        #expect(first.abstract.hasSuffix("github.com/oxford-cs/orbitzero."))
        #expect(first.rawAbstract.hasPrefix("  Effective reward design aims to provide signals that accelerate the agent's\n"))
        // A hard-wrapped title is folded to one line.
        #expect(result.papers[1].title == "Do Agents Really Benefit from Reward Decomposition in Robust Image Classification?")
        #expect(result.papers.map(\.location.line) == Array(1...7))
    }

    @Test func oldStyleIdAndTeX() throws {
        let result = try ingest([fixture("arxiv-snapshot.jsonl")])
        let paper = try #require(result.paper("hep-th/9901001"))
        #expect(paper.title == "Dualities in \\mathcal{N}=4 Super Yang-Mills Theory")
        #expect(paper.authors == ["J. García", "A. Müller Jr"])
        #expect(paper.published == "1999-01-01")
        #expect(paper.comment == "12 pages, LaTeX; see http://example.org/notes")
        #expect(paper.journalRef == "Nucl.Phys. B550 (1999) 1-22")
        #expect(paper.abstract == "We study strong-weak dualities of \\mathcal{N}=4 theories and find agreement within "
                + "5% of the predicted value; the S-duality group acts on the moduli space & preserves the spectrum -- "
                + "as Montonen--Olive conjectured. This extends work by Sen é and Schwarz.")
        #expect(paper.rawAbstract.contains("\\emph{strong-weak}"))
    }

    @Test func gzipCompressedSnapshotReadsTheSame() throws {
        let plain = try ingest([fixture("arxiv-snapshot.jsonl")])
        let compressed = try ingest([fixture("arxiv-snapshot.jsonl.gz")])
        #expect(compressed.papers.map(\.nodeID) == plain.papers.map(\.nodeID))
        #expect(compressed.papers.map(\.abstract) == plain.papers.map(\.abstract))
        #expect(compressed.warnings.isEmpty)
        let size = try FileManager.default.attributesOfItem(atPath: fixture("arxiv-snapshot.jsonl.gz"))[.size] as? Int
        #expect(compressed.summary.bytes == size)
    }

    @Test func standardInputIsRead() throws {
        // `-` reads standard input: feed it through a pipe on descriptor 0.
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture("arxiv-snapshot.jsonl")))
        let pipe = Pipe()
        let saved = dup(STDIN_FILENO)
        dup2(pipe.fileHandleForReading.fileDescriptor, STDIN_FILENO)
        defer { dup2(saved, STDIN_FILENO); close(saved) }
        let writer = Thread { pipe.fileHandleForWriting.write(data); try? pipe.fileHandleForWriting.close() }
        writer.start()
        let result = try ingest(["-"])
        #expect(result.papers.count == 7)
        #expect(result.papers.first?.location.file == "<stdin>")
    }

    @Test func handWrittenScannerAgreesWithJSONSerialization() throws {
        let text = try String(contentsOfFile: fixture("arxiv-snapshot.jsonl"), encoding: .utf8)
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let record = try Array(line.utf8).withUnsafeBufferPointer { bytes in
                var scanner = JSONScanner(bytes)
                return try JSONLReader.parse(&scanner, file: "x", line: 1)
            }
            #expect(record?.rawAbstract == object["abstract"] as? String)
            #expect(record?.arxivID == object["id"] as? String)
        }
    }
}
