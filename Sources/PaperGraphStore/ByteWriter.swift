/// Appends the store's compact binary encoding to a reusable byte buffer.
///
/// Integers are LEB128 varints (zig-zag for signed values), strings a varint
/// byte count followed by UTF-8. The format is private to the store and covered
/// by the schema version; see ``PropertyCoding``.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func signed(_ value: Int) {
        let v = Int64(value)
        varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A string's UTF-8 bytes with no length before them (the caller records where they end).
    mutating func raw(_ value: String) {
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }
}

/// Reads what ``ByteWriter`` wrote, straight from SQLite's column memory, with
/// bounds checks so a damaged blob is an error rather than a crash.
struct ByteReader {
    struct Malformed: Error {}

    private let base: UnsafeRawBufferPointer
    private var offset = 0

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    var isAtEnd: Bool { offset == base.count }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < base.count else { throw Malformed() }
        defer { offset += 1 }
        return base[offset]
    }

    mutating func varint() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 63 { throw Malformed() }
        }
    }

    mutating func count() throws(Malformed) -> Int {
        let v = try varint()
        guard v <= UInt64(base.count - offset) * 8 + 8 else { throw Malformed() }
        return Int(v)
    }

    mutating func signed() throws(Malformed) -> Int {
        let v = try varint()
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    /// The bytes of a length-prefixed string, without decoding them.
    mutating func bytes() throws(Malformed) -> UnsafeRawBufferPointer {
        let length = try varint()
        guard length <= UInt64(base.count - offset) else { throw Malformed() }
        let start = offset
        offset += Int(length)
        return UnsafeRawBufferPointer(rebasing: base[start..<offset])
    }

    mutating func string() throws(Malformed) -> String {
        let length = try varint()
        guard length <= UInt64(base.count - offset) else { throw Malformed() }
        let start = offset
        offset += Int(length)
        guard length > 0, let address = base.baseAddress else { return "" }
        let pointer = (address + start).assumingMemoryBound(to: UInt8.self)
        return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(length)), as: UTF8.self)
    }

    mutating func double() throws(Malformed) -> Double {
        guard base.count - offset >= 8 else { throw Malformed() }
        let bits = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }
}
