/// Decoding of HTML character references (`&amp;`, `&#233;`, `&#xE9;`, `&eacute;`)
/// that sources leave in titles and abstracts (the JSON snapshot and Atom feeds
/// carry some doubly escaped text).
enum HTMLEntities {
    /// The named references met in abstracts; unknown names are left as written.
    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "times": "\u{00D7}",
        "plusmn": "\u{00B1}", "le": "\u{2264}", "ge": "\u{2265}", "deg": "\u{00B0}", "middot": "\u{00B7}",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "iacute": "í", "oacute": "ó",
        "uacute": "ú", "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü",
        "ccedil": "ç", "ntilde": "ñ", "szlig": "ß", "alpha": "α", "beta": "β", "gamma": "γ",
        "delta": "δ", "epsilon": "ε", "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ",
    ]

    static func decode(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.contains("&") else { return s }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "&", let (scalar, next) = reference(s, at: i) {
                out.append(scalar)
                i = next
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    private static func reference(_ s: [Unicode.Scalar], at amp: Int) -> (Unicode.Scalar, Int)? {
        let limit = min(s.count, amp + 12)
        guard let semi = s[(amp + 1)..<limit].firstIndex(of: ";"), semi > amp + 1 else { return nil }
        let body = String(String.UnicodeScalarView(s[(amp + 1)..<semi]))
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
            return (scalar, semi + 1)
        }
        return named[body].map { ($0, semi + 1) }
    }
}
