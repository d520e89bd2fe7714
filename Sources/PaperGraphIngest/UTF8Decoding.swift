#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding of raw input bytes into text, repairing invalid UTF-8 with U+FFFD.
///
/// Invalid UTF-8 is repaired rather than the record dropped: one bad byte in a
/// long abstract should not lose the paper. Readers warn about every repair.
enum UTF8Decoding {
    /// The text, and whether invalid sequences had to be replaced.
    ///
    /// `String(decoding:)` validates on the standard library's fast path;
    /// `String(validating:)` took a generic slow path that cost a tenth of the
    /// JSON Lines reading time. A repair shows as different bytes, since each
    /// invalid sequence becomes U+FFFD.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, repaired: Bool) {
        var text = String(decoding: bytes, as: UTF8.self)
        let same = text.withUTF8 { decoded in
            decoded.count == bytes.count
                && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return (text, !same)
    }
}
