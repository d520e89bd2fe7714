import CSQLite

/// A prepared statement, reused across rows: bind, step, read columns, reset.
///
/// Column accessors that return raw bytes are only valid until the next `step`
/// or `reset`; the decoders copy what they keep.
final class Statement {
    private unowned let connection: Connection
    private let handle: OpaquePointer
    private let sql: String

    init(connection: Connection, handle: OpaquePointer, sql: String) {
        self.connection = connection
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    // MARK: Binding (1-based, as SQLite numbers parameters)

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: String) {
        // SQLITE_TRANSIENT: SQLite copies, so the Swift string's storage need not outlive the call.
        var value = value
        value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // An empty string still needs a non-null pointer, or SQLite stores NULL.
                _ = sqlite3_bind_text(handle, index, chars.baseAddress ?? UnsafePointer(bitPattern: 1),
                                      Int32(chars.count), pg_sqlite_transient())
            }
        }
    }

    /// Binds UTF-8 bytes as text.
    func bind(_ index: Int32, text: UnsafeRawBufferPointer) {
        // An empty string still needs a non-null pointer, or SQLite stores NULL.
        _ = sqlite3_bind_text(handle, index, (text.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self),
                              Int32(text.count), pg_sqlite_transient())
    }

    func bind(_ index: Int32, bytes: UnsafeRawBufferPointer) {
        // A zero-length blob still needs a non-null pointer, or SQLite stores NULL.
        _ = sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count),
                              pg_sqlite_transient())
    }

    // MARK: Stepping

    /// Advances; true when a row is available, false when done (and the statement is reset).
    @discardableResult
    func step() throws(StoreError) -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        if rc == SQLITE_DONE { return false }
        throw connection.error(code: rc, operation: Connection.summary(sql))
    }

    /// Resets after a step that returned a row, and clears bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Columns (0-based)

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The blob's bytes, valid until the next step or reset.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        let pointer = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
    }
}
