import PaperGraphModel

/// One token of a field: a word (letters, digits and the joiners that live inside
/// names such as `ReST-MCTS*`, `S^3c-Math`, `Qwen2.5-7B`), a URL, or one
/// punctuation byte. Offsets are UTF-8 byte offsets into the field.
struct Token {
    enum Kind: UInt8 { case word, url, punct }

    var kind: Kind
    var start: Int
    var end: Int
    /// FNV-1a hash of the ASCII-lower-cased bytes, so cue words compare without allocating.
    var hash: UInt64
    /// The punctuation byte for `.punct`, else 0.
    var byte: UInt8
    var upper: Int16 = 0
    var lower: Int16 = 0
    var digits: Int16 = 0
    /// An upper-case letter right after a lower-case one (`OnPro`, `SCoRe`, `B-STaR`).
    var innerUpper = false
    var firstUpper = false
    var hyphens: Int16 = 0
    /// Every hyphen-separated part starts with a capital (`Self-Judge`, `Agent-R`).
    var allPartsCapitalised = false
    /// The first two bytes are capital letters.
    var startsWithTwoCapitals = false
    /// Ends in a descriptive hyphen suffix (`AI-based`, `GPT-style`, `RL-driven`).
    var descriptiveSuffix = false
    /// The lexicon classes of the word (bits of ``Lexicon/WordSet/mask``).
    var classes: UInt64 = 0
    /// Index of the sentence the token belongs to.
    var sentence: Int32 = 0

    var isWord: Bool { kind == .word }
    /// Whether the word is in a lexicon list.
    @inline(__always) func has(_ mask: UInt64) -> Bool { classes & mask != 0 }
    var letters: Int { Int(upper) + Int(lower) }
    /// Fully lower-case word.
    var isLowerWord: Bool { kind == .word && upper == 0 && lower > 0 }
    /// Starts with a capital letter.
    var isCapitalised: Bool { kind == .word && firstUpper }
}

/// A field of a paper (title, abstract or comment) prepared for the rules: its
/// bytes, tokens and sentence spans, computed once per field.
struct FieldText {
    let field: Evidence.Field
    let bytes: [UInt8]
    private(set) var tokens: [Token] = []
    /// Byte ranges of the sentences.
    private(set) var sentences: [Range<Int>] = []
    /// Whether some token is a URL: most fields have none, and the rules
    /// that read links then skip the walk over the tokens.
    private(set) var hasURLs = false

    init(_ text: String, field: Evidence.Field) {
        self.field = field
        self.bytes = Array(text.utf8)
        tokenize()
        splitSentences()
    }

    /// Longest evidence sentence kept whole. Copying a megabyte-long
    /// "sentence" (text without full stops) into every mention's evidence made
    /// extraction quadratic in time and memory; longer ones are cut to a window
    /// of this many bytes around the mention.
    static let maximumSentenceLength = 1000

    /// The sentence containing byte offset `at`, as written (a window of it when very long).
    func sentence(containing at: Int) -> String {
        var lo = 0, hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = sentences[mid]
            if at < r.lowerBound { hi = mid - 1 } else if at >= r.upperBound { lo = mid + 1 } else { return clipped(r, around: at) }
        }
        return clipped(0..<bytes.count, around: at)
    }

    /// `range`, or when it is longer than ``maximumSentenceLength`` the window
    /// of that length around `at`, with both ends moved onto character starts.
    private func clipped(_ range: Range<Int>, around at: Int) -> String {
        guard range.count > Self.maximumSentenceLength else { return slice(range) }
        var lower = max(range.lowerBound, min(at - Self.maximumSentenceLength / 2,
                                              range.upperBound - Self.maximumSentenceLength))
        var upper = lower + Self.maximumSentenceLength
        while lower < upper, bytes[lower] & 0xC0 == 0x80 { lower += 1 }
        while upper < range.upperBound, upper > lower, bytes[upper] & 0xC0 == 0x80 { upper -= 1 }
        return slice(lower..<upper)
    }

    func slice(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func string(_ token: Token) -> String { slice(token.start..<token.end) }

    func evidence(_ rule: String, _ range: Range<Int>) -> Evidence {
        Evidence(rule: rule, field: field, sentence: sentence(containing: range.lowerBound),
                 start: range.lowerBound, end: range.upperBound)
    }

    // MARK: Tokenising

    private mutating func tokenize() {
        (tokens, hasURLs) = bytes.withUnsafeBufferPointer { Self.tokens(in: $0) }
    }

    /// Tokenises raw bytes; a static function over a buffer pointer, so the
    /// hot loop does no bounds checks or reference counting.
    private static func tokens(in b: UnsafeBufferPointer<UInt8>) -> (tokens: [Token], hasURLs: Bool) {
        var tokens: [Token] = []
        var hasURLs = false
        let n = b.count
        var i = 0
        let classTable = Lexicon.classTable
        tokens.reserveCapacity(n / 5)
        while i < n {
            let c = b[i]
            if Bytes.isSpace(c) { i += 1; continue }
            // Only h, w, g, b and c start a URL (see `URLScanner.urlEnd`): tested
            // here, so most tokens skip the call.
            let first = c | 0x20
            if first == 0x68 || first == 0x77 || first == 0x67 || first == 0x62 || first == 0x63,
               let end = URLScanner.urlEnd(b, at: i) {
                tokens.append(Token(kind: .url, start: i, end: end, hash: 0, byte: 0))
                hasURLs = true
                i = end
                continue
            }
            if Bytes.isWordByte(b, i) {
                // The word's statistics are gathered while its end is found: one pass.
                var word = WordScan()
                var j = i
                while j < n {
                    let c = b[j]
                    // Runs of lower-case ASCII letters, most of the text, take
                    // a short loop that updates the hash and counts only.
                    if c &- 0x61 < 26 {
                        var h = (word.h ^ UInt64(c)) &* 0x100000001b3
                        var k = j &+ 1
                        while k < n {
                            let d = b[k]
                            guard d &- 0x61 < 26 else { break }
                            h = (h ^ UInt64(d)) &* 0x100000001b3
                            k &+= 1
                        }
                        word.addLowerRun(hash: h, count: k &- j)
                        j = k
                        continue
                    }
                    if c < 0x80 ? Bytes.isAlnum(c) : Bytes.isWordByte(b, j) {
                        let next = j + Bytes.scalarLength(c)
                        word.add(c, at: j)
                        var q = j + 1
                        while q < min(next, n) { word.add(b[q], at: q); q += 1 }
                        j = next
                        continue
                    }
                    // Joiners stay inside a word when a word byte follows.
                    let d = c
                    if (d == 0x2D || d == 0x5E || d == 0x5F || d == 0x27) && j + 1 < n && Bytes.isWordByte(b, j + 1)
                        || d == 0x2E && j + 1 < n && Bytes.isDigit(b[j + 1]) && j > i && Bytes.isAlnum(b[j - 1])
                        || (d == 0x2A || d == 0x2B) && (j + 1 >= n || !Bytes.isAlnum(b[j + 1])) {
                        word.add(d, at: j)
                        j += 1
                        continue
                    }
                    break
                }
                tokens.append(word.token(i, j, b, classTable))
                i = j
                continue
            }
            let len = Bytes.scalarLength(c)
            tokens.append(Token(kind: .punct, start: i, end: min(n, i + len), hash: 0, byte: len == 1 ? c : Bytes.wideByte(b, i)))
            i += len
        }
        return (tokens, hasURLs)
    }

    private mutating func splitSentences() {
        var start = 0
        var sentence: Int32 = 0
        let n = tokens.count
        // Room for sentences of about 128 bytes, so the list seldom regrows.
        sentences.reserveCapacity(bytes.count / 128 + 1)
        for k in 0..<n {
            tokens[k].sentence = sentence
            let t = tokens[k]
            guard t.kind == .punct, t.byte == 0x2E || t.byte == 0x3F || t.byte == 0x21 else { continue }
            // A full stop ends a sentence when a capital, digit or opening mark
            // follows after space, and the word before is not an abbreviation.
            guard k + 1 < n, tokens[k + 1].start > t.end else { continue }
            let next = tokens[k + 1]
            let startsSentence = next.firstUpper || next.digits > 0 && next.kind == .word
                || (next.kind == .punct && (next.byte == 0x28 || next.byte == 0x22 || next.byte == 0x5B))
            guard startsSentence else { continue }
            if t.byte == 0x2E, k > 0, tokens[k - 1].kind == .word, tokens[k - 1].end == t.start,
               tokens[k - 1].has(WordClass.abbreviations) || (tokens[k - 1].letters == 1 && tokens[k - 1].upper == 1) {
                continue
            }
            sentences.append(start..<t.end)
            start = next.start
            sentence += 1
        }
        sentences.append(start..<bytes.count)
    }
}

/// What tokenising learns about a word byte by byte: its letter counts, shape
/// flags and hash, gathered while the word's end is found. Counters are Ints,
/// written to the token once, clamped: a megabyte-long "word" must not trap.
private struct WordScan {
    var h: UInt64 = 0xcbf29ce484222325
    var upper = 0, lower = 0, digits = 0, hyphens = 0
    var lastDash = -1
    var prevLower = false
    var innerUpper = false
    var partStart = true
    var allParts = true

    @inline(__always) mutating func add(_ c: UInt8, at k: Int) {
        let isUpper = Bytes.isUpper(c)
        let lc = isUpper ? c | 0x20 : c
        h = (h ^ UInt64(lc)) &* 0x100000001b3
        if Bytes.isLowerASCII(lc) {
            if isUpper {
                upper &+= 1
                if prevLower { innerUpper = true }
                prevLower = false
            } else {
                lower &+= 1
                if partStart { allParts = false }
                prevLower = true
            }
            partStart = false
        } else if Bytes.isDigit(c) {
            digits &+= 1
            prevLower = false
            partStart = false
        } else if c == 0x2D {
            hyphens &+= 1
            lastDash = k
            partStart = true
            prevLower = false
        } else {
            if c >= 0x80 {
                if c >= 0xC0 { lower &+= 1 }
                prevLower = false
            }
            partStart = false
        }
    }

    /// Equivalent to ``add(_:at:)`` over `count` lower-case ASCII letters
    /// that took the hash to `hash`.
    @inline(__always) mutating func addLowerRun(hash: UInt64, count: Int) {
        h = hash
        lower &+= count
        if partStart { allParts = false }
        prevLower = true
        partStart = false
    }

    /// The word token `s..<e` of `bytes`, with its lexicon classes.
    @inline(__always) func token(_ s: Int, _ e: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ classTable: WordTable) -> Token {
        var t = Token(kind: .word, start: s, end: e, hash: h, byte: 0)
        // Every counter is at most the word's length: below 2^15 bytes the
        // counters fit without clamping.
        if e &- s <= Int(Int16.max) {
            t.upper = Int16(truncatingIfNeeded: upper)
            t.lower = Int16(truncatingIfNeeded: lower)
            t.digits = Int16(truncatingIfNeeded: digits)
            t.hyphens = Int16(truncatingIfNeeded: hyphens)
        } else {
            t.upper = Int16(clamping: upper)
            t.lower = Int16(clamping: lower)
            t.digits = Int16(clamping: digits)
            t.hyphens = Int16(clamping: hyphens)
        }
        t.innerUpper = innerUpper
        let first = bytes[s]
        t.firstUpper = Bytes.isUpper(first)
        t.classes = classTable.lookup(h)
        t.allPartsCapitalised = allParts && t.firstUpper
        t.startsWithTwoCapitals = t.firstUpper && e &- s >= 2 && Bytes.isUpper(bytes[s &+ 1])
        if lastDash >= 0 {
            t.descriptiveSuffix = Self.hasDescriptiveSuffix(bytes[(lastDash &+ 1)..<e], classTable)
        }
        return t
    }

    /// Whether the part after a word's last hyphen is a descriptive suffix;
    /// out of line, so the common path of ``token(_:_:_:_:)`` inlines into the loop.
    @inline(never) static func hasDescriptiveSuffix(_ part: Slice<UnsafeBufferPointer<UInt8>>, _ classTable: WordTable) -> Bool {
        var sh: UInt64 = 0xcbf29ce484222325
        for c in part { sh = (sh ^ UInt64(Bytes.lower(c))) &* 0x100000001b3 }
        return classTable.lookup(sh) & WordClass.descriptiveSuffixes != 0
    }
}

/// Byte classes on UTF-8 text.
enum Bytes {
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) static func isLowerASCII(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isUpper(c) || isLowerASCII(c) || isDigit(c) }
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c | 0x20 : c }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }

    /// Length of the UTF-8 sequence starting with `c`.
    @inline(__always) static func scalarLength(_ c: UInt8) -> Int {
        c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
    }

    /// Whether the scalar at `i` belongs to a word: ASCII letters and digits, and
    /// non-ASCII letters; general punctuation (U+2000–U+206F: dashes, curly
    /// quotes), no-break space and the Latin-1 symbols are not word bytes.
    @inline(__always) static func isWordByte(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return isAlnum(c) }
        if c == 0xE2, i + 1 < b.count, b[i + 1] == 0x80 || b[i + 1] == 0x81 { return false }
        if c == 0xC2 { return false }
        if c == 0xC3, i + 1 < b.count, b[i + 1] == 0x97 || b[i + 1] == 0xB7 { return false }
        return c >= 0xC0
    }

    /// A stand-in punctuation byte for a non-ASCII punctuation scalar: dashes
    /// read as `-`, curly quotes as `"`.
    static func wideByte(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
        guard b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 else { return 0x7E }
        switch b[i + 2] {
        case 0x90...0x95: return 0x2D
        case 0x98, 0x99: return 0x27
        case 0x9C, 0x9D: return 0x22
        default: return 0x7E
        }
    }

    /// FNV-1a of the lower-cased ASCII bytes of `s`, as ``Token/hash`` computes it.
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in s.utf8 { h = (h ^ UInt64(lower(c))) &* 0x100000001b3 }
        return h
    }
}
