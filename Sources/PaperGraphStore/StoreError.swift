/// What can go wrong opening, reading or writing a store. Every message names the
/// store file, so a user running `papergraph` against the wrong path sees which one.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A read-only open of a path where there is no file.
    case missing(path: String)
    /// The file is not an SQLite database at all (e.g. a GraphML file passed as `--store`).
    case notADatabase(path: String)
    /// An SQLite database, but not one papergraph wrote (other application id, or foreign tables).
    case notAStore(path: String, reason: String)
    /// Written by a newer papergraph whose schema this build cannot read.
    case newerSchema(path: String, found: Int, supported: Int)
    /// Written by an older papergraph whose schema this build no longer reads.
    case olderSchema(path: String, found: Int, supported: Int)
    /// SQLite could not open or create the file (missing directory, no permission).
    case cannotOpen(path: String)
    /// Opened for writing but the file (or its directory) is not writable.
    case readOnly(path: String)
    /// Another process held the store's lock longer than the busy timeout.
    case locked(path: String)
    /// Any other SQLite failure, with the SQL step that failed and SQLite's message.
    case sqlite(path: String, code: Int32, operation: String, message: String)
    /// A stored value that this build cannot decode (the store was damaged or hand-edited).
    case corrupt(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no store here (run `papergraph build` first, or pass --store PATH)"
        case .notADatabase(let path):
            return "\(path): not an SQLite database, so not a papergraph store; left untouched"
        case .notAStore(let path, let reason):
            return "\(path): not a papergraph store (\(reason)); left untouched"
        case .newerSchema(let path, let found, let supported):
            return "store \(path) was written by a newer papergraph (schema v\(found), this build reads v\(supported)); upgrade papergraph or rebuild the store"
        case .olderSchema(let path, let found, let supported):
            return "store \(path) was written by an older papergraph (schema v\(found), this build reads v\(supported)); rebuild the store"
        case .cannotOpen(let path):
            return "\(path): cannot open or create the store (does its directory exist, and may papergraph write there?)"
        case .readOnly(let path):
            return "\(path): store is read-only (check the permissions of the file and its directory)"
        case .locked(let path):
            return "\(path): store is locked by another process (is a build still running?)"
        case .sqlite(let path, let code, let operation, let message):
            return "\(path): SQLite error \(code) during \(operation): \(message)"
        case .corrupt(let path, let reason):
            return "\(path): damaged store: \(reason)"
        }
    }
}
