#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull source of bytes: the one interface every reader consumes, so that
/// files, standard input and gzip streams are read the same way, in chunks,
/// never whole.
protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`.
    /// - Returns: the number of bytes read; 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// An input that failed while being read (I/O error), named by its file.
struct ReadFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

/// Bytes of an open file descriptor (a file, or standard input for `-`).
final class FileSource: ByteSource {
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// Bytes read from the descriptor so far (before any decompression), for progress.
    private(set) var bytesRead = 0

    /// Opens `path` for reading.
    /// - Throws: ``ReadFailure`` with the system's reason when it cannot be opened.
    init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadFailure(reason: String(cString: strerror(errno))) }
        self.fd = fd
        ownsDescriptor = true
    }

    /// Reads standard input; the descriptor is not closed afterwards.
    init(standardInput: Void) {
        fd = STDIN_FILENO
        ownsDescriptor = false
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Glibc.read(fd, base, buffer.count)
            if n >= 0 { bytesRead += n; return n }
            if errno == EINTR { continue }
            throw ReadFailure(reason: "read error: \(String(cString: strerror(errno)))")
        }
    }
}

/// Bytes already in memory (``Ingestor/read(bytes:name:onItem:onWarning:)``).
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
        }
        offset += n
        return n
    }
}

/// A source whose first bytes have already been taken (to sniff the format or
/// the gzip magic) and are handed out again before the rest.
final class PeekedSource: ByteSource {
    private var prefix: [UInt8]
    private var prefixOffset = 0
    private let rest: ByteSource

    init(prefix: [UInt8], rest: ByteSource) {
        self.prefix = prefix
        self.rest = rest
    }

    /// Reads up to `count` bytes from the start of `source`, fewer only at its end.
    static func peek(_ count: Int, from source: ByteSource) throws -> PeekedSource {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = try bytes.withUnsafeMutableBytes {
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return PeekedSource(prefix: bytes, rest: source)
    }

    /// The bytes taken from the start of the input.
    var peeked: [UInt8] { prefix }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if prefixOffset < prefix.count {
            let n = min(buffer.count, prefix.count - prefixOffset)
            prefix.withUnsafeBytes { src in
                buffer.baseAddress!.copyMemory(from: src.baseAddress! + prefixOffset, byteCount: n)
            }
            prefixOffset += n
            if prefixOffset == prefix.count { prefix = []; prefixOffset = 0 }
            return n
        }
        return try rest.read(into: buffer)
    }
}

extension ByteSource {
    /// Reads the whole rest of the source, for formats that are parsed as one
    /// document (HTML pages); `limit` bounds the memory a wrong input can take.
    func readAll(limit: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            if n == 0 { return out }
            out.append(contentsOf: chunk[..<n])
            if out.count > limit {
                throw ReadFailure(reason: "document larger than \(limit >> 20) MiB")
            }
        }
    }
}
