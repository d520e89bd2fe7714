import CSQLite
import Foundation
import PaperGraphModel

/// The persistent graph: an SQLite file that builds write into incrementally and
/// every other command loads from.
///
/// One `GraphStore` is one connection, used from one thread (it is deliberately
/// not `Sendable`). Any number of read-only stores may read while one build
/// writes: the file is in WAL mode, so readers see the last committed batch.
///
/// Open one store per build: papers met twice while a store is open are merged
/// (see ``write(_:batchSize:)``).
public final class GraphStore {
    public enum Mode: Sendable {
        /// Create the file and schema when missing; write.
        case readWrite
        /// Read an existing store; never writes the file.
        case readOnly
    }

    public let path: String
    public let mode: Mode
    let connection: Connection
    /// Caches of what is stored, valid while no other connection has committed.
    var writeState: WriteState?
    /// Papers written while this store is open, with the content hash now stored.
    var session: [Int64: Int64] = [:]

    /// Opens the store at `path`, creating it (read-write only) when the file is missing.
    ///
    /// - Parameter busyTimeout: how long to wait for another process's lock, in milliseconds.
    /// - Throws: ``StoreError`` naming the file when it is not a papergraph store, was
    ///   written by a newer papergraph, is read-only or locked. Nothing is written to a
    ///   file that turns out not to be a papergraph store.
    public init(path: String, mode: Mode = .readWrite, busyTimeout: Int32 = 5_000) throws(StoreError) {
        self.path = path
        self.mode = mode
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && mode == .readOnly { throw .missing(path: path) }
        connection = try Connection(path: path, readOnly: mode == .readOnly, create: true)
        if mode == .readWrite && connection.isReadOnly { throw .readOnly(path: path) }
        sqlite3_busy_timeout(connection.handle, busyTimeout)
        try openSchema()
    }

    /// Closes the connection; the store is unusable afterwards.
    public func close() {
        writeState = nil
        connection.close()
    }

    /// Checks the stamp, or stamps a new empty file, before anything else touches it.
    private func openSchema() throws(StoreError) {
        // The first read of the header is where SQLite notices a file that is not a database.
        let applicationID = try connection.integer("PRAGMA application_id")
        let version = try connection.integer("PRAGMA user_version")
        let objects = try connection.integer("SELECT count(*) FROM sqlite_schema")
        if applicationID == 0 && version == 0 && objects == 0 {
            guard mode == .readWrite else {
                throw .notAStore(path: path, reason: "an empty SQLite database")
            }
            try createSchema()
        } else {
            guard applicationID == Schema.applicationID else {
                let reason = applicationID == 0
                    ? "an SQLite database of another application"
                    : "SQLite application id 0x\(String(applicationID, radix: 16)), not papergraph's"
                throw .notAStore(path: path, reason: reason)
            }
            if version > Schema.version {
                throw .newerSchema(path: path, found: Int(version), supported: Int(Schema.version))
            }
            if version < Schema.version {
                throw .olderSchema(path: path, found: Int(version), supported: Int(Schema.version))
            }
            let tables = try connection.integer(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('nodes', 'edges', 'papers')")
            guard tables == Int64(Schema.tables.count) else {
                throw .corrupt(path: path, reason: "tables nodes, edges and papers are not all present")
            }
        }
        if mode == .readWrite {
            // NORMAL is durable up to the last checkpoint and never corrupts in WAL
            // mode; a batch lost to a power cut is rewritten by the next build.
            // A 64 MB cache and checkpoints every 64 MB of WAL (not SQLite's 4 MB)
            // keep a bulk build from syncing and re-reading pages every few batches.
            try connection.execute("""
                PRAGMA synchronous = NORMAL;
                PRAGMA cache_size = -65536;
                PRAGMA temp_store = MEMORY;
                PRAGMA wal_autocheckpoint = 16384;
                """)
        }
    }

    private func createSchema() throws(StoreError) {
        // journal_mode cannot change inside a transaction; it is persistent in the file.
        try connection.execute("PRAGMA journal_mode = WAL")
        try connection.execute("BEGIN IMMEDIATE")
        do throws(StoreError) {
            // Another process may have created the schema while this one waited for the lock.
            if try connection.integer("PRAGMA application_id") != Schema.applicationID {
                try connection.execute(Schema.create)
                try connection.execute("""
                    PRAGMA application_id = \(Schema.applicationID);
                    PRAGMA user_version = \(Schema.version);
                    """)
            }
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// SQLite's own consistency check; empty when the file is sound.
    public func integrityProblems() throws(StoreError) -> [String] {
        let statement = try connection.prepare("PRAGMA integrity_check")
        var problems: [String] = []
        while try statement.step() {
            let line = statement.text(0)
            if line != "ok" { problems.append(line) }
        }
        return problems
    }
}
