import CZlib

/// Decompresses a gzip (or zlib) stream on the fly with zlib, in chunks, so a
/// compressed snapshot is never held whole in memory.
///
/// A damaged or cut-off stream does not throw: the source ends early and
/// ``failure`` says why, so the reader keeps every record decoded before the
/// damage and the ingestor reports it as a warning.
final class GzipSource: ByteSource {
    private let compressed: ByteSource
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var finished = false
    private var compressedEnded = false
    /// Why the stream ended early (truncated or corrupt), if it did.
    private(set) var failure: String?

    /// The two magic bytes every gzip member starts with.
    static func hasMagic(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    init(_ compressed: ByteSource) throws {
        self.compressed = compressed
        input = .allocate(byteCount: 1 << 16, alignment: 1)
        // 15 + 32: maximum window, and detect gzip or zlib headers automatically.
        let status = pg_inflateInit2(&stream, 15 + 32)
        guard status == Z_OK else {
            input.deallocate()
            throw ReadFailure(reason: "zlib cannot start (status \(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        stream.next_out = out.assumingMemoryBound(to: Bytef.self)
        let capacity = min(buffer.count, 1 << 30)
        stream.avail_out = uInt(capacity)
        while stream.avail_out == uInt(capacity) {
            if stream.avail_in == 0 && !compressedEnded {
                let n = try compressed.read(into: input)
                if n == 0 {
                    compressedEnded = true
                } else {
                    stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.avail_in = uInt(n)
                }
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                // Concatenated gzip members (as `cat a.gz b.gz` makes) are one stream.
                if stream.avail_in == 0 && !compressedEnded {
                    let n = try compressed.read(into: input)
                    if n == 0 { compressedEnded = true } else {
                        stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                        stream.avail_in = uInt(n)
                    }
                }
                if stream.avail_in > 0 {
                    inflateReset(&stream)
                    continue
                }
                finished = true
                return capacity - Int(stream.avail_out)
            case Z_BUF_ERROR where compressedEnded && stream.avail_in == 0:
                failure = "gzip stream is truncated"
                finished = true
                return capacity - Int(stream.avail_out)
            case Z_BUF_ERROR:
                continue
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                failure = "gzip stream is corrupt (\(message))"
                finished = true
                return capacity - Int(stream.avail_out)
            }
        }
        return capacity - Int(stream.avail_out)
    }
}
