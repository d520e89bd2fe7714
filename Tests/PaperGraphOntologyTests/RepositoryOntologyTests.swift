import Foundation
import PaperGraphModel
import Testing
@testable import PaperGraphOntology

/// The ontology shipped in the repository's `ontology/` directory.
@Suite struct RepositoryOntologyTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ontology").path

    /// Checked once for the whole suite: the gazetteer and word list are large.
    static let checked = Ontology.check(directory: directory)

    private var shipped: Ontology {
        get throws { try #require(Self.checked.0, "\(Self.checked.1)") }
    }

    @Test func loadsWithoutErrorsOrWarnings() throws {
        let (ontology, issues) = Self.checked
        #expect(issues.isEmpty, "\(issues.map(\.description).joined(separator: "\n"))")
        let loaded = try #require(ontology)
        #expect(loaded.benchmarks.count >= 500)
        #expect(loaded.commonWords.count >= 5000)
    }

    @Test func englishWordBenchmarksMatchOnlyAsWritten() throws {
        let ontology = try shipped
        for name in ["MATH", "ARC", "DROP", "RACE", "COPA", "ReCoRD", "Spider", "Cora", "Yelp", "Kinetics"] {
            let entry = try #require(ontology.entry(.benchmark, named: name), "\(name)")
            #expect(entry.surfaceForms.allSatisfy { $0.caseRule == .exact }, "\(name)")
        }
    }

    @Test func spellingVariantsResolveToOneEntry() throws {
        let ontology = try shipped
        let variants = [
            "GSM-8K": "GSM8K", "MATH500": "MATH-500", "AIME24": "AIME 2024", "AIME 2025": "AIME 2025",
            "HumanEvalPlus": "HumanEval+", "SWE-Bench Verified": "SWE-bench Verified",
            "ILSVRC-2012": "ImageNet", "ImageNet-1k": "ImageNet", "Flores200": "FLORES-200",
            "BIG-Bench Hard": "BBH", "AlpacaEval 2": "AlpacaEval 2.0",
        ]
        for (written, canonical) in variants {
            #expect(ontology.entry(.benchmark, named: written)?.name == canonical, "\(written)")
        }
    }

    @Test func subsetsLinkToTheirFamilies() throws {
        let ontology = try shipped
        let families = [
            "MATH-500": "MATH", "AIME 2024": "AIME", "SWE-bench Verified": "SWE-bench", "ImageNet-C": "ImageNet",
            "SST-2": "GLUE", "BoolQ": "SuperGLUE", "Atari 100k": "Atari", "WMT23": "WMT", "HumanEval+": "HumanEval",
        ]
        for (subset, family) in families {
            #expect(ontology.entry(.benchmark, named: subset)?.parent == family, "\(subset)")
        }
        #expect(ontology.entry(.benchmark, named: "MMLU-Pro")?.parent == nil)
        // Every subset_of becomes one SUBSET_OF edge to an entry of the gazetteer.
        let edges = ontology.links.filter { $0.relation == .subsetOf }
        #expect(edges.count == ontology.benchmarks.filter { $0.parent != nil }.count)
        let keys = Set(ontology.benchmarks.map(\.nodeID))
        #expect(edges.allSatisfy { keys.contains($0.from) && keys.contains($0.to) })
    }
}
