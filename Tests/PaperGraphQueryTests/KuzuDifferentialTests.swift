import Foundation
import Testing
import PaperGraphModel
@testable import PaperGraphQuery

/// Runs the same queries on this engine and on Kuzu over the same graph, and
/// requires equal answers. Where Kuzu's dialect differs, a query carries its
/// Kuzu spelling with the same meaning (see `DifferentialSuite`).
@Suite struct KuzuDifferentialTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func answersEqualKuzus() throws {
        if ProcessInfo.processInfo.environment["PAPERGRAPH_SKIP_KUZU"] == "1" { return }
        let check = try Self.python(["-c", "import kuzu"])
        guard check.status == 0 else {
            let reason = check.output.split(separator: "\n").last.map(String.init) ?? "python3 exited with \(check.status)"
            Issue.record("""
                The differential test needs python3 with the kuzu package (pip install kuzu): \(reason). \
                Set PAPERGRAPH_SKIP_KUZU=1 to skip it deliberately.
                """)
            return
        }
        let graph = SampleGraph.build()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("papergraph-kuzu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // PAPERGRAPH_KUZU_KEEP=1 keeps the CSV files, queries and Kuzu's answers for a look.
        defer {
            if ProcessInfo.processInfo.environment["PAPERGRAPH_KUZU_KEEP"] == "1" {
                print("Kuzu differential files kept in \(directory.path)")
            } else {
                try? FileManager.default.removeItem(at: directory)
            }
        }
        try KuzuExport.write(graph, to: directory)
        let suite = DifferentialSuite.queries
        #expect(suite.count >= 40)
        let spec: [[String: Any]] = suite.map {
            ["id": $0.id, "query": $0.kuzu, "sort_lists": $0.sortLists, "params": $0.parameters.mapValues(Self.json)]
        }
        try JSONSerialization.data(withJSONObject: spec).write(to: directory.appendingPathComponent("queries.json"))
        let run = try Self.python([Self.fixtures.appendingPathComponent("kuzu_runner.py").path, directory.path])
        try #require(run.status == 0, "kuzu_runner.py failed: \(run.output)")
        let data = try Data(contentsOf: directory.appendingPathComponent("results.json"))
        let kuzu = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])

        let engine = QueryEngine(graph: graph)
        var compared = 0
        for query in suite {
            guard let expected = kuzu[query.id]?["rows"] as? [String] else {
                Issue.record("[\(query.id)] Kuzu failed: \(kuzu[query.id]?["error"] ?? "no result")\n  \(query.kuzu)")
                continue
            }
            let result: QueryResult
            do {
                result = try engine.run(query.papergraph, parameters: query.parameters)
            } catch let error as QueryError {
                Issue.record("[\(query.id)] papergraph failed: \(error.render(query: query.papergraph))")
                continue
            }
            let actual = result.rows.map { row in
                row.map { Canonical.text($0, graph: graph, sortLists: query.sortLists) }.joined(separator: " | ")
            }
            let same = query.ordered ? actual == expected : actual.sorted() == expected.sorted()
            if same { compared += 1 } else {
                Issue.record("""
                    [\(query.id)] answers differ
                      papergraph: \(query.papergraph)
                      kuzu:       \(query.kuzu)
                      ours (\(actual.count)):  \(actual.prefix(8))
                      kuzu (\(expected.count)):  \(expected.prefix(8))
                    """)
            }
        }
        #expect(compared == suite.count)
    }

    static func json(_ value: CypherValue) -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        case .list(let items): return items.map(json)
        case .map(let m): return m.mapValues(json)
        default: return NSNull()
        }
    }

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (127, "cannot run python3: \(error)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// The canonical text of a value, identical to `canon` in `Fixtures/kuzu_runner.py`.
enum Canonical {
    static func text(_ value: CypherValue, graph: KnowledgeGraph, sortLists: Bool) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(format: "%.6f", d)
        case .string(let s): return "s\(s.unicodeScalars.count):\(s)"
        case .list(let items):
            let texts = items.map { text($0, graph: graph, sortLists: sortLists) }
            return "[" + (sortLists ? texts.sorted() : texts).joined(separator: ",") + "]"
        case .map(let m):
            return "{" + m.keys.sorted().map { "\($0):\(text(m[$0]!, graph: graph, sortLists: sortLists))" }.joined(separator: ",") + "}"
        case .node(let i): return "N(\(graph.nodes[i].id.description))"
        case .relationship(let i):
            let e = graph.edges[i]
            return "R(\(e.relation.rawValue):\(graph.nodes[e.from].id.description)->\(graph.nodes[e.to].id.description))"
        case .path(let p):
            return "P(" + p.nodes.map { text(.node($0), graph: graph, sortLists: false) }.joined(separator: ",") + "|"
                + p.edges.map { text(.relationship($0), graph: graph, sortLists: false) }.joined(separator: ",") + ")"
        }
    }
}
