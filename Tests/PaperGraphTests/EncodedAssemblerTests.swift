import Foundation
import Testing
@testable import PaperGraph

/// The build assembles fragments straight into the store's encoding; that must be
/// exactly the encoding of what ``GraphAssembler`` assembles.
@Suite struct EncodedAssemblerTests {
    static let ontology = Result { try Ontology.load(from: SampleBuildTests.ontologyDirectory) }

    @Test("every paper of the sample assembles to the encoding of GraphAssembler's fragment")
    func samplePapersAgree() throws {
        let ontology = try Self.ontology.get()
        let sample = try #require(Sample.path)
        var records: [PaperRecord] = []
        _ = try Ingestor(options: IngestOptions()).read(inputs: [sample], onItem: { item in
            if case .paper(let record) = item { records.append(record) }
        }, onWarning: { _ in })
        #expect(records.count == 54)
        let extractor = Extractor(ontology: ontology), assembler = EncodedAssembler(ontology: ontology)
        for record in records {
            let extraction = extractor.extract(record)
            #expect(assembler.fragment(for: record, extraction: extraction)
                    == EncodedFragment(GraphAssembler.fragment(for: record, extraction: extraction, ontology: ontology)),
                    "\(record.title)")
        }
    }

    @Test("gazetteer entries with their parent chains, names the gazetteer lacks, repeats, repositories and homepages agree")
    func everyEntryAgrees() throws {
        let ontology = try Self.ontology.get()
        let evidence = Evidence(rule: "gazetteer", field: .abstract, sentence: "We use it.", start: 3, end: 5)
        let other = Evidence(rule: "we-propose", field: .title, sentence: "It", start: 0, end: 2)
        func mentions(_ names: [String]) -> [Mention] { names.map { Mention(name: $0, evidence: evidence) } }
        // Every entry with a parent (so every chain is walked) and a few without; all of
        // them would make the fragment's linear searches slow in a debug build.
        func names(_ entries: [GazetteerEntry]) -> [String] {
            entries.filter { $0.parent != nil }.map(\.name) + entries.filter { $0.parent == nil }.prefix(10).map(\.name)
        }
        let methods = names(ontology.methods), benchmarks = names(ontology.benchmarks)
        #expect(ontology.benchmarks.contains { $0.parent != nil } && ontology.methods.contains { $0.parent != nil })
        let extraction = Extraction(
            proposes: mentions(["Quasi-Novel Decoding"]) + [Mention(name: methods[0], evidence: other)],
            uses: mentions(methods + ["Quasi-Novel Decoding"]),
            evaluatesOn: mentions(benchmarks.reversed()), introduces: mentions(["BrandNewBench-7", benchmarks[0]]),
            repositories: mentions(["github.com/lab/tool", "gitlab.com/group/Other"]),
            homepages: mentions(["lab.example.org/tool"]))
        let record = PaperRecord(arxivID: "2409.12917", title: "A title", abstract: "We use it.", authors: ["A. Author"],
                                 sourceFormat: "jsonl", location: SourceLocation(file: "x.jsonl", line: 1))
        let expected = EncodedFragment(GraphAssembler.fragment(for: record, extraction: extraction, ontology: ontology))
        #expect(EncodedAssembler(ontology: ontology).fragment(for: record, extraction: extraction) == expected)
    }
}
