import Foundation
import PaperGraphModel

/// Renders a ``QueryResult`` for people (aligned table) or programs (JSON, JSON Lines, CSV).
///
/// Graph values render as:
/// - table and CSV: Neo4j-style text — a node `(:Benchmark {name: "GSM8K"})`, a
///   relationship `[:EVALUATES_ON]`, a path `(:Paper {…})-[:EVALUATES_ON]->(:Benchmark {…})`;
/// - JSON / JSON Lines: a node `{"kind": "Benchmark", "key": "gsm8k", "name": "GSM8K"}`,
///   a relationship `{"type": "EVALUATES_ON", "from": "Paper:2409.12917", "to": "Benchmark:gsm8k"}`,
///   a path `{"nodes": [...], "relationships": [...]}`.
public struct ResultFormatter: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case table, json, jsonl, csv
    }

    let graph: KnowledgeGraph

    public init(graph: KnowledgeGraph) { self.graph = graph }

    public func render(_ result: QueryResult, as format: Format) -> String {
        switch format {
        case .table: return table(result)
        case .json:
            let rows = result.rows.map { jsonObject(result.columns, $0) }
            return rows.isEmpty ? "[]\n" : "[\n" + rows.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n"
        case .jsonl: return result.rows.map { jsonObject(result.columns, $0) + "\n" }.joined()
        case .csv:
            var out = result.columns.map(ResultFormatter.csvField).joined(separator: ",") + "\r\n"
            for row in result.rows {
                out += row.map { ResultFormatter.csvField(text($0, nested: false)) }.joined(separator: ",") + "\r\n"
            }
            return out
        }
    }

    // MARK: Text

    /// A value as text: strings bare at the top level, quoted inside lists and maps.
    public func text(_ value: CypherValue, nested: Bool = false) -> String {
        switch value {
        case .string(let s): return nested ? ResultFormatter.quoted(s) : s
        case .list(let items): return "[" + items.map { text($0, nested: true) }.joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.keys.sorted().map { "\($0): \(text(m[$0]!, nested: true))" }.joined(separator: ", ") + "}"
        case .node(let i): return nodeText(i)
        case .relationship(let i): return "[:\(graph.edges[i].relation.rawValue)]"
        case .path(let p):
            var out = nodeText(p.nodes[0])
            for (k, e) in p.edges.enumerated() {
                let edge = graph.edges[e]
                let forward = edge.from == p.nodes[k]
                out += (forward ? "-" : "<-") + "[:\(edge.relation.rawValue)]" + (forward ? "->" : "-") + nodeText(p.nodes[k + 1])
            }
            return out
        default: return value.description
        }
    }

    private func nodeText(_ i: Int) -> String {
        let node = graph.nodes[i]
        return "(:\(node.kind.rawValue) {name: \(ResultFormatter.quoted(node.name))})"
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private func table(_ result: QueryResult) -> String {
        let cells = result.rows.map { $0.map { ResultFormatter.oneLine(text($0)) } }
        var widths = result.columns.map(\.count)
        for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ values: [String]) -> String {
            "| " + zip(values, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: " | ") + " |"
        }
        let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        var out = [rule, line(result.columns), rule]
        out += cells.map(line)
        out.append(rule)
        out.append("\(result.rows.count) row\(result.rows.count == 1 ? "" : "s")")
        return out.joined(separator: "\n") + "\n"
    }

    private static func oneLine(_ s: String) -> String {
        s.contains(where: \.isNewline) ? s.split(whereSeparator: \.isNewline).joined(separator: " ") : s
    }

    private static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: JSON

    private func jsonObject(_ columns: [String], _ row: [CypherValue]) -> String {
        "{" + zip(columns, row).map { "\(ResultFormatter.jsonString($0)): \(json($1))" }.joined(separator: ", ") + "}"
    }

    /// The JSON rendering of one value (see the type's documentation).
    public func json(_ value: CypherValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? String(d) : "null"
        case .string(let s): return ResultFormatter.jsonString(s)
        case .list(let items): return "[" + items.map(json).joined(separator: ", ") + "]"
        case .map(let m):
            return "{" + m.keys.sorted().map { "\(ResultFormatter.jsonString($0)): \(json(m[$0]!))" }.joined(separator: ", ") + "}"
        case .node(let i):
            let node = graph.nodes[i]
            return "{\"kind\": \(ResultFormatter.jsonString(node.kind.rawValue)), \"key\": \(ResultFormatter.jsonString(node.id.key)), "
                + "\"name\": \(ResultFormatter.jsonString(node.name))}"
        case .relationship(let i):
            let edge = graph.edges[i]
            return "{\"type\": \(ResultFormatter.jsonString(edge.relation.rawValue)), "
                + "\"from\": \(ResultFormatter.jsonString(graph.nodes[edge.from].id.description)), "
                + "\"to\": \(ResultFormatter.jsonString(graph.nodes[edge.to].id.description))}"
        case .path(let p):
            return "{\"nodes\": [" + p.nodes.map { json(.node($0)) }.joined(separator: ", ") + "], \"relationships\": ["
                + p.edges.map { json(.relationship($0)) }.joined(separator: ", ") + "]}"
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
