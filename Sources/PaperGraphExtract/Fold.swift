import PaperGraphModel

/// Name folding for the rules. ``key(_:)`` is ``NameFolding/fold(_:)``, whose
/// ASCII path folds in place into one string (the rules fold names many times
/// per abstract; a byte array copied into a new string cost twice as much).
enum Fold {
    @inline(__always) static func key(_ s: String) -> String { NameFolding.fold(s) }

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
