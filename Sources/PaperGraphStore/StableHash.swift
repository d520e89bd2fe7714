import PaperGraphModel

/// A 64-bit hash that is the same in every process and on every run.
///
/// Swift's `Hasher` is seeded per process, so it cannot say whether a paper is
/// unchanged since the last build. This is not a cryptographic hash: it only has
/// to tell an edited abstract from the stored one, where 64 bits leave a chance
/// of a missed change around 1 in 10^19 per paper. It reads eight bytes at a time
/// because it runs over every abstract of every build.
struct StableHash {
    private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    private static let k1: UInt64 = 0x87C3_7B91_1142_53D5
    private static let k2: UInt64 = 0x4CF5_AD43_2745_937F

    private mutating func mix(_ word: UInt64) {
        var w = word &* StableHash.k1
        w = (w << 31) | (w >> 33)
        value ^= w &* StableHash.k2
        value = ((value << 27) | (value >> 37)) &* 5 &+ 0x52DC_E729
    }

    mutating func combine(_ integer: UInt64) { mix(integer) }

    mutating func combine(bytes: UnsafeRawBufferPointer) {
        mix(UInt64(bytes.count))
        var offset = 0
        while bytes.count - offset >= 8 {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(tail)
    }

    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The final value, avalanched so near-identical inputs differ in every bit.
    var finalized: Int64 {
        var h = value
        h ^= h >> 33; h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33; h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return Int64(bitPattern: h)
    }

    /// Adds a node's properties without sorting them: each entry is hashed on its
    /// own and the entry hashes summed, so dictionary order does not matter and no
    /// encoding is built for nodes the write will not store.
    mutating func combine(_ properties: [String: PropertyValue]) {
        combine(Self.digest(properties))
    }

    /// What ``combine(_:)-([String: PropertyValue])`` adds, computed once for a node
    /// that many fragments share.
    struct PropertiesDigest: Sendable {
        let count: UInt64
        let sum: UInt64
    }

    mutating func combine(_ digest: PropertiesDigest) {
        combine(digest.count)
        combine(digest.sum)
    }

    static func digest(_ properties: [String: PropertyValue]) -> PropertiesDigest {
        var sum: UInt64 = 0
        for (key, value) in properties {
            var entry = StableHash()
            entry.combine(key)
            switch value {
            case .string(let s): entry.combine(0); entry.combine(s)
            case .int(let i): entry.combine(1); entry.combine(UInt64(bitPattern: Int64(i)))
            case .double(let d): entry.combine(2); entry.combine(d.bitPattern)
            case .bool(let b): entry.combine(3); entry.combine(b ? 1 : 0)
            case .strings(let list):
                entry.combine(4); entry.combine(UInt64(list.count))
                for s in list { entry.combine(s) }
            }
            sum &+= UInt64(bitPattern: entry.finalized)
        }
        return PropertiesDigest(count: UInt64(properties.count), sum: sum)
    }
}
