import PaperGraphModel

/// Field conventions the arXiv sources share: dates, author lists, categories.
enum ArxivFields {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"]

    /// An ISO date `YYYY-MM-DD` from the forms arXiv writes: ISO timestamps
    /// (`2024-09-19T17:59:59Z`, `2024-09-19`) and RFC 822 dates in the snapshot's
    /// `versions` (`Mon, 2 Apr 2007 19:18:42 GMT`). Nil when it is neither.
    static func isoDate(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let u = Array(t.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.upperBound <= u.count && u[r].allSatisfy { $0 >= 48 && $0 <= 57 } }
        if u.count >= 10, digits(0..<4), u[4] == UInt8(ascii: "-"), digits(5..<7), u[7] == UInt8(ascii: "-"), digits(8..<10) {
            return String(t.prefix(10))
        }
        let parts = t.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard parts.count >= 4, let day = Int(parts[1]), (1...31).contains(day),
              let month = months.firstIndex(of: parts[2].lowercased().prefix(3).description),
              let year = Int(parts[3]), parts[3].count == 4 else { return nil }
        let mm = month + 1 < 10 ? "0\(month + 1)" : "\(month + 1)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(mm)-\(dd)"
    }

    /// Splits an author string as arXiv writes it (`A. One, B. Two and C. Three`).
    static func splitAuthors(_ text: String) -> [String] {
        let folded = TextCleaner.clean(text)
        var names: [String] = []
        for part in folded.split(separator: ",") {
            for name in part.components(separatedBy: " and ") {
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { names.append(trimmed) }
            }
        }
        return names
    }

    /// "Forenames Keyname Suffix" from the structured parts.
    static func authorName(keyname: String, forenames: String, suffix: String = "") -> String {
        TextCleaner.clean([forenames, keyname, suffix].filter { !$0.isEmpty }.joined(separator: " "))
    }

    /// Space-separated categories (`cs.CL cs.LG`).
    static func splitCategories(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Cleans an optional free-text field, dropping it when empty.
    static func cleanedField(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = TextCleaner.clean(text)
        return cleaned.isEmpty ? nil : cleaned
    }
}

import Foundation
