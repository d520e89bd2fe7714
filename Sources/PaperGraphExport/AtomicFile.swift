import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that an interrupted export never leaves half a file under the
/// final name: the bytes go to a temporary file in the same directory (so the
/// rename cannot cross file systems), which is fsynced and then renamed over the
/// destination; the directory is fsynced so the rename itself survives a crash.
///
/// A writer holds an exclusive `flock` on its temporary file. A process killed
/// mid-write (SIGKILL, power loss) leaves its temporary file behind but not the
/// lock, so the next export to the same destination removes such leftovers.
public enum AtomicFile {
    /// Leftovers younger than this are left alone: a concurrent writer may have
    /// created its file and not yet taken the lock.
    static let leftoverMinimumAge: TimeInterval = 60

    /// Writes `data` to `path` atomically, creating missing parent directories.
    public static func write(_ data: Data, to path: String) throws(ExportError) {
        try write(to: path) { (fd: Int32, tmp: String) throws(ExportError) in
            var offset = 0
            let total = data.count
            while offset < total {
                let written = data.withUnsafeBytes { raw in
                    Glibc.write(fd, raw.baseAddress!.advanced(by: offset), total - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw .io(path: tmp, step: "write", reason: ExportError.describe(errno))
                }
                offset += written
            }
        }
    }

    /// Writes a UTF-8 string to `path` atomically.
    public static func write(_ text: String, to path: String) throws(ExportError) {
        try write(Data(text.utf8), to: path)
    }

    /// Runs `produce` with an open descriptor on a fresh temporary file beside
    /// `path`, then fsyncs and renames it into place. On any error the temporary
    /// file is removed and `path` is left as it was.
    static func write(to path: String,
                      _ produce: (_ fd: Int32, _ temporaryPath: String) throws(ExportError) -> Void) throws(ExportError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory, step: "mkdir", reason: error.localizedDescription)
        }
        let prefix = "." + url.lastPathComponent + ".tmp-"
        removeLeftovers(in: directory, prefix: prefix)
        var template = Array((directory + "/" + prefix + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .io(path: path, step: "mkstemp", reason: ExportError.describe(errno)) }
        // Marks the file as in use until this process closes it or dies.
        _ = flock(fd, LOCK_EX)
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        do throws(ExportError) {
            try produce(fd, temporary)
            guard fsync(fd) == 0 else { throw .io(path: temporary, step: "fsync", reason: ExportError.describe(errno)) }
            // mkstemp creates 0600; exported files are meant to be shared like any other output.
            let mask = umask(0); umask(mask)
            fchmod(fd, 0o666 & ~mask)
            closed = true
            guard close(fd) == 0 else { throw .io(path: temporary, step: "close", reason: ExportError.describe(errno)) }
            guard rename(temporary, path) == 0 else { throw .io(path: path, step: "rename", reason: ExportError.describe(errno)) }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            // Name the file that was asked for; the temporary name means nothing to the user.
            if case let .io(failed, step, reason) = error, failed == temporary {
                throw .io(path: path, step: step, reason: reason + " (nothing was replaced)")
            }
            throw error
        }
        let dirFD = open(directory, O_RDONLY)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
    }

    /// Removes temporary files of earlier exports to the same destination that no
    /// live process holds (see the type's note). Best effort: a file that cannot be
    /// inspected or removed is left where it is.
    static func removeLeftovers(in directory: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let now = Date()
        for name in names where name.hasPrefix(prefix) && name.count == prefix.count + 6 {
            let leftover = directory + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: leftover),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let modified = attributes[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) >= leftoverMinimumAge else { continue }
            let fd = open(leftover, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { unlink(leftover) }
            close(fd)
        }
    }
}
