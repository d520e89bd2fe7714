/// Detects an input's format from its first bytes (after decompression), so
/// users never have to say what a file is; `--from` overrides it.
///
/// Looks at up to ``windowSize`` bytes: more than the 1 KB that usually
/// suffices, because an XML prolog, comments or a DOCTYPE can come before the
/// root element that names the format.
enum FormatSniffer {
    static let windowSize = 4096

    /// The format, or nil when the content matches none (binary data, an XML
    /// vocabulary papergraph does not read, text without the listing layout).
    static func sniff(_ bytes: [UInt8]) -> InputFormat? {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < bytes.count, !isBinary(bytes) else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            return .jsonl
        case UInt8(ascii: "<"):
            return markup(bytes[i...])
        default:
            return looksLikeListing(bytes[i...]) ? .listing : nil
        }
    }

    /// The format of an XML or HTML document, from its root element's name.
    private static func markup(_ bytes: ArraySlice<UInt8>) -> InputFormat? {
        let text = String(decoding: bytes, as: UTF8.self)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") {  // XML declaration, processing instruction
                guard let end = rest.range(of: "?>") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("!--") {
                guard let end = rest.range(of: "-->") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("!") {  // DOCTYPE
                let doctype = rest.prefix(40).lowercased()
                if doctype.hasPrefix("!doctype html") { return .html }
                guard let end = rest.firstIndex(of: ">") else { return nil }
                rest = rest[rest.index(after: end)...]
            } else {
                let name = rest.prefix { !" \t\r\n>/".contains($0) }
                let local = name.split(separator: ":").last.map(String.init) ?? ""
                switch local.lowercased() {
                case "feed": return .atom
                case "oai-pmh": return .oaipmh
                case "graphml": return .graphml
                case "html": return .html
                default: return nil
                }
            }
        }
        return nil
    }

    /// Binary data: more than 1% control bytes other than whitespace. A stray
    /// NUL in a text file does not make it binary; its reader deals with it.
    private static func isBinary(_ bytes: [UInt8]) -> Bool {
        let controls = bytes.count { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return controls * 100 > bytes.count
    }

    /// Text with at least one long paragraph (an abstract, possibly hard-wrapped).
    private static func looksLikeListing(_ bytes: ArraySlice<UInt8>) -> Bool {
        var paragraph = 0
        var longest = 0
        var previous: UInt8 = 0x0A
        for byte in bytes where byte != 0x0D {
            if byte == 0x0A && previous == 0x0A {
                longest = max(longest, paragraph)
                paragraph = 0
            } else {
                paragraph += 1
            }
            previous = byte
        }
        return max(longest, paragraph) >= ListingReader.minimumAbstractLength
    }
}
