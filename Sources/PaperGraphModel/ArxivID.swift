/// arXiv identifiers: new style `2409.12917` (and `0704.0001`) and old style
/// `math/0501001` or `cond-mat.str-el/0603029`.
public enum ArxivID {
    /// Returns the canonical id (version suffix and `arXiv:`/URL prefixes
    /// stripped) if `text` is an arXiv id or abs/pdf URL, else nil.
    public static func canonical(_ text: String) -> String? {
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        for prefix in ["https://arxiv.org/abs/", "http://arxiv.org/abs/", "https://arxiv.org/pdf/",
                       "http://arxiv.org/pdf/", "oai:arXiv.org:", "arXiv:", "arxiv:"] where s.hasPrefix(prefix) {
            s = s.dropFirst(prefix.count)
            break
        }
        if s.hasSuffix(".pdf") { s = s.dropLast(4) }
        // Strip a version suffix vN.
        if let v = s.lastIndex(of: "v"), v != s.startIndex,
           s[s.index(after: v)...].allSatisfy(\.isASCII), !s[s.index(after: v)...].isEmpty,
           s[s.index(after: v)...].allSatisfy(\.isNumber),
           s[s.index(before: v)].isNumber {
            s = s[..<v]
        }
        let id = String(s)
        return isArxivID(id) ? id : nil
    }

    /// Whether `text` is a bare canonical arXiv id (no version).
    public static func isArxivID(_ text: String) -> Bool {
        let u = Array(text.utf8)
        func digits(_ slice: ArraySlice<UInt8>) -> Bool { !slice.isEmpty && slice.allSatisfy { $0 >= 48 && $0 <= 57 } }
        // New style: YYMM.NNNN (April 2007 to December 2014), YYMM.NNNNN (from January 2015).
        if u.count == 9 || u.count == 10, u[4] == UInt8(ascii: "."), digits(u[0..<4]), digits(u[5...]) {
            let year = Int(u[0] - 48) * 10 + Int(u[1] - 48)
            let month = Int(u[2] - 48) * 10 + Int(u[3] - 48)
            guard (1...12).contains(month), year >= 7 else { return false }
            return u.count == (year >= 15 ? 10 : 9)
        }
        // Old style: archive(.subject)?/YYMMNNN
        if let slash = u.firstIndex(of: UInt8(ascii: "/")), slash > 0, u.count - slash - 1 == 7 {
            let archive = u[..<slash]
            let okArchive = archive.allSatisfy { ($0 >= 97 && $0 <= 122) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || ($0 >= 65 && $0 <= 90) }
            return okArchive && digits(u[(slash + 1)...])
        }
        return false
    }
}

import Foundation
