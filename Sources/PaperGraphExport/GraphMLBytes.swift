/// A growable byte buffer GraphML is formatted into, with the escaping the
/// format needs.
///
/// The GraphML writer used to go through libxml2's `xmlTextWriter`: one C call
/// per element, attribute and text, each converting a Swift string to a C
/// string and scanning it again to escape it. Formatting straight into bytes
/// here is what makes a 100k-paper export a fraction of a second instead of
/// seconds. The escaping reproduces `xmlTextWriter`'s byte for byte (the tests
/// compare the two on every special character class), so files are unchanged:
/// - text: `&` `<` `>` `"` become `&amp;` `&lt;` `&gt;` `&quot;`, CR becomes
///   `&#13;`; tab and newline stay as they are (`xmlEncodeSpecialChars`);
/// - attribute values: the same, and tab, newline and CR become `&#9;`,
///   `&#10;`, `&#13;` so a parser's attribute normalisation keeps them;
/// - characters XML 1.0 forbids (C0 controls other than tab, LF, CR, and
///   U+FFFE, U+FFFF) are dropped, as ``XMLText/clean(_:)`` drops them.
///
/// Non-copyable so the one allocation it owns is freed exactly once.
struct GraphMLBytes: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = Self.allocate(self.capacity)
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }

    /// The bytes formatted so far; valid until the next mutation.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Forgets the contents, keeping the allocation.
    mutating func removeAll() { count = 0 }

    /// The bytes start on a page boundary, as `O_DIRECT` writes need.
    static let alignment = 4096

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: alignment).bindMemory(to: UInt8.self, capacity: capacity)
    }

    /// Keeps the first `length` bytes and appends the rest to `other`.
    mutating func moveBytes(after length: Int, to other: inout GraphMLBytes) {
        guard length < count else { return }
        other.raw(UnsafeRawBufferPointer(start: base + length, count: count - length))
        count = length
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if capacity - count < extra { grow(to: count + extra) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let grown = Self.allocate(newCapacity)
        grown.update(from: base, count: count)
        UnsafeMutableRawPointer(base).deallocate()
        base = grown
        capacity = newCapacity
    }

    // MARK: Raw bytes (markup the writer itself spells)

    @inline(__always)
    mutating func raw(_ bytes: UnsafeRawBufferPointer) {
        reserve(bytes.count)
        if let source = bytes.baseAddress {
            (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        }
        count += bytes.count
    }

    @inline(__always)
    mutating func raw(_ text: StaticString) {
        raw(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func raw(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw($0) }
    }

    /// An integer in decimal, as `String(_:)` spells it.
    mutating func decimal(_ value: Int) {
        reserve(20)
        var magnitude = value.magnitude
        if value < 0 { base[count] = UInt8(ascii: "-"); count += 1 }
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 { digits += 1; rest /= 10 }
        var at = count + digits
        count = at
        repeat {
            at -= 1
            base[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    // MARK: Escaped text

    /// Text content, escaped as `xmlTextWriterWriteString` escapes it inside an element.
    mutating func text(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ escape($0, attribute: false) }) != nil { return }
        var value = value
        value.withUTF8 { escape($0, attribute: false) }
    }

    /// An attribute value (without its quotes), escaped as `xmlTextWriterWriteAttribute` escapes it.
    mutating func attribute(_ value: String) {
        var value = value
        value.withUTF8 { escape($0, attribute: true) }
    }

    private mutating func escape(_ source: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        // Longest expansion: `"` → `&quot;`, six bytes for one.
        reserve(source.count * 6)
        var out = count
        var run = 0, i = 0, checkedUntil = 0
        let n = source.count
        while i < n {
            // Eight bytes at a time while none is special (nearly all text).
            if i >= checkedUntil && n - i >= 8 {
                if !Self.hasTextSpecial(Self.block(source, at: i)) { i += 8; continue }
                checkedUntil = i + 8
            }
            let byte = source[i]
            guard Self.isTextSpecial(byte) else { i += 1; continue }
            copy(source, from: run, to: i, at: &out)
            i += 1
            run = i
            switch byte {
            case UInt8(ascii: "&"): put("&amp;", at: &out)
            case UInt8(ascii: "<"): put("&lt;", at: &out)
            case UInt8(ascii: ">"): put("&gt;", at: &out)
            case UInt8(ascii: "\""): put("&quot;", at: &out)
            case 0x0D: put("&#13;", at: &out)
            case 0x09: if attribute { put("&#9;", at: &out) } else { base[out] = byte; out += 1 }
            case 0x0A: if attribute { put("&#10;", at: &out) } else { base[out] = byte; out += 1 }
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters; any
                // other scalar led by EF is copied with the next run.
                if Self.isNonCharacter(source, at: i - 1) { i += 2; run = i } else { run = i - 1 }
            default: break  // another C0 control: dropped
            }
        }
        copy(source, from: run, to: n, at: &out)
        count = out
    }

    /// A JSON string literal (quotes included) as XML text: the bytes
    /// ``JSONText/string(_:)`` would produce, escaped as ``text(_:)`` would escape
    /// them, in one pass — evidence sentences are most of a GraphML file.
    mutating func jsonStringText(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ jsonEscape($0) }) != nil { return }
        var value = value
        value.withUTF8 { jsonEscape($0) }
    }

    private mutating func jsonEscape(_ source: UnsafeBufferPointer<UInt8>) {
        // Longest expansion: `"` → `\&quot;`, seven bytes for one.
        reserve(source.count * 7 + 12)
        var out = count
        put("&quot;", at: &out)
        var run = 0, i = 0, checkedUntil = 0
        let n = source.count
        while i < n {
            if i >= checkedUntil && n - i >= 8 {
                if !Self.hasJSONSpecial(Self.block(source, at: i)) { i += 8; continue }
                checkedUntil = i + 8
            }
            let byte = source[i]
            guard Self.isJSONSpecial(byte) else { i += 1; continue }
            copy(source, from: run, to: i, at: &out)
            i += 1
            run = i
            switch byte {
            case UInt8(ascii: "&"): put("&amp;", at: &out)
            case UInt8(ascii: "<"): put("&lt;", at: &out)
            case UInt8(ascii: ">"): put("&gt;", at: &out)
            case UInt8(ascii: "\""): put("\\&quot;", at: &out)
            case UInt8(ascii: "\\"): put("\\\\", at: &out)
            case 0x0A: put("\\n", at: &out)
            case 0x0D: put("\\r", at: &out)
            case 0x09: put("\\t", at: &out)
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end lines in JavaScript.
                if i + 1 < n, source[i] == 0x80, source[i + 1] == 0xA8 || source[i + 1] == 0xA9 {
                    put(source[i + 1] == 0xA8 ? "\\u2028" : "\\u2029", at: &out)
                    i += 2
                    run = i
                } else {
                    run = i - 1
                }
            case 0xEF:
                if Self.isNonCharacter(source, at: i - 1) { i += 2; run = i } else { run = i - 1 }
            default: break  // another C0 control: dropped
            }
        }
        copy(source, from: run, to: n, at: &out)
        put("&quot;", at: &out)
        count = out
    }

    // MARK: Helpers

    /// `&`, `<`, `>`, `"`, every C0 control, and EF (which leads U+FFFE/U+FFFF).
    @inline(__always)
    private static func isTextSpecial(_ byte: UInt8) -> Bool {
        // Bits 0–31 (C0 controls), 0x22, 0x26, 0x3C, 0x3E.
        let mask: UInt64 = 0x5000_0044_FFFF_FFFF
        return byte < 64 ? (mask >> UInt64(byte)) & 1 != 0 : byte == 0xEF
    }

    /// The text specials, and `\` and E2 (which leads U+2028/U+2029).
    @inline(__always)
    private static func isJSONSpecial(_ byte: UInt8) -> Bool {
        let mask: UInt64 = 0x5000_0044_FFFF_FFFF
        return byte < 64 ? (mask >> UInt64(byte)) & 1 != 0 : byte == 0x5C || byte == 0xE2 || byte == 0xEF
    }

    /// Eight bytes, as one word (little-endian, like the machine).
    @inline(__always)
    private static func block(_ source: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(source.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` equals `byte` (the classic "has zero byte" test
    /// on `word ^ byte…byte`; exact as an any-test).
    @inline(__always)
    private static func has(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// ``isTextSpecial(_:)`` for eight bytes at once: a byte below 0x20, or one of the others.
    @inline(__always)
    private static func hasTextSpecial(_ word: UInt64) -> Bool {
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | has(word, 0x22) | has(word, 0x26) | has(word, 0x3C) | has(word, 0x3E) | has(word, 0xEF) != 0
    }

    /// ``isJSONSpecial(_:)`` for eight bytes at once.
    @inline(__always)
    private static func hasJSONSpecial(_ word: UInt64) -> Bool {
        hasTextSpecial(word) || has(word, 0x5C) | has(word, 0xE2) != 0
    }

    /// Whether the scalar starting at `i` (an EF byte) is U+FFFE or U+FFFF.
    @inline(__always)
    private static func isNonCharacter(_ source: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i + 2 < source.count && source[i + 1] == 0xBF && (source[i + 2] == 0xBE || source[i + 2] == 0xBF)
    }

    @inline(__always)
    private func copy(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, at out: inout Int) {
        guard end > start else { return }
        (base + out).update(from: source.baseAddress! + start, count: end - start)
        out += end - start
    }

    @inline(__always)
    private func put(_ text: StaticString, at out: inout Int) {
        (base + out).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        out += text.utf8CodeUnitCount
    }
}
