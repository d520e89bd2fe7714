import PaperGraphModel

/// ``NameFolding/fold(_:)`` with an ASCII fast path: the rules fold names many
/// times per abstract, and Unicode property lookups dominated the profile.
enum Fold {
    static func key(_ s: String) -> String {
        var ascii = true
        for c in s.utf8 where c >= 0x80 { ascii = false; break }
        guard ascii else { return NameFolding.fold(s) }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for c in s.utf8 where Bytes.isAlnum(c) || c == 0x2B || c == 0x2A { out.append(Bytes.lower(c)) }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``NameFolding/slug(_:)`` with the same ASCII fast path.
    static func slug(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingDash = false
        for c in s.utf8 {
            if c >= 0x80 { return NameFolding.slug(s) }
            if Bytes.isAlnum(c) {
                if pendingDash && !out.isEmpty { out.append(0x2D) }
                pendingDash = false
                out.append(Bytes.lower(c))
            } else {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
