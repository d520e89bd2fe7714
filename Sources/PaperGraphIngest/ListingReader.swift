import PaperGraphModel

/// Reads the plain listing layout: header lines, then title line / blank line /
/// one-paragraph abstract, repeated.
enum ListingReader {
    static func parse(_ text: String, file: String) -> [PaperRecord] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        var records: [PaperRecord] = []
        var i = 0
        while i + 2 < lines.count {
            // A paper: a non-empty line, a blank line, then a long paragraph.
            if !lines[i].isEmpty, lines[i + 1].isEmpty, lines[i + 2].count > 200 {
                records.append(PaperRecord(title: lines[i], abstract: lines[i + 2], sourceFormat: "listing",
                                           location: SourceLocation(file: file, line: i + 1)))
                i += 3
            } else {
                i += 1
            }
        }
        return records
    }
}

import Foundation
