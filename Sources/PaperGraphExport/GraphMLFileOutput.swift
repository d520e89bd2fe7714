import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes formatted GraphML to a file descriptor on a second thread, so that
/// `write(2)` — copying each chunk into the page cache, about a fifth of an
/// export's CPU time — runs beside the formatting of the next chunk instead of
/// after it.
///
/// Two buffers take turns: the formatter fills one while the writer thread
/// writes the other. Chunks are written in the order they were handed over, so
/// the file is exactly what one thread would write. The first failed write
/// stops the writing; the formatter learns of it at its next hand-over (and
/// stops) or at ``finish()``, which always waits for the writer thread.
final class GraphMLFileOutput: @unchecked Sendable {
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    /// A chunk handed over and not yet written.
    private var full: GraphMLBytes?
    /// The buffer the writer thread has emptied, ready for the formatter.
    private var empty: GraphMLBytes?
    private var failure: ExportError?
    private var closing = false
    private var writerDone = false

    private let fd: Int32
    private let path: String

    /// Starts the writer thread; `spare` becomes the second buffer.
    init(fd: Int32, path: String, spare: consuming GraphMLBytes) {
        self.fd = fd
        self.path = path
        empty = consume spare
        let thread = Thread { [self] in run() }
        thread.name = "papergraph GraphML writer"
        thread.start()
    }

    /// Hands `out`'s bytes to the writer thread and gives `out` an empty buffer
    /// back, waiting while the writer is still busy with the previous chunk.
    func handOver(_ out: inout GraphMLBytes) throws(ExportError) {
        condition.lock()
        defer { condition.unlock() }
        while empty == nil && failure == nil { condition.wait() }
        if let failure { throw failure }
        var next = empty.take()!
        swap(&out, &next)
        full = consume next
        condition.broadcast()
    }

    /// Waits until every chunk handed over is written and the writer thread has
    /// ended; throws the first write failure, if any. Must be called once, also
    /// when formatting failed, so the thread never outlives the descriptor.
    func finish() throws(ExportError) {
        condition.lock()
        defer { condition.unlock() }
        closing = true
        condition.broadcast()
        while !writerDone { condition.wait() }
        if let failure { throw failure }
    }

    private func run() {
        condition.lock()
        while true {
            while full == nil && !closing { condition.wait() }
            guard var chunk = full.take() else { break }
            let failed = failure != nil
            condition.unlock()
            var error: ExportError?
            if !failed {
                do throws(ExportError) { try Self.write(chunk.bytes, to: fd, path: path) } catch let e { error = e }
            }
            chunk.removeAll()
            condition.lock()
            if let error, failure == nil { failure = error }
            empty = consume chunk
            condition.broadcast()
        }
        writerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// `write(2)` until every byte is written; a short write (the file-size limit
    /// reached part-way) is followed by the write that reports why.
    private static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32, path: String) throws(ExportError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, step: "write", reason: ExportError.describe(errno))
            }
            offset += written
        }
    }
}
