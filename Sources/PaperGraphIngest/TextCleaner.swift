import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Cleans titles and abstracts the same way for every source: HTML entities
/// decoded, TeX markup resolved to the text it prints, whitespace folded.
///
/// The extractor and the store see one spelling of a paper whichever source it
/// came from, which is what lets a paper read from Atom and from the JSON
/// snapshot merge into one node. ``PaperRecord/rawAbstract`` keeps the source's text.
///
/// TeX handling is deliberately small and predictable:
/// - `$…$` and `$$…$$` keep their content verbatim (`$\alpha$` → `\alpha`);
/// - text commands keep their argument (`\emph{x}`, `\textbf{x}`, `\url{x}` → `x`),
///   font switches vanish (`{\it x}` → `x`), `\href{u}{t}` → `t`;
/// - escaped specials print themselves (`\%` → `%`, `\&` → `&`, `\_` → `_`);
/// - accents compose (`\'e`, `\'{e}` → é; `\c{c}` → ç) and a few letters map (`\ss` → ß);
/// - grouping braces are removed; `--`/`---` and unknown commands stay as written.
enum TextCleaner {
    static func clean(_ text: String) -> String {
        var copy = text
        let hasMarkup = copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            // A short string (a name, a title) is read once byte by byte: five
            // calls would cost more than the bytes.
            if bytes.count <= 64 {
                return bytes.contains { $0 == 0x5C || $0 == 0x24 || $0 == 0x26 || $0 == 0x7B || $0 == 0x7D }
            }
            // memchr is vectorised: five passes cost less than one byte-by-byte switch.
            return "\\$&{}".utf8.contains { memchr(base, Int32($0), bytes.count) != nil }
        }
        return foldSpaces(hasMarkup ? resolveMarkup(text) : text)
    }

    // MARK: Whitespace

    /// Folds every run of whitespace and control characters (newlines, tabs,
    /// NBSP and the other Unicode spaces, NUL) into one space and trims both ends.
    ///
    /// Works on UTF-8 bytes: asking each scalar for its Unicode properties made
    /// this the slowest step of reading the JSON snapshot.
    static func foldSpaces(_ text: String) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            // Already folded (the common case for titles): no copy.
            if isFolded(bytes) { return text }
            guard let base = bytes.baseAddress else { return text }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                let outBase = UnsafeMutableRawPointer(out.baseAddress!)
                var count = 0
                var lastWasSpace = false
                var i = 0
                while i < bytes.count {
                    // Printable ASCII up to the first control, non-ASCII byte or
                    // second space of a pair is copied as it is, eight bytes at a
                    // time. (Each test's lowest flagged byte is exact: a false flag
                    // only ever follows a true one.) The store may write past the
                    // copied bytes but never past the input's length, as
                    // `count <= i`; later bytes overwrite what it wrote.
                    if count > 0 && i &+ 8 <= bytes.count {
                        let word = SWAR.load(base, i)
                        let controls = (word &- SWAR.ones &* 0x20) & ~word & SWAR.highBits
                        let wide = ((word &+ SWAR.ones) | word) & SWAR.highBits
                        let spaces = SWAR.bytes(equalTo: 0x20, word)
                        let doubled = spaces & (spaces << 8 | (lastWasSpace ? 0x80 : 0))
                        let stop = controls | wide | doubled
                        let k = stop == 0 ? 8 : stop.trailingZeroBitCount >> 3
                        if k > 0 {
                            outBase.storeBytes(of: word.littleEndian, toByteOffset: count, as: UInt64.self)
                            count &+= k
                            lastWasSpace = (word >> UInt64(8 &* (k &- 1))) & 0xFF == 0x20
                            i &+= k
                            continue
                        }
                    }
                    let width = spaceWidth(bytes, at: i)
                    if width > 0 {
                        if count > 0 && !lastWasSpace { out[count] = 0x20; count += 1 }
                        lastWasSpace = true
                        i += width
                    } else {
                        out[count] = bytes[i]
                        count += 1
                        lastWasSpace = false
                        i += 1
                    }
                }
                if count > 0 && lastWasSpace { count -= 1 }
                return count
            }
        }
    }

    /// No leading, trailing or double space, and no other whitespace or control character.
    private static func isFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
        var previous: UInt8 = 0
        // Eight bytes at a time while they are printable ASCII without a
        // double space (titles and names are); the rest byte by byte.
        var i = 0
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                let word = SWAR.load(base, i)
                let spaces = SWAR.bytes(equalTo: 0x20, word)
                if SWAR.hasByte(below: 0x20, word) || SWAR.hasByte(above: 0x7E, word)
                    || spaces & (spaces << 8 | (previous == 0x20 ? 0x80 : 0)) != 0 { break }
                previous = UInt8(truncatingIfNeeded: word >> 56)
                i += 8
            }
        }
        for byte in UnsafeBufferPointer(rebasing: bytes[i...]) {
            if byte < 0x20 || byte == 0x7F || byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3)
                || (byte == 0x20 && previous == 0x20) { return false }
            previous = byte
        }
        return true
    }

    /// The byte length of the whitespace or control character at `i`, or 0.
    private static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let byte = b[i]
        if byte <= 0x20 || byte == 0x7F { return 1 }
        if byte < 0xC2 || byte > 0xE3 { return 0 }
        let next = i + 1 < b.count ? b[i + 1] : 0
        switch byte {
        case 0xC2:  // U+0085 NEL, U+00A0 NBSP, and the C1 controls U+0080–U+009F
            return next == 0xA0 || (0x80...0x9F).contains(next) ? 2 : 0
        case 0xE1:  // U+1680 OGHAM SPACE MARK
            return next == 0x9A && i + 2 < b.count && b[i + 2] == 0x80 ? 3 : 0
        case 0xE2:  // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
            guard i + 2 < b.count else { return 0 }
            let last = b[i + 2]
            if next == 0x80 { return (0x80...0x8A).contains(last) || last == 0xA8 || last == 0xA9 || last == 0xAF ? 3 : 0 }
            return next == 0x81 && last == 0x9F ? 3 : 0
        case 0xE3:  // U+3000 IDEOGRAPHIC SPACE
            return next == 0x80 && i + 2 < b.count && b[i + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    // MARK: Entities and TeX

    private static let textCommands: Set<String> = [
        "emph", "textbf", "textit", "texttt", "textrm", "textsf", "textsc", "textup", "textsl",
        "textnormal", "underline", "url", "mbox", "text", "mathrm", "mathbf", "mathit", "mathsf",
        "mathtt", "mathcal", "mathbb", "boldsymbol",
    ]
    private static let fontSwitches: Set<String> = ["it", "bf", "em", "sc", "rm", "tt", "sl", "sf", "normalfont"]
    private static let symbolAccents: [Unicode.Scalar: Unicode.Scalar] = [
        "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "\"": "\u{0308}", "~": "\u{0303}",
        "=": "\u{0304}", ".": "\u{0307}",
    ]
    private static let letterAccents: [String: Unicode.Scalar] = [
        "c": "\u{0327}", "v": "\u{030C}", "u": "\u{0306}", "H": "\u{030B}", "k": "\u{0328}", "r": "\u{030A}",
    ]
    private static let letters: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
        "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı",
    ]

    static func resolveMarkup(_ text: String) -> String {
        let s = HTMLEntities.decode(Array(text.unicodeScalars))
        var out = String.UnicodeScalarView()
        var compose = false
        var i = 0
        let n = s.count
        func isLetter(_ k: Int) -> Bool { k < n && s[k].properties.isAlphabetic && s[k].isASCII }

        while i < n {
            let c = s[i]
            switch c {
            case "$":
                let fence = (i + 1 < n && s[i + 1] == "$") ? 2 : 1
                var j = i + fence
                var close: Int?
                while j < n {
                    if s[j] == "\\" { j += 2; continue }
                    if s[j] == "$" && (fence == 1 || (j + 1 < n && s[j + 1] == "$")) { close = j; break }
                    j += 1
                }
                if let close {
                    out.append(contentsOf: s[(i + fence)..<close])
                    i = close + fence
                } else {
                    out.append(c)
                    i += 1
                }
            case "{", "}":
                i += 1
            case "\\" where i + 1 < n:
                let d = s[i + 1]
                if "%&_#${}".unicodeScalars.contains(d) {
                    out.append(d)
                    i += 2
                } else if d == "\\" {
                    out.append(" ")
                    i += 2
                } else if let mark = symbolAccents[d], let (base, next) = accentArgument(s, from: i + 2) {
                    out.append(base); out.append(mark); compose = true
                    i = next
                } else if isLetter(i + 1) {
                    var j = i + 1
                    while isLetter(j) { j += 1 }
                    let name = String(String.UnicodeScalarView(s[(i + 1)..<j]))
                    if textCommands.contains(name) {
                        i = j
                    } else if fontSwitches.contains(name) {
                        i = j < n && s[j] == " " ? j + 1 : j
                    } else if name == "href", j < n, s[j] == "{", let close = s[j...].firstIndex(of: "}") {
                        i = close + 1
                    } else if let mark = letterAccents[name], let (base, next) = accentArgument(s, from: j) {
                        out.append(base); out.append(mark); compose = true
                        i = next
                    } else if let letter = letters[name] {
                        out.append(contentsOf: letter.unicodeScalars)
                        i = j < n && s[j] == " " ? j + 1 : j
                    } else {
                        out.append(contentsOf: s[i..<j])
                        i = j
                    }
                } else {
                    out.append(c)
                    i += 1
                }
            default:
                out.append(c)
                i += 1
            }
        }
        let result = String(out)
        return compose ? result.precomposedStringWithCanonicalMapping : result
    }

    /// The letter an accent applies to, written `e`, `{e}`, ` e` (after a
    /// letter-named accent such as `\c c`) or the dotless `\i` (`\'{\i}` → í),
    /// and the index after it.
    private static func accentArgument(_ s: [Unicode.Scalar], from start: Int) -> (Unicode.Scalar, Int)? {
        func dotlessI(at k: Int) -> Int? {
            guard k + 1 < s.count, s[k] == "\\", s[k + 1] == "i" else { return nil }
            return k + 2 < s.count && s[k + 2].properties.isAlphabetic ? nil : k + 2
        }
        var k = start
        if k < s.count && s[k] == " " { k += 1 }
        if k < s.count && s[k] == "{" {
            if let end = dotlessI(at: k + 1), end < s.count, s[end] == "}" { return ("i", end + 1) }
            guard k + 2 < s.count, s[k + 1].properties.isAlphabetic, s[k + 2] == "}" else { return nil }
            return (s[k + 1], k + 3)
        }
        if let end = dotlessI(at: k) { return ("i", end < s.count && s[end] == " " ? end + 1 : end) }  // TeX eats the space
        guard k < s.count, s[k].properties.isAlphabetic, s[k].isASCII else { return nil }
        return (s[k], k + 1)
    }
}
