import Foundation

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
        var needsMarkup = false
        var needsSpaces = false
        var previousSpace = true  // a leading space needs folding too
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                needsMarkup = true
            case UInt8(ascii: " "):
                if previousSpace { needsSpaces = true }
                previousSpace = true
                continue
            case 0..<0x20, 0x7F, 0xC2:  // controls, and 0xC2 which may start U+00A0
                needsSpaces = true
            default:
                break
            }
            previousSpace = false
        }
        if previousSpace { needsSpaces = true }  // trailing space, or empty text
        if needsMarkup { return foldSpaces(resolveMarkup(text)) }
        return needsSpaces ? foldSpaces(text) : text
    }

    // MARK: Whitespace

    /// Folds every run of whitespace and control characters (newlines, tabs,
    /// NBSP, NUL) into one space and trims both ends.
    static func foldSpaces(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
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
                    } else if let letter = letters[name], j >= n || !s[j].properties.isAlphabetic {
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

    /// The letter an accent applies to, written `e`, `{e}` or ` e` (after a
    /// letter-named accent such as `\c c`), and the index after it.
    private static func accentArgument(_ s: [Unicode.Scalar], from start: Int) -> (Unicode.Scalar, Int)? {
        var k = start
        if k < s.count && s[k] == " " { k += 1 }
        if k < s.count && s[k] == "{" {
            guard k + 2 < s.count, s[k + 1].properties.isAlphabetic, s[k + 2] == "}" else { return nil }
            return (s[k + 1], k + 3)
        }
        guard k < s.count, s[k].properties.isAlphabetic, s[k].isASCII else { return nil }
        return (s[k], k + 1)
    }
}
