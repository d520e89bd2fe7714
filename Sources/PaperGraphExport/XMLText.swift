/// Text made safe for XML 1.0 and for the formats that embed it.
enum XMLText {
    /// Whether XML 1.0 allows the scalar in a document (§2.2 `Char`). Swift strings
    /// cannot hold lone surrogates, so what remains to drop is control characters
    /// other than tab, newline and carriage return, and U+FFFE / U+FFFF.
    @inline(__always)
    static func isAllowed(_ v: UInt32) -> Bool {
        if v >= 0x20 { return v != 0xFFFE && v != 0xFFFF }
        return v == 0x09 || v == 0x0A || v == 0x0D
    }

    /// `text` without the characters XML 1.0 forbids; returns `text` itself when
    /// it is already clean (the common case, and cheap to check).
    static func clean(_ text: String) -> String {
        var clean = true
        for byte in text.utf8 where byte < 0x20 || byte == 0xEF {
            // 0xEF leads the UTF-8 encoding of U+FFFE/U+FFFF; look closer below.
            clean = false
            break
        }
        if clean { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar.value) { scalars.append(scalar) }
        return String(scalars)
    }
}
