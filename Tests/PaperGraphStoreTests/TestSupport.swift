import CSQLite
import Foundation
import PaperGraphModel
@testable import PaperGraphStore

/// A fresh directory per test, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("papergraph-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// A graph as comparable values: nodes in graph order, edges sorted (the store
/// returns them grouped by source, memory in insertion order).
struct GraphContents: Equatable, CustomStringConvertible {
    struct EdgeRow: Hashable, Comparable {
        let from: NodeID, relation: Relation, to: NodeID
        let evidence: [Evidence]
        static func < (a: EdgeRow, b: EdgeRow) -> Bool { (a.from, a.relation, a.to) < (b.from, b.relation, b.to) }
    }

    let nodes: [Node]
    let edges: [EdgeRow]

    init(_ graph: KnowledgeGraph) {
        nodes = graph.nodes
        edges = graph.edges.map {
            EdgeRow(from: graph.nodes[$0.from].id, relation: $0.relation, to: graph.nodes[$0.to].id, evidence: $0.evidence)
        }.sorted()
    }

    var description: String { "\(nodes.count) nodes, \(edges.count) edges" }
}

/// Every row of the store's tables, as SQLite holds them (blobs in hex), to show
/// that a second write changed not one byte.
func tableDump(_ path: String) throws -> [String] {
    var db: OpaquePointer?
    guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { throw StoreError.missing(path: path) }
    defer { sqlite3_close(db) }
    var rows: [String] = []
    for sql in ["SELECT id, kind, key, name, hex(props) FROM nodes ORDER BY id",
                "SELECT src, rel, dst, hex(evidence) FROM edges ORDER BY src, rel, dst",
                "SELECT node_id, content_hash FROM papers ORDER BY node_id"] {
        var statement: OpaquePointer?
        sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        while sqlite3_step(statement) == SQLITE_ROW {
            let columns = (0..<sqlite3_column_count(statement)).map { column -> String in
                sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "NULL"
            }
            rows.append(columns.joined(separator: "|"))
        }
        sqlite3_finalize(statement)
    }
    return rows
}

/// Runs SQL on a file directly, bypassing the store (to forge foreign or future files).
func rawExecute(_ path: String, _ sql: String) {
    var db: OpaquePointer?
    sqlite3_open(path, &db)
    sqlite3_exec(db, sql, nil, nil, nil)
    sqlite3_close(db)
}

/// Builds a store at `path` from fragments, the way a build does.
@discardableResult
func build(_ path: String, _ fragments: [GraphFragment], batchSize: Int = 10_000) throws -> WriteSummary {
    let store = try GraphStore(path: path)
    return try store.write(fragments, batchSize: batchSize)
}

/// The (src, rel, dst) of the edge at `offset` in primary key order, read directly.
func rawEdge(_ path: String, offset: Int) -> (src: Int64, rel: String, dst: Int64) {
    var db: OpaquePointer?
    sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil)
    defer { sqlite3_close(db) }
    var statement: OpaquePointer?
    sqlite3_prepare_v2(db, "SELECT src, rel, dst FROM edges ORDER BY src, rel, dst LIMIT 1 OFFSET \(offset)", -1, &statement, nil)
    defer { sqlite3_finalize(statement) }
    guard sqlite3_step(statement) == SQLITE_ROW else { return (-1, "", -1) }
    return (sqlite3_column_int64(statement, 0), String(cString: sqlite3_column_text(statement, 1)),
            sqlite3_column_int64(statement, 2))
}
