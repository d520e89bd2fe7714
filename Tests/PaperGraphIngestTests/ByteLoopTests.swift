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
}
