/// Deterministic mutations of a seed, the cheap in-process cousin of
/// libFuzzer's: byte flips, truncations, splices with another seed, and
/// inserted XML/JSON/YAML metacharacters. Deterministic so a failure reproduces.
struct Mutator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    private static let tokens: [[UInt8]] = ["<", ">", "&", "&amp;", "]]>", "<!--", "\"", "\\", "\\u", "{", "}", "[",
                                           "\u{0}", "\n", "\n\n", ": ", "- ", "\u{FF}", "\u{C3}", "<a>", "</",
                                           "<![CDATA[", "&#x0;", "&#1114112;", "*", "!"].map { Array($0.utf8) }

    mutating func mutate(_ seed: [UInt8], with other: [UInt8]) -> [UInt8] {
        var bytes = seed
        switch below(5) {
        case 0: // flip a few bytes
            for _ in 0..<(1 + below(8)) where !bytes.isEmpty {
                bytes[below(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 << below(8))
            }
        case 1: // truncate
            bytes = Array(bytes.prefix(below(bytes.count + 1)))
        case 2: // splice: a prefix of this seed, a suffix of the other
            bytes = Array(bytes.prefix(below(bytes.count + 1))) + Array(other.suffix(below(other.count + 1)))
        case 3: // insert a metacharacter run
            let token = Self.tokens[below(Self.tokens.count)]
            bytes.insert(contentsOf: token, at: below(bytes.count + 1))
        default: // duplicate a slice (repetition, nesting)
            guard !bytes.isEmpty else { break }
            let start = below(bytes.count), length = min(below(256) + 1, bytes.count - start)
            bytes.insert(contentsOf: bytes[start..<(start + length)], at: below(bytes.count + 1))
        }
        return bytes
    }
}
