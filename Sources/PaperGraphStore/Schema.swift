/// The store's SQL schema and its version stamp.
///
/// Kinds and relations are stored as their public names (`Paper`, `EVALUATES_ON`),
/// so the store can be read with the `sqlite3` shell; properties and evidence are
/// a compact binary (see ``PropertyCoding``) because decoding them is the cost of
/// loading a large store.
///
/// The file is stamped with `PRAGMA application_id` (so a papergraph store is
/// recognisable, and foreign SQLite files are refused before anything is written)
/// and `PRAGMA user_version` (the schema version below).
enum Schema {
    /// `PRAGMA application_id`: the ASCII bytes "PGRF".
    static let applicationID: Int64 = 0x5047_5246
    /// `PRAGMA user_version`: bump when the tables or encodings change.
    static let version: Int64 = 1

    /// `nodes` keeps insertion order in its rowid, which is the node order of the
    /// loaded graph. `edges` is clustered on (src, rel, dst): a paper's edges sit
    /// together (replacing them is one range delete) and there is at most one row
    /// per edge, as in ``KnowledgeGraph``. `papers` remembers the content hash of
    /// the fragment each paper was last written from.
    ///
    /// There is deliberately no index on `edges (dst)`: every paper's edges point
    /// into a pool of a few hundred methods and benchmarks, and maintaining that
    /// index cost about a third of the edge-writing time (measured at 100k papers),
    /// while only `stats` would use it; it scans instead.
    static let create = """
        CREATE TABLE nodes (
            id    INTEGER PRIMARY KEY,
            kind  TEXT NOT NULL,
            key   TEXT NOT NULL,
            name  TEXT NOT NULL,
            props BLOB NOT NULL,
            UNIQUE (kind, key)
        );
        CREATE TABLE edges (
            src      INTEGER NOT NULL REFERENCES nodes(id),
            rel      TEXT NOT NULL,
            dst      INTEGER NOT NULL REFERENCES nodes(id),
            evidence BLOB NOT NULL,
            PRIMARY KEY (src, rel, dst)
        ) WITHOUT ROWID;
        CREATE TABLE papers (
            node_id      INTEGER PRIMARY KEY REFERENCES nodes(id),
            content_hash INTEGER NOT NULL
        );
        """

    static let tables: Set<String> = ["nodes", "edges", "papers"]
}
