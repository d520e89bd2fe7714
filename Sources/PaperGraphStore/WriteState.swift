import PaperGraphModel

/// An edge by node rowids, as the `edges` table keys it.
struct EdgeRowKey: Hashable {
    let src: Int64
    let relation: Relation
    let dst: Int64
}

/// What a writing store keeps in memory so that a build does not look every node
/// up in SQLite: the rowid of every node, the stored form of every node that many
/// papers share (methods, benchmarks, repositories: these are the ones merged
/// over and over), the stored content hash of every paper, and the ontology edges
/// met so far. Prepared statements live here too, reused for every row.
///
/// The caches mirror the file only while no other connection writes; `data_version`
/// tells, and the store reloads them when it changed (or after a rollback).
final class WriteState {
    let dataVersion: Int64
    var rows: [NodeID: Int64] = [:]
    var shared: [Int64: StoredNode] = [:]
    var storedHashes: [Int64: Int64] = [:]
    var ontologyEdges: [EdgeRowKey: [Evidence]] = [:]

    let insertNode: Statement
    let updateNode: Statement
    let selectNode: Statement
    let insertEdge: Statement
    let selectEdge: Statement
    let updateEdge: Statement
    let deleteExtracted: Statement
    let upsertPaper: Statement

    /// The rows of the fragment being written, by its node index (reused for every fragment).
    var nodeRows: [Int64] = []

    init(connection: Connection, path: String) throws(StoreError) {
        dataVersion = try connection.integer("PRAGMA data_version")
        insertNode = try connection.prepare("INSERT INTO nodes (kind, key, name, props) VALUES (?1, ?2, ?3, ?4)")
        updateNode = try connection.prepare("UPDATE nodes SET name = ?2, props = ?3 WHERE id = ?1")
        selectNode = try connection.prepare("SELECT name, props FROM nodes WHERE id = ?1")
        insertEdge = try connection.prepare("INSERT INTO edges (src, rel, dst, evidence) VALUES (?1, ?2, ?3, ?4)")
        selectEdge = try connection.prepare("SELECT evidence FROM edges WHERE src = ?1 AND rel = ?2 AND dst = ?3")
        updateEdge = try connection.prepare("UPDATE edges SET evidence = ?4 WHERE src = ?1 AND rel = ?2 AND dst = ?3")
        let extracted = Relation.allCases.filter(\.isExtracted).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        deleteExtracted = try connection.prepare("DELETE FROM edges WHERE src = ?1 AND rel IN (\(extracted))")
        upsertPaper = try connection.prepare("""
            INSERT INTO papers (node_id, content_hash) VALUES (?1, ?2)
            ON CONFLICT (node_id) DO UPDATE SET content_hash = excluded.content_hash
            """)

        // Node identities come from the (kind, key) index alone, never the wide rows.
        let identities = try connection.prepare("SELECT id, kind, key FROM nodes INDEXED BY sqlite_autoindex_nodes_1")
        while try identities.step() {
            let kind = try GraphStore.kind(identities, column: 1, path: path)
            rows[NodeID(kind: kind, normalizedKey: identities.text(2))] = identities.int64(0)
        }
        // Kept encoded, as stored: a fragment's node is compared byte for byte and
        // decoded only when it differs (see ``StoredNode``).
        let sharedNodes = try connection.prepare(
            "SELECT id, name, props FROM nodes WHERE kind IN ('Method', 'Benchmark', 'Repository')")
        while try sharedNodes.step() {
            shared[sharedNodes.int64(0)] = StoredNode(name: sharedNodes.blob(1), properties: sharedNodes.blob(2))
        }
        let hashes = try connection.prepare("SELECT node_id, content_hash FROM papers")
        while try hashes.step() {
            storedHashes[hashes.int64(0)] = hashes.int64(1)
        }
    }
}
