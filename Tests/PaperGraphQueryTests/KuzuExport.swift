import Foundation
import PaperGraphModel

/// Writes the test graph as Kuzu-loadable CSV files: one per node kind, one per
/// relation (a minimal writer of its own, so this test does not depend on the
/// export target). Columns must match `Fixtures/kuzu_runner.py`.
enum KuzuExport {
    static let nodeColumns: [NodeKind: [String]] = [
        .paper: ["title", "abstract", "authors", "published", "url"],
        .method: ["aliases", "broader"],
        .benchmark: ["aliases", "domain"],
        .repository: ["url", "host"],
    ]

    static func write(_ graph: KnowledgeGraph, to directory: URL) throws {
        for kind in NodeKind.allCases {
            let columns = nodeColumns[kind]!
            var lines = [(["key", "name", "kind"] + columns).joined(separator: ",")]
            for i in graph.nodeIndices(of: kind) {
                let node = graph.nodes[i]
                let values = [field(node.id.key), field(node.name), field(kind.rawValue)]
                    + columns.map { node.properties[$0].map(field) ?? "" }
                lines.append(values.joined(separator: ","))
            }
            try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("\(kind.rawValue).csv"),
                                                            atomically: true, encoding: .utf8)
        }
        for relation in Relation.allCases {
            var lines = ["from,to,evidence,rule,weight"]
            for edge in graph.edges where edge.relation == relation {
                let rule = edge.evidence.first.map { field($0.rule) } ?? ""
                lines.append([field(graph.nodes[edge.from].id.key), field(graph.nodes[edge.to].id.key),
                              field(.strings(edge.evidence.map(\.sentence))), rule, String(edge.evidence.count)]
                    .joined(separator: ","))
            }
            try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("\(relation.rawValue).csv"),
                                                            atomically: true, encoding: .utf8)
        }
    }

    private static func field(_ value: PropertyValue) -> String {
        switch value {
        case .strings(let list): return field("[" + list.joined(separator: ",") + "]")
        default: return field(value.description)
        }
    }

    private static func field(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
