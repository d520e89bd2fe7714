import Foundation
import Testing
@testable import PaperGraphOntology

/// The OWL/Turtle rendering of the schema.
@Suite struct TurtleTests {
    private var shipped: Ontology {
        get throws { try #require(RepositoryOntologyTests.checked.0) }
    }

    @Test("ontology/papergraph.ttl is the current rendering of schema.yaml")
    func committedFileIsCurrent() throws {
        let path = (RepositoryOntologyTests.directory as NSString).appendingPathComponent("papergraph.ttl")
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == (try shipped.turtle),
                "regenerate with: papergraph ontology turtle > ontology/papergraph.ttl")
    }

    @Test("every kind is a class, every relation an object property with its domain and range")
    func declaresTheSchema() throws {
        let turtle = try shipped.turtle
        for kind in ["Paper", "Method", "Benchmark", "Repository"] {
            #expect(turtle.contains("pg:\(kind) a owl:Class"))
        }
        #expect(turtle.contains("pg:EVALUATES_ON a owl:ObjectProperty ;\n    rdfs:domain pg:Paper ;\n    rdfs:range pg:Benchmark"))
        #expect(turtle.contains("pg:SUBSET_OF a owl:ObjectProperty ;\n    rdfs:domain pg:Benchmark ;\n    rdfs:range pg:Benchmark"))
        #expect(turtle.contains("pg:name a owl:DatatypeProperty ;\n    rdfs:domain [ a owl:Class ; owl:unionOf ( pg:Method pg:Benchmark ) ]"))
    }

    @Test("rdflib parses the rendering")
    func rdflibParses() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString).ttl")
        try shipped.turtle.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sys, rdflib
            g = rdflib.Graph(); g.parse(sys.argv[1], format="turtle")
            OWL = rdflib.Namespace("http://www.w3.org/2002/07/owl#")
            named = lambda t: len({s for s in g.subjects(rdflib.RDF.type, t) if isinstance(s, rdflib.URIRef)})
            print(named(OWL.Class), named(OWL.ObjectProperty))
            """, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "python3 with rdflib is needed (make pydeps)")
        // Four named classes (the unions behind shared properties are blank nodes); seven relations.
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "4 7")
    }
}
