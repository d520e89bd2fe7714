/// Byte tests on eight bytes at once ("SIMD within a register"), for the loops
/// that scan every byte of the JSON snapshot: skipping over a word of ordinary
/// text at a time is what keeps those loops near memory speed.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset`, first byte in the low bits.
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// Whether any byte is below `n` (n ≤ 128).
    @inline(__always)
    static func hasByte(below n: UInt64, _ x: UInt64) -> Bool {
        (x &- ones &* n) & ~x & highBits != 0
    }

    /// Whether any byte is above `m` (m ≤ 127).
    @inline(__always)
    static func hasByte(above m: UInt64, _ x: UInt64) -> Bool {
        ((x &+ ones &* (127 &- m)) | x) & highBits != 0
    }

    /// Whether any byte equals `b`.
    @inline(__always)
    static func hasByte(equalTo b: UInt8, _ x: UInt64) -> Bool {
        hasByte(below: 1, x ^ (ones &* UInt64(b)))
    }

    /// 0x80 in each byte that equals `b`, 0 elsewhere (exact, unlike ``hasByte(below:_:)``).
    @inline(__always)
    static func bytes(equalTo b: UInt8, _ x: UInt64) -> UInt64 {
        let t = x ^ (ones &* UInt64(b))
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((t & low7) &+ low7) | t | low7)
    }
}
