import PaperGraphModel

/// Reads the arXiv bulk metadata snapshot (`arxiv-metadata-oai-snapshot.json`):
/// one JSON object per line with `id`, `submitter`, `authors`, `title`,
/// `comments`, `journal-ref`, `doi`, `categories`, `abstract`, `versions`,
/// `update_date`, `authors_parsed`.
///
/// Streams line by line through ``LineReader`` (constant memory whatever the
/// file size) and decodes each line with ``JSONScanner``. A broken line is
/// skipped with a warning naming its line; a line with invalid UTF-8 is kept,
/// repaired with U+FFFD, and warned about.
enum JSONLReader {
    static func read(_ source: ByteSource, into run: IngestRun) throws {
        let lines = LineReader(source)
        while let line = try lines.next() {
            guard case .text(let bytes) = line else {
                run.skip(line: lines.lineNumber, "line longer than the limit, skipped")
                continue
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            var scanner = JSONScanner(bytes)
            let record: PaperRecord
            do {
                guard let parsed = try parse(&scanner, file: run.file, line: lines.lineNumber) else {
                    run.skip(line: lines.lineNumber, "record has no title")
                    continue
                }
                record = parsed
            } catch let error as JSONScanner.SyntaxError {
                run.skip(line: lines.lineNumber, error.description)
                continue
            }
            if scanner.repairedUTF8 {
                run.summary.repaired += 1
                run.warn(line: lines.lineNumber, "invalid UTF-8 replaced with U+FFFD")
            }
            try run.emit(record)
        }
    }

    /// Parses one line; nil when it is a well-formed object without a title.
    static func parse(_ scanner: inout JSONScanner, file: String, line: Int) throws -> PaperRecord? {
        guard scanner.peek() == UInt8(ascii: "{") else { throw scanner.error("a line must hold one JSON object") }
        var id: String?
        var title: String?
        var abstract: String?
        var authorsText: String?
        var authorsParsed: [String] = []
        var comments: String?
        var journalRef: String?
        var doi: String?
        var categories: String?
        var firstVersionDate: String?
        var updateDate: String?

        try scanner.forEachMemberKey { s, key in
            if key.is("id") { id = try s.stringOrNumber() }
            else if key.is("title") { title = try s.stringOrNull() }
            else if key.is("abstract") { abstract = try s.stringOrNull() }
            else if key.is("authors") { authorsText = try s.stringOrNull() }
            else if key.is("comments") { comments = try s.stringOrNull() }
            else if key.is("journal-ref") { journalRef = try s.stringOrNull() }
            else if key.is("doi") { doi = try s.stringOrNull() }
            else if key.is("categories") { categories = try s.stringOrNull() }
            else if key.is("update_date") { updateDate = try s.stringOrNull() }
            else if key.is("versions") {
                guard s.peek() == UInt8(ascii: "[") else { try s.skipValue(); return }
                try s.forEachElement { s in
                    guard s.peek() == UInt8(ascii: "{") else { try s.skipValue(); return }
                    try s.forEachMemberKey { s, key in
                        if key.is("created"), firstVersionDate == nil {
                            firstVersionDate = try s.stringOrNull()
                        } else {
                            try s.skipValue()
                        }
                    }
                }
            } else if key.is("authors_parsed") {
                guard s.peek() == UInt8(ascii: "[") else { try s.skipValue(); return }
                // Room for a paper's usual few authors: growing from one doubles three times.
                authorsParsed.reserveCapacity(8)
                try s.forEachElement { s in
                    // The first three parts (key name, forenames, suffix) in
                    // locals: an array of parts per author grew three times.
                    var parts: (String, String, String) = ("", "", "")
                    var count = 0
                    try s.forEachElement { s in
                        let part = try s.stringOrNull() ?? ""
                        switch count {
                        case 0: parts.0 = part
                        case 1: parts.1 = part
                        case 2: parts.2 = part
                        default: break
                        }
                        count += 1
                    }
                    if count > 0 {
                        let name = ArxivFields.authorName(keyname: parts.0, forenames: parts.1, suffix: parts.2)
                        if !name.isEmpty { authorsParsed.append(name) }
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        guard scanner.peek() == nil else { throw scanner.error("text after the object") }

        let cleanTitle = TextCleaner.clean(title ?? "")
        guard !cleanTitle.isEmpty else { return nil }
        let raw = abstract ?? ""
        return PaperRecord(
            // Snapshot ids are already canonical; only other spellings need the full parse.
            arxivID: id.flatMap { ArxivID.isArxivID($0) ? $0 : ArxivID.canonical($0) },
            title: cleanTitle,
            abstract: TextCleaner.clean(raw),
            rawAbstract: raw,
            authors: authorsParsed.isEmpty ? authorsText.map(ArxivFields.splitAuthors) ?? [] : authorsParsed,
            published: firstVersionDate.flatMap(ArxivFields.isoDate) ?? updateDate.flatMap(ArxivFields.isoDate),
            comment: ArxivFields.cleanedField(comments),
            categories: categories.map(ArxivFields.splitCategories) ?? [],
            doi: ArxivFields.cleanedField(doi),
            journalRef: ArxivFields.cleanedField(journalRef),
            sourceFormat: InputFormat.jsonl.rawValue,
            location: SourceLocation(file: file, line: line))
    }
}
