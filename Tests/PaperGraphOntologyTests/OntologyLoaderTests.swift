import PaperGraphModel
import Testing
@testable import PaperGraphOntology

/// Loading a valid ontology: every field reaches the typed entries.
@Suite struct OntologyLoaderTests {
    let ontology: Ontology

    init() throws {
        ontology = try Ontology.load(from: Fixture.valid)
    }

    @Test func validFixtureHasNoIssues() {
        let (_, issues) = Ontology.check(directory: Fixture.valid)
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test func schemaDeclaresEveryKindAndRelation() throws {
        #expect(ontology.schema.kinds.map(\.kind) == [.paper, .method, .benchmark, .repository])
        let subsetOf = try #require(ontology.schema.relation(.subsetOf))
        #expect(subsetOf.domain == .benchmark && subsetOf.range == .benchmark)
        #expect(ontology.schema.kind(.paper)?.properties.map(\.name) == ["title", "authors"])
        #expect(ontology.schema.kind(.paper)?.properties.map(\.type) == [.string, .strings])
    }

    @Test func entriesKeepNamesAliasesDomainsAndParents() throws {
        #expect(ontology.benchmarks.map(\.name) == ["MATH", "MATH-500", "HumanEval"])
        #expect(ontology.methods.map(\.name) == ["chain-of-thought", "Monte Carlo Tree Search", "tree search"])
        let math = try #require(ontology.entry(.benchmark, named: "MATH"))
        #expect(math.aliases == ["Hendrycks MATH"])
        #expect(math.domain == "math")
        #expect(math.description == "Competition mathematics")
        #expect(math.location.line == 2)
        #expect(ontology.entry(.benchmark, named: "math500")?.name == "MATH-500")
        #expect(ontology.entry(.benchmark, named: "MATH-500")?.parent == "MATH")
        #expect(ontology.entry(.method, named: "mcts")?.parent == "tree search")
        #expect(ontology.entry(.benchmark, named: "CoT") == nil)
    }

    @Test func caseRulesFollowFieldsAndDefaults() throws {
        func rules(_ kind: NodeKind, _ name: String) throws -> [String: CaseRule] {
            let entry = try #require(ontology.entry(kind, named: name))
            return Dictionary(uniqueKeysWithValues: entry.surfaceForms.map { ($0.text, $0.caseRule) })
        }
        // Explicit `case`, inherited by aliases; `alias_case` overrides one alias.
        #expect(try rules(.benchmark, "MATH") == ["MATH": .exact, "Hendrycks MATH": .exact])
        #expect(try rules(.benchmark, "HumanEval") == ["HumanEval": .ignore, "HE": .exact, "Human-Eval": .ignore])
        #expect(try rules(.method, "MCTS") == ["Monte Carlo Tree Search": .ignore, "MCTS": .exact])
        // No `case`: exact when the text has a capital letter, for the name and each alias alike.
        #expect(try rules(.benchmark, "MATH-500") == ["MATH-500": .exact, "MATH500": .exact])
        #expect(try rules(.method, "chain-of-thought") == ["chain-of-thought": .ignore, "CoT": .exact])
    }

    @Test func commonWordsSkipTheHeaderComment() {
        #expect(ontology.commonWords == ["math", "race", "drop", "spider", "tree", "search"])
    }

    @Test func linksComeFromSubsetOfAndBroader() {
        #expect(Set(ontology.links) == [
            EdgeSpec(from: NodeID(.benchmark, "MATH-500"), relation: .subsetOf, to: NodeID(.benchmark, "MATH")),
            EdgeSpec(from: NodeID(.method, "Monte Carlo Tree Search"), relation: .specializes,
                     to: NodeID(.method, "tree search")),
        ])
    }

    @Test func lookupFollowsEditsOfTheEntryLists() {
        var edited = ontology
        edited.benchmarks.append(GazetteerEntry(kind: .benchmark, name: "GSM8K", aliases: ["GSM-8K"], caseRule: .ignore,
                                                location: SourceLocation(file: "edit", line: 1)))
        #expect(edited.entry(.benchmark, named: "gsm 8k")?.name == "GSM8K")
        #expect(ontology.entry(.benchmark, named: "gsm 8k") == nil)
        edited.benchmarks.removeAll { $0.name == "MATH-500" }
        #expect(edited.entry(.benchmark, named: "MATH500") == nil)
        #expect(edited.entry(.benchmark, named: "HumanEval")?.name == "HumanEval")
    }

    @Test func missingDirectoryIsAnError() {
        let (ontology, issues) = Ontology.check(directory: Fixture.root.appendingPathComponent("absent").path)
        #expect(ontology == nil)
        #expect(issues.map(\.severity) == [.error])
        #expect(issues.first?.problem.contains("is not a directory") == true)
    }
}
