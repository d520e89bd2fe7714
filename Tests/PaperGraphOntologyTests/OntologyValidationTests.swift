import Testing
@testable import PaperGraphOntology

/// Each broken fixture holds one mistake; the check must report exactly that
/// mistake as an error naming the file, the line and the entry.
@Suite struct OntologyValidationTests {
    /// The single error of a broken fixture, after checking its message names file, line and entry.
    @discardableResult
    private func onlyError(in name: String, file: String, line: Int, entry: String?,
                           mentioning phrase: String) throws -> Fixture.Checked {
        let checked = try Fixture.check(broken: name)
        let error = try #require(checked.errors.first, "no error for \(name)")
        #expect(checked.errors.count == 1, "\(checked.errors)")
        #expect(error.file == checked.path(file))
        #expect(error.line == line)
        #expect(error.entry == entry)
        #expect(error.problem.contains(phrase), "\(error.problem)")
        let place = "\(checked.path(file)):\(line): error:" + (entry.map { " '\($0)'" } ?? "")
        #expect(error.description.hasPrefix(place), "\(error.description)")
        #expect(throws: OntologyError.self) { try Ontology.load(from: checked.directory) }
        return checked
    }

    @Test func unknownNodeKind() throws {
        try onlyError(in: "unknown-node-kind", file: "schema.yaml", line: 7, entry: "Dataset",
                      mentioning: "unknown node kind")
    }

    @Test func unknownRelation() throws {
        try onlyError(in: "unknown-relation", file: "schema.yaml", line: 16, entry: "CITES",
                      mentioning: "unknown relation")
    }

    @Test func relationWithWrongDomain() throws {
        // The misdeclared relation is dropped, so the schema also lacks SUBSET_OF.
        let checked = try Fixture.check(broken: "wrong-domain-range")
        #expect(checked.errors.map(\.entry) == ["SUBSET_OF", "SUBSET_OF"])
        let wrong = try #require(checked.errors.first)
        #expect(wrong.file == checked.path("schema.yaml"))
        #expect(wrong.line == 14)
        #expect(wrong.problem == "must go from Benchmark to Benchmark, not Paper to Benchmark")
        #expect(checked.errors.last?.problem == "relation is not declared")
    }

    @Test func aliasClaimedByTwoEntries() throws {
        let checked = try onlyError(in: "alias-claimed-twice", file: "benchmarks.yaml", line: 5, entry: "GSM-Hard",
                                    mentioning: "'gsm8k' is also claimed by 'GSM8K'")
        // The message also says where the first claim is.
        #expect(checked.errors.first?.problem.hasSuffix("(\(checked.path("benchmarks.yaml")):2)") == true)
    }

    @Test func unknownField() throws {
        try onlyError(in: "unknown-field", file: "benchmarks.yaml", line: 5, entry: "MATH-500",
                      mentioning: "unknown field 'parent'")
    }

    @Test func unknownCaseRule() throws {
        try onlyError(in: "unknown-case-rule", file: "benchmarks.yaml", line: 3, entry: "GSM8K",
                      mentioning: "unknown case rule 'loose'")
    }

    @Test func subsetOfMissingEntry() throws {
        try onlyError(in: "missing-subset-of", file: "benchmarks.yaml", line: 2, entry: "AIME 2024",
                      mentioning: "subset_of 'AIME' is not an entry of this gazetteer")
    }

    @Test func parentCycle() throws {
        let checked = try Fixture.check(broken: "parent-cycle")
        #expect(checked.errors.map(\.entry) == ["Alpha", "Beta"])
        #expect(checked.errors.map(\.line) == [2, 4])
        #expect(checked.errors.map(\.problem) == ["parent chain through 'Beta' loops back",
                                                  "parent chain through 'Alpha' loops back"])
    }

    @Test func malformedYAMLNamesItsLine() throws {
        let checked = try onlyError(in: "malformed-yaml", file: "benchmarks.yaml", line: 5, entry: nil,
                                    mentioning: "malformed YAML")
        #expect(checked.ontology == nil)
    }

    @Test func repeatedKeyIsMalformedYAMLAtItsFirstUse() throws {
        try onlyError(in: "duplicate-key", file: "benchmarks.yaml", line: 4, entry: nil,
                      mentioning: "a mapping repeats the key(s) 'domain'")
    }

    @Test func listsAndMappingsWhereStringsBelongAreErrors() throws {
        let checked = try Fixture.check(broken: "field-not-a-string")
        #expect(checked.errors.map(\.entry) == ["MATH-500", "MATH-500"])
        #expect(checked.errors.map(\.line) == [5, 6])
        #expect(checked.errors.map(\.problem) == ["'aliases' must be a list of strings", "'subset_of' must be a single string"])
    }

    @Test func englishWordsMustMatchExactly() throws {
        let checked = try Fixture.check(broken: "english-word")
        let file = checked.path("benchmarks.yaml")
        #expect(checked.errors.map(\.file) == [file, file, file])
        #expect(checked.errors.map(\.entry) == ["spider", "Race", "DROP"])
        #expect(checked.errors.map(\.line) == [2, 4, 6])
        // A lower-case name defaults to `ignore`; `case: ignore` is explicit; an
        // alias repeating an exact name still matches on its own.
        #expect(checked.errors.map(\.problem) == ["spider", "Race", "drop"].map {
            "'\($0)' is an ordinary English word and would match plain prose; use case: exact"
        })
    }
}
