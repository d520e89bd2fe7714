import PaperGraphModel

/// CSV for bulk loaders, written as a directory:
///
/// - `neo4j/nodes.csv`, `neo4j/relationships.csv` for `neo4j-admin database import
///   full --nodes=nodes.csv --relationships=relationships.csv` (headers `:ID`,
///   `:LABEL`, typed property columns, `:START_ID`, `:END_ID`, `:TYPE`);
/// - `kuzu/<Kind>.csv` (primary key `key` first) and `kuzu/<RELATION>.csv`
///   (`from,to,…`), one file per table because Kuzu's `COPY FROM` loads one
///   table at a time, plus `kuzu/load.cypher` with the `CREATE … TABLE` and
///   `COPY` statements (paths relative to the `kuzu/` directory).
///
/// Lists are JSON array strings, as in GraphML. Fields are quoted RFC 4180
/// style whenever they contain a comma, quote or line break.
enum CSVTables {
    /// File name (relative to the export directory) → contents.
    static func files(_ graph: KnowledgeGraph) -> [(path: String, text: String)] {
        neo4j(graph) + kuzu(graph)
    }

    static func neo4j(_ graph: KnowledgeGraph) -> [(path: String, text: String)] {
        let order = StableOrder(graph)
        let columns = PropertyColumns(graph, nodes: order.nodes).columns
        var nodes = CSVText()
        nodes.row([":ID", ":LABEL", "kind", "key", "name"] + columns.map { "\($0.name):\(neo4jType($0.type))" })
        for index in order.nodes {
            let node = graph.nodes[index]
            nodes.row([node.id.description, node.kind.rawValue, node.kind.rawValue, node.id.key, node.name]
                      + columns.map { PropertyColumns.value(node, $0.name).map(PropertyColumns.text) ?? "" })
        }
        var rels = CSVText()
        rels.row([":START_ID", ":END_ID", ":TYPE", "weight:int", "evidence"])
        for index in order.edges {
            let edge = graph.edges[index], evidence = edge.evidence
            rels.row([graph.nodes[edge.from].id.description, graph.nodes[edge.to].id.description,
                      edge.relation.rawValue, String(max(1, evidence.count)), evidenceJSON(evidence)])
        }
        return [("neo4j/nodes.csv", nodes.text), ("neo4j/relationships.csv", rels.text)]
    }

    static func kuzu(_ graph: KnowledgeGraph) -> [(path: String, text: String)] {
        let order = StableOrder(graph)
        var files: [(String, String)] = []
        var script: [String] = []
        var copies: [String] = []
        for kind in NodeKind.allCases {
            let members = order.nodes.filter { graph.nodes[$0].kind == kind }
            guard !members.isEmpty else { continue }
            let columns = PropertyColumns(graph, nodes: members).columns
            var csv = CSVText()
            csv.row(["key", "name"] + columns.map(\.name))
            for index in members {
                let node = graph.nodes[index]
                csv.row([node.id.key, node.name]
                        + columns.map { PropertyColumns.value(node, $0.name).map(PropertyColumns.text) ?? "" })
            }
            files.append(("kuzu/\(kind.rawValue).csv", csv.text))
            let declared = columns.map { "\(cypherName($0.name)) \(kuzuType($0.type))" }.joined(separator: ", ")
            script.append("CREATE NODE TABLE \(kind.rawValue)(key STRING, name STRING"
                          + (declared.isEmpty ? "" : ", " + declared) + ", PRIMARY KEY(key));")
            copies.append("COPY \(kind.rawValue) FROM '\(kind.rawValue).csv' (header=true, parallel=false);")
        }
        for relation in Relation.allCases {
            let members = order.edges.filter { graph.edges[$0].relation == relation }
            guard !members.isEmpty else { continue }
            var csv = CSVText()
            csv.row(["from", "to", "weight", "evidence"])
            for index in members {
                let edge = graph.edges[index], evidence = edge.evidence
                csv.row([graph.nodes[edge.from].id.key, graph.nodes[edge.to].id.key,
                         String(max(1, evidence.count)), evidenceJSON(evidence)])
            }
            files.append(("kuzu/\(relation.rawValue).csv", csv.text))
            script.append("CREATE REL TABLE \(relation.rawValue)(FROM \(relation.domain.rawValue) TO "
                          + "\(relation.range.rawValue), weight INT64, evidence STRING);")
            copies.append("COPY \(relation.rawValue) FROM '\(relation.rawValue).csv' (header=true, parallel=false);")
        }
        files.append(("kuzu/load.cypher", (script + copies).joined(separator: "\n") + "\n"))
        return files
    }

    private static func evidenceJSON(_ evidence: [Evidence]) -> String {
        var json = JSONText()
        json.evidence(evidence)
        return json.text
    }

    private static func neo4jType(_ type: ColumnType) -> String {
        switch type {
        case .string, .list: return "string"
        case .long: return "long"
        case .double: return "double"
        case .boolean: return "boolean"
        }
    }

    private static func kuzuType(_ type: ColumnType) -> String {
        switch type {
        case .string, .list: return "STRING"
        case .long: return "INT64"
        case .double: return "DOUBLE"
        case .boolean: return "BOOLEAN"
        }
    }

    /// Property names in backquotes, so names like `order` or `from` stay legal.
    private static func cypherName(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }
}

/// RFC 4180 CSV rows.
struct CSVText {
    private(set) var text = ""

    mutating func row(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { text += "," }
            let clean = XMLText.clean(field)
            if clean.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                text += "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            } else {
                text += clean
            }
        }
        text += "\n"
    }
}

import Foundation
