import PaperGraphModel

/// Reads the plain listing layout (the text of a "Daily Papers" page, as in the
/// bundled `daily-papers.txt`): header lines, then for each paper a title line,
/// a blank line and a one-paragraph abstract.
///
/// Streams paragraph by paragraph. A paragraph longer than
/// ``minimumAbstractLength`` that follows a short one is an abstract and its
/// title; short paragraphs that are not followed by an abstract are page chrome
/// ("Daily Papers", "Jul 30") and are passed over. Invalid UTF-8 is repaired
/// with U+FFFD and warned about, never dropped.
enum ListingReader {
    /// Abstracts are long; page chrome and titles are not.
    static let minimumAbstractLength = 200
    /// Longer than any real title: such a paragraph is not taken as one.
    static let maximumTitleLength = 400

    private struct Paragraph {
        var text: String
        var line: Int
        var repaired: Bool
    }

    static func read(_ source: ByteSource, into run: IngestRun) throws {
        let lines = LineReader(source)
        var title: Paragraph?
        var current: Paragraph?
        var found = 0

        func close() throws {
            guard let paragraph = current else { return }
            current = nil
            if paragraph.text.utf8.count >= minimumAbstractLength, let heading = title {
                title = nil
                // A listing is text copied from a rendered page, not TeX: only
                // whitespace is folded, so page debris such as `teal{Tool-use}` or
                // `{https://…}` stays as written instead of being "resolved".
                let cleanTitle = TextCleaner.foldSpaces(heading.text)
                let record = PaperRecord(title: cleanTitle, abstract: TextCleaner.foldSpaces(paragraph.text),
                                         rawAbstract: paragraph.text, sourceFormat: InputFormat.listing.rawValue,
                                         location: SourceLocation(file: run.file, line: heading.line))
                if heading.repaired || paragraph.repaired {
                    run.summary.repaired += 1
                    run.warn(line: heading.line, "invalid UTF-8 replaced with U+FFFD")
                }
                found += 1
                try run.emit(record)
            } else {
                title = paragraph.text.utf8.count <= maximumTitleLength ? paragraph : nil
            }
        }

        while let line = try lines.next() {
            guard case .text(let bytes) = line else {
                run.skip(line: lines.lineNumber, "line longer than the limit, skipped")
                current = nil
                continue
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                try close()
                continue
            }
            let (text, repaired) = UTF8Decoding.decode(bytes)
            if current == nil {
                current = Paragraph(text: text, line: lines.lineNumber, repaired: repaired)
            } else {
                current!.text += "\n" + text
                current!.repaired = current!.repaired || repaired
            }
        }
        try close()
        if found == 0 {
            run.skipInput("no papers found (expected title, blank line, abstract paragraph)")
        }
    }
}
