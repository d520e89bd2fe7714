/// Finds URLs in text and turns them into repository keys or homepages.
///
/// Abstracts carry URLs with PDF-extraction debris: trailing full stops,
/// `\url{…}` braces, a second copy of the URL in braces, paths below the
/// repository (`github.com/apple/axlearn/docs/research/mmau.`). The scanner
/// keeps what a reader would copy.
enum URLScanner {
    /// Hosts whose first path segments name a source repository.
    static let codeHosts: Set<String> = ["github.com", "gitlab.com", "bitbucket.org", "codeberg.org",
                                         "huggingface.co", "hf.co"]
    /// Hugging Face path prefixes before `owner/name`.
    static let huggingFaceKinds: Set<String> = ["datasets", "spaces", "models"]
    /// Hosts of links to other papers, not project pages.
    static let referenceHosts: Set<String> = ["arxiv.org", "doi.org", "dx.doi.org", "openreview.net", "aclanthology.org"]

    /// If a URL starts at `i` (at a word start), the offset one past its last
    /// byte with trailing punctuation removed; else nil.
    static func urlEnd(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard i == 0 || !Bytes.isAlnum(b[i - 1]) else { return nil }
        // Only the prefixes that can start with these two bytes are tried: this
        // runs at every word start, and "with", "we", "by", "can" start like URLs.
        guard i + 1 < b.count else { return nil }
        let first = Bytes.lower(b[i]), second = Bytes.lower(b[i + 1])
        guard second == 0x74 || second == 0x75 || second == 0x77 || second == 0x69 || second == 0x6F else { return nil } // t u w i o
        var bodyStart = i
        switch first {
        case 0x68: // h
            if hasPrefix(b, i, "https://") { bodyStart = i + 8 }
            else if hasPrefix(b, i, "http://") { bodyStart = i + 7 }
            else if !hasPrefix(b, i, "huggingface.co/") { return nil }
        case 0x77: guard hasPrefix(b, i, "www.") else { return nil } // w
        case 0x67: guard hasPrefix(b, i, "github.com/") || hasPrefix(b, i, "gitlab.com/") else { return nil } // g
        case 0x62: guard hasPrefix(b, i, "bitbucket.org/") else { return nil } // b
        case 0x63: guard hasPrefix(b, i, "codeberg.org/") else { return nil } // c
        default: return nil
        }
        var j = bodyStart
        var parens = 0
        while j < b.count {
            let d = b[j]
            if d <= 0x20 || d >= 0x80 || d == 0x7B || d == 0x7D || d == 0x3C || d == 0x3E || d == 0x22
                || d == 0x5C || d == 0x5D || d == 0x7C || d == 0x60 { break }
            if d == 0x28 { parens += 1 }
            if d == 0x29 { if parens == 0 { break }; parens -= 1 }
            j += 1
        }
        while j > bodyStart, isTrailing(b[j - 1]) { j -= 1 }
        // A host needs a dot and something after it.
        guard j > bodyStart + 3, b[bodyStart..<j].contains(0x2E) else { return nil }
        return j
    }

    private static func isTrailing(_ c: UInt8) -> Bool {
        c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x27
            || c == 0x29 || c == 0x2F || c == 0x2A
    }

    private static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where Bytes.lower(b[i + k]) != p[k] { return false }
        return true
    }

    /// What a URL names.
    enum Target: Equatable {
        /// `host/owner/name` on a code host.
        case repository(String)
        /// `host/path` of any other page.
        case homepage(String)
    }

    /// Classifies a cleaned URL (as ``urlEnd(_:at:)`` delimits it), or nil for
    /// links to other papers.
    ///
    /// A URL as `urlEnd` delimits it is ASCII, so its bytes are its characters:
    /// comparing, lower-casing and splitting bytes spares grapheme breaking.
    static func classify(_ url: String) -> Target? {
        let all = Array(url.utf8)
        var s = all[...]
        for scheme: StaticString in ["https://", "http://", "HTTPS://", "HTTP://"] where hasPrefix(s, scheme, foldingCase: false) {
            s = s.dropFirst(scheme.utf8CodeUnitCount)
            break
        }
        if hasPrefix(s, "www.", foldingCase: true) { s = s.dropFirst(4) }
        if let cut = s.firstIndex(where: { $0 == 0x3F || $0 == 0x23 }) { s = s[..<cut] }
        let parts = s.split(separator: 0x2F)
        guard let first = parts.first else { return nil }
        let host = string(first, lowered: true)
        guard !referenceHosts.contains(host) else { return nil }
        if codeHosts.contains(host) {
            var take = 2
            if host.hasPrefix("h"), parts.count > 1, huggingFaceKinds.contains(string(parts[1], lowered: true)) { take = 3 }
            if parts.count - 1 >= take {
                let name = cleanRepoName(string(parts[take], lowered: false))
                if !name.isEmpty {
                    var repo = host == "hf.co" ? "huggingface.co" : host
                    for part in parts[1..<take] { repo += "/" + string(part, lowered: false) }
                    return .repository(repo + "/" + name)
                }
            }
        }
        var page = host
        for part in parts.dropFirst() { page += "/" + string(part, lowered: false) }
        return .homepage(page)
    }

    /// The bytes as a string, ASCII letters lower-cased when `lowered`.
    private static func string(_ bytes: ArraySlice<UInt8>, lowered: Bool) -> String {
        lowered ? String(decoding: bytes.map(Bytes.lower), as: UTF8.self) : String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `s` starts with the ASCII `prefix`, ignoring ASCII case when `foldingCase`.
    private static func hasPrefix(_ s: ArraySlice<UInt8>, _ prefix: StaticString, foldingCase: Bool) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard s.count >= n else { return false }
        let p = prefix.utf8Start
        for k in 0..<n {
            let c = s[s.startIndex + k]
            guard (foldingCase ? Bytes.lower(c) : c) == p[k] else { return false }
        }
        return true
    }

    /// Drops `.git` and a footnote mark glued on after a full stop (`repo.1`),
    /// then trailing `.`, `-`, `_`. The name is a piece of an ASCII URL, so
    /// this works on its bytes.
    private static func cleanRepoName(_ name: String) -> String {
        var n = Array(name.utf8)[...]
        if n.count >= 4, n.suffix(4).map(Bytes.lower).elementsEqual(".git".utf8) { n = n.dropLast(4) }
        if let dot = n.lastIndex(of: 0x2E), n[(dot + 1)...].allSatisfy(Bytes.isDigit), dot != n.startIndex {
            n = n[..<dot]
        }
        while let last = n.last, last == 0x2E || last == 0x2D || last == 0x5F { n = n.dropLast() }
        return String(decoding: n, as: UTF8.self)
    }
}
