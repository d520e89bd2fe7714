/// Folding of names into keys, shared by every stage so they agree on identity.
public enum NameFolding {
    /// Folds a method or benchmark name: lower case, letters and digits only, with
    /// `+` and `*` kept because they distinguish real names (`C++`, `MCTS*`).
    ///
    /// This matches how the evaluation guideline compares names (case and
    /// punctuation do not matter), so `GSM-8K`, `gsm8k` and `GSM8K` are one node.
    public static func fold(_ name: String) -> String {
        if let folded = foldASCII(name) { return folded }
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
            } else if scalar == "+" || scalar == "*" {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A readable slug of a title: lower-case words joined by `-`.
    public static func slug(_ title: String) -> String {
        if let slug = slugASCII(title) { return slug }
        var out = ""
        var pendingDash = false
        for scalar in title.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                pendingDash = true
            }
        }
        return out
    }

    // MARK: ASCII fast paths
    //
    // Every mention the extractor assembles and every node key is folded, and the
    // Unicode-property path above builds a string per scalar: it was a sixth of a
    // build's CPU time. For ASCII text (nearly all names and titles) these give the
    // same result byte by byte — ASCII letters are exactly the alphabetic ASCII
    // scalars and lower-case to one scalar — and anything else takes the full path.

    private static func foldASCII(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): out[count] = byte | 0x20; count += 1
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                         UInt8(ascii: "+"), UInt8(ascii: "*"):
                        out[count] = byte; count += 1
                    default: break
                    }
                }
                return count
            }
        }
    }

    private static func slugASCII(_ title: String) -> String? {
        var title = title
        return title.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingDash = false
                for byte in bytes {
                    let lower: UInt8
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): lower = byte | 0x20
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): lower = byte
                    default: pendingDash = true; continue
                    }
                    if pendingDash && count > 0 { out[count] = UInt8(ascii: "-"); count += 1 }
                    pendingDash = false
                    out[count] = lower; count += 1
                }
                return count
            }
        }
    }
}
