import Foundation
import PaperGraphModel
import Testing

/// Hand-built graphs for the exporter tests.
enum TestGraphs {
    /// A name built to break naive exporters: quotes, backslashes, braces,
    /// markup, CDATA end, control characters, bidi marks, newlines, U+FFFE,
    /// Graphviz escapes (`\N`, `\G`) and non-ASCII.
    static let hostile = "Evil \"quote\" \\ back\\N\\G {brace} </svg><script>alert(1)</script> ]]> &amp; "
        + "\u{01}\u{0B}ctl \u{200F}rtl\u{202E}flip new\nline\r\nwin \u{FFFE}\u{FFFF} ünï 数学 'single'"

    /// `text` without the characters XML 1.0 forbids: what a reader must get back.
    static func xmlVisible(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0.value >= 0x20 ? ($0.value != 0xFFFE && $0.value != 0xFFFF) : ($0 == "\t" || $0 == "\n" || $0 == "\r")
        }))
    }

    static func evidence(_ sentence: String, rule: String = "gazetteer") -> Evidence {
        Evidence(rule: rule, field: .abstract, sentence: sentence, start: 3, end: 9)
    }

    /// Four papers, three methods (one hostile), three benchmarks, a repository,
    /// every relation, list/int/double/bool properties and a mixed-type property.
    static func sample() -> KnowledgeGraph {
        var g = KnowledgeGraph()
        let p1 = g.upsert(Node(id: NodeID(kind: .paper, normalizedKey: "2409.12917"), name: "Solving MATH with MCTS",
                               properties: ["title": .string("Solving MATH with MCTS"),
                                            "abstract": .string("We propose X. It works on MATH and GSM8K."),
                                            "authors": .strings(["Ada Lovelace", "Alan \"AT\" Turing"]),
                                            "published": .string("2024-09-19"),
                                            "url": .string("https://arxiv.org/abs/2409.12917"),
                                            "year": .int(2024), "note": .int(7), "open": .bool(true)]))
        let p2 = g.upsert(Node(id: NodeID(kind: .paper, normalizedKey: "2501.00001"), name: "GRPO for grade school math",
                               properties: ["title": .string("GRPO for grade school math"),
                                            "abstract": .string("A study. More text."),
                                            "authors": .strings(["B. Author"]), "year": .int(2025),
                                            "score": .double(0.75), "note": .string("seven")]))
        let p3 = g.upsert(Node(id: NodeID(.paper, "A paper without an arXiv id"), name: "A paper without an arXiv id",
                               properties: ["title": .string("A paper without an arXiv id"),
                                            "url": .string("javascript:alert(1)"), "odd name/é": .string("odd")]))
        let p4 = g.upsert(Node(id: NodeID(kind: .paper, normalizedKey: "2502.00002"), name: hostile,
                               properties: ["title": .string(hostile), "abstract": .string(hostile + ". Second.")]))
        let mcts = g.upsert(Node(id: NodeID(.method, "Monte Carlo Tree Search"), name: "Monte Carlo Tree Search",
                                 properties: ["aliases": .strings(["MCTS", "Monte-Carlo Tree Search"])]))
        let tree = g.upsert(Node(id: NodeID(.method, "tree search"), name: "tree search"))
        let grpo = g.upsert(Node(id: NodeID(.method, "GRPO"), name: "GRPO"))
        let evil = g.upsert(Node(id: NodeID(.method, hostile), name: hostile,
                                 properties: ["aliases": .strings([hostile, "evil"])]))
        let math = g.upsert(Node(id: NodeID(.benchmark, "MATH"), name: "MATH", properties: ["domain": .string("math")]))
        let m500 = g.upsert(Node(id: NodeID(.benchmark, "MATH-500"), name: "MATH-500",
                                 properties: ["aliases": .strings(["MATH500"]), "domain": .string("math")]))
        let gsm = g.upsert(Node(id: NodeID(.benchmark, "GSM8K"), name: "GSM8K", properties: ["aliases": .strings(["GSM-8K"])]))
        let repo = g.upsert(Node(id: NodeID(.repository, "github.com/Owner/Repo"), name: "github.com/owner/repo",
                                 properties: ["url": .string("https://github.com/Owner/Repo")]))

        g.addEdge(from: p1, relation: .proposes, to: mcts, evidence: [evidence("We propose X.", rule: "we-propose")])
        g.addEdge(from: p1, relation: .evaluatesOn, to: math,
                  evidence: [evidence("It works on MATH and GSM8K."), evidence("MATH again.", rule: "results-on")])
        g.addEdge(from: p1, relation: .evaluatesOn, to: gsm, evidence: [evidence("It works on MATH and GSM8K.")])
        g.addEdge(from: p1, relation: .hasCode, to: repo, evidence: [evidence("github.com/owner/repo")])
        g.addEdge(from: p2, relation: .uses, to: grpo, evidence: [evidence("We use GRPO.")])
        g.addEdge(from: p2, relation: .uses, to: mcts, evidence: [evidence("and MCTS")])
        g.addEdge(from: p2, relation: .evaluatesOn, to: gsm, evidence: [evidence("on GSM8K")])
        g.addEdge(from: p2, relation: .evaluatesOn, to: m500, evidence: [evidence("on MATH-500")])
        g.addEdge(from: p3, relation: .uses, to: grpo, evidence: [evidence("GRPO")])
        g.addEdge(from: p3, relation: .introduces, to: m500, evidence: [evidence("We introduce MATH-500")])
        g.addEdge(from: p4, relation: .uses, to: evil, evidence: [evidence(hostile, rule: hostile)])
        g.addEdge(from: p4, relation: .evaluatesOn, to: math, evidence: [evidence(hostile)])
        g.addEdge(from: m500, relation: .subsetOf, to: math)
        g.addEdge(from: mcts, relation: .specializes, to: tree)
        return g
    }

    /// The fixture directory beside this file.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// The repository's `ontology/` directory.
    static var ontologyDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("ontology").path
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("papergraph-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Runs Python interop checks. A missing interpreter or module is a failure
/// with a clear message, unless `PAPERGRAPH_SKIP_PYTHON=1` says to skip them.
enum Python {
    static var skipped: Bool { ProcessInfo.processInfo.environment["PAPERGRAPH_SKIP_PYTHON"] == "1" }

    /// Runs `script` with `arguments`; returns its standard output decoded as JSON,
    /// or nil (after recording an issue) when Python is missing or the script failed.
    static func json(_ script: String, _ arguments: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> [String: Any]? {
        if skipped { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            Issue.record("python3 could not be started (\(error)); install python3 or set PAPERGRAPH_SKIP_PYTHON=1",
                         sourceLocation: sourceLocation)
            return nil
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let hint = errors.contains("ModuleNotFoundError") || errors.contains("not found")
                ? " — a Python module is missing (pip install networkx igraph rdflib kuzu) or set PAPERGRAPH_SKIP_PYTHON=1"
                : ""
            Issue.record("python3 failed (\(process.terminationStatus))\(hint):\n\(errors)", sourceLocation: sourceLocation)
            return nil
        }
        guard let object = try? JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            Issue.record("python3 printed no JSON object: \(String(decoding: output, as: UTF8.self))",
                         sourceLocation: sourceLocation)
            return nil
        }
        return object
    }
}
