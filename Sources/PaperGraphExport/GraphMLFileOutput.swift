import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes formatted GraphML to a file descriptor on a second thread, so that
/// writing runs beside the formatting of the next chunk instead of after it.
///
/// Two buffers take turns: the formatter fills one while the writer thread
/// writes the other. Chunks are written in the order they were handed over, so
/// the file is exactly what one thread would write. The first failed write
/// stops the writing; the formatter learns of it at its next hand-over (and
/// stops) or at ``finish(remaining:)``, which always waits for the writer thread.
///
/// Where the file system allows it, chunks are written with `O_DIRECT`, from
/// the page-aligned buffers straight to the device: copying 5 GB through the
/// page cache cost more CPU time than formatting it did on the shared VMs
/// (`dd`: 1.9 s of system time per GB buffered, 0.1 s direct). Direct writes
/// must be whole pages, so each hand-over keeps the last partial page for the
/// next chunk, and the final partial page is written normally; ``AtomicFile``'s
/// `fsync` then makes everything durable as before. A file system that refuses
/// direct I/O (or a direct write that fails with `EINVAL`) gets ordinary writes.
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
    /// Whether `fd` is in `O_DIRECT` mode.
    private var direct: Bool

    private let fd: Int32
    private let path: String

    /// Starts the writer thread; `spare` becomes the second buffer.
    init(fd: Int32, path: String, spare: consuming GraphMLBytes) {
        self.fd = fd
        self.path = path
        empty = consume spare
        // glibc spells O_DIRECT only for _GNU_SOURCE; `__O_DIRECT` is the same value.
        let flags = fcntl(fd, F_GETFL)
        direct = flags >= 0 && fcntl(fd, F_SETFL, flags | __O_DIRECT) == 0
        let thread = Thread { [self] in run() }
        thread.name = "papergraph GraphML writer"
        thread.start()
    }

    /// Hands `out`'s bytes to the writer thread and gives `out` an empty buffer
    /// back (holding the last partial page, in direct mode), waiting while the
    /// writer is still busy with the previous chunk.
    func handOver(_ out: inout GraphMLBytes) throws(ExportError) {
        condition.lock()
        defer { condition.unlock() }
        while empty == nil && failure == nil { condition.wait() }
        if let failure { throw failure }
        var next = empty.take()!
        swap(&out, &next)
        if direct { next.moveBytes(after: next.count & ~(GraphMLBytes.alignment - 1), to: &out) }
        full = consume next
        condition.broadcast()
    }

    /// Waits until every chunk handed over is written and the writer thread has
    /// ended, then writes `remaining` (what the last hand-over kept back);
    /// throws the first write failure, if any. Must be called once, also when
    /// formatting failed (with nothing remaining), so the thread never outlives
    /// the descriptor.
    func finish(remaining: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) throws(ExportError) {
        condition.lock()
        defer { condition.unlock() }
        closing = true
        condition.broadcast()
        while !writerDone { condition.wait() }
        if let failure { throw failure }
        guard remaining.count > 0 else { return }
        endDirect()
        if let code = Self.write(remaining, to: fd).errno {
            throw .io(path: path, step: "write", reason: ExportError.describe(code))
        }
    }

    private func run() {
        condition.lock()
        while true {
            while full == nil && !closing { condition.wait() }
            guard var chunk = full.take() else { break }
            let skip = failure != nil
            condition.unlock()
            let error = skip ? nil : write(chunk.bytes)
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

    /// Writes one chunk; a direct write the file system refuses (`EINVAL`) is
    /// written again normally.
    private func write(_ bytes: UnsafeRawBufferPointer) -> ExportError? {
        var (written, code) = Self.write(bytes, to: fd)
        if code == EINVAL {
            condition.lock()
            let wasDirect = direct
            endDirect()
            condition.unlock()
            if wasDirect { (_, code) = Self.write(UnsafeRawBufferPointer(rebasing: bytes[written...]), to: fd) }
        }
        return code.map { .io(path: path, step: "write", reason: ExportError.describe($0)) }
    }

    /// Leaves `O_DIRECT` mode; called with `condition` locked.
    private func endDirect() {
        guard direct else { return }
        direct = false
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~__O_DIRECT) }
    }

    /// `write(2)` until every byte is written or a write fails; a short write
    /// (the file-size limit reached part-way) is followed by the write that says
    /// why. Returns the bytes written and the failure's errno.
    private static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> (written: Int, errno: Int32?) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return (offset, errno)
            }
            offset += written
        }
        return (offset, nil)
    }
}
