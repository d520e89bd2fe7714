import CSQLite
import Foundation

/// A thin owner of one `sqlite3*` handle: opening, running SQL, and turning
/// SQLite result codes into ``StoreError``s that name the store file.
///
/// Not `Sendable`: an SQLite connection must be used by one thread at a time,
/// and the type system is the cheapest way to keep it so.
final class Connection {
    let path: String
    private(set) var handle: OpaquePointer?

    /// Opens (never creates unless `create`) the database file.
    init(path: String, readOnly: Bool, create: Bool) throws(StoreError) {
        self.path = path
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
        // NOMUTEX: the connection is confined to one thread by the non-Sendable owner.
        flags |= SQLITE_OPEN_NOMUTEX
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        handle = db
        if rc != SQLITE_OK {
            let error = Connection.error(path: path, db: db, code: rc, operation: "open")
            sqlite3_close_v2(db)
            handle = nil
            throw error
        }
        sqlite3_extended_result_codes(db, 1)
        if readOnly { try reopenImmutableIfNeeded() }
    }

    /// A WAL store on a read-only file system (a mounted archive, a read-only
    /// bind mount) cannot be read normally: SQLite needs to create its `-shm`
    /// file beside it and fails with SQLITE_CANTOPEN. When the write-ahead log
    /// is absent or empty (every `papergraph` run checkpoints it on exit) the
    /// database file alone is complete, so it is opened as immutable instead.
    private func reopenImmutableIfNeeded() throws(StoreError) {
        let rc = sqlite3_exec(handle, "SELECT count(*) FROM sqlite_master", nil, nil, nil)
        guard rc & 0xFF == SQLITE_CANTOPEN else { return }
        let log = try? FileManager.default.attributesOfItem(atPath: path + "-wal")
        if let size = log?[.size] as? Int, size > 0 { return }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        guard let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) else { return }
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        guard sqlite3_open_v2("file:\(escaped)?immutable=1", &db, flags, nil) == SQLITE_OK else {
            sqlite3_close_v2(db)
            return
        }
        sqlite3_close_v2(handle)
        handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { close() }

    /// Closes the handle; statements still alive are finalised by `sqlite3_close_v2` later.
    func close() {
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Whether SQLite opened the file read-only (it silently does so for a read-write
    /// open of a file the process may not write).
    var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(message)
            throw Connection.error(path: path, code: rc, operation: Connection.summary(sql), message: text)
        }
    }

    /// Prepares a statement meant to be reset and reused many times.
    func prepare(_ sql: String) throws(StoreError) -> Statement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        if rc != SQLITE_OK {
            throw error(code: rc, operation: Connection.summary(sql))
        }
        return Statement(connection: self, handle: statement!, sql: sql)
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs a query returning one integer (PRAGMAs, counts).
    func integer(_ sql: String) throws(StoreError) -> Int64 {
        let statement = try prepare(sql)
        guard try statement.step() else { return 0 }
        return statement.int64(0)
    }

    func error(code: Int32, operation: String) -> StoreError {
        Connection.error(path: path, db: handle, code: code, operation: operation)
    }

    static func error(path: String, db: OpaquePointer?, code: Int32, operation: String) -> StoreError {
        let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        return error(path: path, code: code, operation: operation, message: message)
    }

    /// Maps SQLite's primary result codes onto the errors a user can act on.
    static func error(path: String, code: Int32, operation: String, message: String) -> StoreError {
        switch code & 0xff {
        case SQLITE_NOTADB: return .notADatabase(path: path)
        case SQLITE_BUSY, SQLITE_LOCKED: return .locked(path: path)
        case SQLITE_READONLY: return .readOnly(path: path)
        case SQLITE_CANTOPEN: return .cannotOpen(path: path)
        case SQLITE_CORRUPT: return .corrupt(path: path, reason: message)
        default: return .sqlite(path: path, code: code, operation: operation, message: message)
        }
    }

    /// The first words of a statement, enough to say which step failed.
    static func summary(_ sql: String) -> String {
        let words = sql.split(whereSeparator: \.isWhitespace).prefix(4)
        return words.joined(separator: " ")
    }
}
