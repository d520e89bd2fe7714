import Foundation
import Testing
@testable import PaperGraphIngest

/// The word-at-a-time loops (``SWAR``) must agree with plain per-character
/// definitions on text with every kind of space, escape and non-ASCII byte at
/// every offset.
@Suite struct ByteLoopTests {
    /// Deterministic pseudo-random strings over an alphabet of awkward characters.
    private func samples() -> [String] {
        let alphabet: [String] = ["a", "b", "Z", "0", " ", " ", "  ", "\n", "\t", "\r\n", "é", "\u{00A0}", "\u{2009}",
                                  "\u{3000}", "\u{0085}", "\"", "\\", "/", "€", "𝔸", "\u{01}", "\u{7F}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<400).map { _ in
            (0..<(next() % 90)).map { _ in alphabet[next() % alphabet.count] }.joined()
        }
    }

    @Test func foldSpacesMatchesTheDefinition() {
        for text in samples() {
            let words = text.unicodeScalars.split { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
            let expected = words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
            #expect(TextCleaner.foldSpaces(text) == expected, "\(Array(text.utf8))")
        }
    }

    @Test func jsonStringsMatchJSONSerialization() throws {
        for text in samples() {
            let line = try JSONSerialization.data(withJSONObject: ["title": text, "abstract": text + text])
            let parsed = try Array(line).withUnsafeBufferPointer { bytes -> [String: String] in
                var scanner = JSONScanner(bytes)
                var out: [String: String] = [:]
                try scanner.forEachMember { s, key in out[key] = try s.string() }
                return out
            }
            #expect(parsed == ["title": text, "abstract": text + text])
        }
    }

    /// Escapes decoded between plain runs: one-byte escapes, `\u` escapes of
    /// one to three bytes, a surrogate pair (four bytes), and a lone surrogate
    /// (U+FFFD), at the start, middle and end of a string.
    @Test func jsonEscapesDecodeBetweenRuns() throws {
        let cases: [(String, String)] = [
            (#""\nabc""#, "\nabc"),
            (#""abc\t""#, "abc\t"),
            (#""a\"b\\c\/d""#, "a\"b\\c/d"),
            (#""caf\u00e9 \u20ac""#, "café €"),
            (#""x\ud835\udd38y""#, "x\u{1D538}y"),
            (#""x\ud800y\udc00""#, "x\u{FFFD}y\u{FFFD}"),
            (#""\u0041\u0042\u0043 plain words after the escapes""#, "ABC plain words after the escapes"),
        ]
        for (json, expected) in cases {
            let line = Array(("{\"k\":" + json + ",\"m\":" + json + "}").utf8)
            let parsed = try line.withUnsafeBufferPointer { bytes -> [String: String] in
                var scanner = JSONScanner(bytes)
                var out: [String: String] = [:]
                try scanner.forEachMember { s, key in out[key] = try s.string() }
                return out
            }
            #expect(parsed == ["k": expected, "m": expected], "\(json)")
        }
    }
}
