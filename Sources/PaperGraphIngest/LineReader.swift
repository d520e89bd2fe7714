#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a ``ByteSource`` into lines, reading it in chunks into one reused
/// buffer, so memory is bounded by the longest line and never by the input.
///
/// A line longer than `maxLineLength` (binary garbage, a missing newline) is
/// not buffered: it is skipped and reported as ``Line/overlong``.
final class LineReader {
    enum Line {
        /// The line's bytes without the newline (and without a trailing CR),
        /// valid only until the next call to ``next()``.
        case text(UnsafeBufferPointer<UInt8>)
        /// A line that exceeded the length limit and was skipped.
        case overlong
    }

    private let source: ByteSource
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var atEnd = false
    private let maxLineLength: Int
    /// The 1-based number of the line last returned.
    private(set) var lineNumber = 0

    init(_ source: ByteSource, chunkSize: Int = 1 << 18, maxLineLength: Int = 64 << 20) {
        self.source = source
        self.maxLineLength = maxLineLength
        buffer = .allocate(byteCount: chunkSize, alignment: 1)
    }

    deinit { buffer.deallocate() }

    /// The next line, or nil at the end of the input.
    func next() throws -> Line? {
        var discarding = false
        while true {
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if start < end, let hit = memchr(base + start, 0x0A, end - start) {
                let newline = hit.assumingMemoryBound(to: UInt8.self) - base
                let lineStart = start
                start = newline + 1
                lineNumber += 1
                if discarding { return .overlong }
                var lineEnd = newline
                if lineEnd > lineStart && base[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                return .text(UnsafeBufferPointer(start: base + lineStart, count: lineEnd - lineStart))
            }
            if atEnd {
                guard start < end || discarding else { return nil }
                let lineStart = start
                start = end
                lineNumber += 1
                if discarding { return .overlong }
                var lineEnd = end
                if lineEnd > lineStart && base[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                return .text(UnsafeBufferPointer(start: base + lineStart, count: lineEnd - lineStart))
            }
            if discarding {
                start = 0; end = 0
            } else if start > 0 {
                memmove(base, base + start, end - start)
                end -= start
                start = 0
            }
            if end == buffer.count {
                if buffer.count >= maxLineLength {
                    discarding = true
                    start = 0; end = 0
                } else {
                    let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 1)
                    bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
                    buffer.deallocate()
                    buffer = bigger
                }
            }
            let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            if n == 0 { atEnd = true } else { end += n }
        }
    }
}
