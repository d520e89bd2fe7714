import PaperGraphModel

/// Field conventions the arXiv sources share: dates, author lists, categories.
enum ArxivFields {
    /// An ISO date `YYYY-MM-DD` from the forms arXiv writes: ISO timestamps
    /// (`2024-09-19T17:59:59Z`, `2024-09-19`) and RFC 822 dates in the snapshot's
    /// `versions` and arXivRaw (`Mon, 2 Apr 2007 19:18:42 GMT`). Nil when it is neither.
    ///
    /// Parsed on bytes: it runs once per snapshot line.
    static func isoDate(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { u -> String? in
            var i = 0
            while i < u.count && u[i] == 0x20 { i += 1 }
            func isDigit(_ k: Int) -> Bool { k < u.count && u[k] >= 0x30 && u[k] <= 0x39 }
            func number(_ range: Range<Int>) -> Int {
                range.reduce(0) { $0 * 10 + Int(u[$1] - 0x30) }
            }
            func format(_ year: Int, _ month: Int, _ day: Int) -> String {
                "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            }
            // ISO: YYYY-MM-DD…
            if (i..<(i + 4)).allSatisfy(isDigit), i + 9 < u.count, u[i + 4] == 0x2D, isDigit(i + 5), isDigit(i + 6),
               u[i + 7] == 0x2D, isDigit(i + 8), isDigit(i + 9) {
                let month = number((i + 5)..<(i + 7)), day = number((i + 8)..<(i + 10))
                guard (1...12).contains(month), (1...31).contains(day) else { return nil }
                return format(number(i..<(i + 4)), month, day)
            }
            // RFC 822: [Www, ]D Mmm YYYY …
            if let comma = u[i...].firstIndex(of: 0x2C) { i = comma + 1 }
            while i < u.count && u[i] == 0x20 { i += 1 }
            let dayStart = i
            while isDigit(i) { i += 1 }
            guard (1...2).contains(i - dayStart), i + 9 <= u.count, u[i] == 0x20 else { return nil }
            let day = number(dayStart..<i)
            let name = (u[i + 1] | 0x20, u[i + 2] | 0x20, u[i + 3] | 0x20)
            guard let month = months.firstIndex(where: { $0 == name }), u[i + 4] == 0x20,
                  ((i + 5)..<(i + 9)).allSatisfy(isDigit), (1...31).contains(day) else { return nil }
            return format(number((i + 5)..<(i + 9)), month + 1, day)
        }
    }

    /// Lower-case month abbreviations as byte triples.
    private static let months: [(UInt8, UInt8, UInt8)] = ["jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"].map {
        let b = Array($0.utf8)
        return (b[0], b[1], b[2])
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
        var name = forenames
        for part in [keyname, suffix] where !part.isEmpty {
            name += name.isEmpty ? part : " " + part
        }
        return TextCleaner.clean(name)
    }

    /// Space-separated categories (`cs.CL cs.LG`).
    static func splitCategories(_ text: String) -> [String] {
        text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Cleans an optional free-text field, dropping it when empty.
    static func cleanedField(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = TextCleaner.clean(text)
        return cleaned.isEmpty ? nil : cleaned
    }
}

import Foundation
