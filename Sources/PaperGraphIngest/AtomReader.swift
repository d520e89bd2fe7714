import CLibXML2
import PaperGraphModel

/// Reads arXiv API Atom feeds: both the older style (namespaces declared on
/// each `arxiv:*` element, http ids) and the current one (namespaces on the root).
///
/// Each `<entry>` is expanded on its own while the feed streams past, so a feed
/// of any length is read in bounded memory.
enum AtomReader {
    static let atomNS = "http://www.w3.org/2005/Atom"
    static let arxivNS = "http://arxiv.org/schemas/atom"

    static func read(_ source: ByteSource, into run: IngestRun) throws {
        let xml = try XMLStreamReader(source: source, file: run.file)
        try xml.forEachElement(where: { $0 == atomNS && $1 == "entry" }) { entry, _ in
            try readEntry(entry, into: run)
        }
        if let failure = xml.failure {
            run.skip(line: failure.line, "\(failure.message); records before it were kept")
        }
    }

    private static func readEntry(_ entry: xmlNodePtr, into run: IngestRun) throws {
        let line = XMLTree.line(entry)
        var id: String?
        var title = ""
        var summary = ""
        var published: String?
        var updated: String?
        var authors: [String] = []
        var url: String?
        var primary: String?
        var categories: [String] = []
        var comment: String?
        var doi: String?
        var journalRef: String?

        for element in XMLTree.elements(entry) {
            let ns = XMLTree.namespace(element)
            switch (ns, XMLTree.name(element)) {
            case (atomNS, "id"): id = XMLTree.text(element)
            case (atomNS, "title"): title = XMLTree.text(element)
            case (atomNS, "summary"): summary = XMLTree.text(element)
            case (atomNS, "published"): published = XMLTree.text(element)
            case (atomNS, "updated"): updated = XMLTree.text(element)
            case (atomNS, "author"):
                if let name = XMLTree.child(element, "name", namespace: atomNS) {
                    let cleaned = TextCleaner.clean(XMLTree.text(name))
                    if !cleaned.isEmpty { authors.append(cleaned) }
                }
            case (atomNS, "link"):
                if XMLTree.attribute(element, "rel") == "alternate" { url = XMLTree.attribute(element, "href") }
            case (atomNS, "category"):
                if let term = XMLTree.attribute(element, "term"), !categories.contains(term) { categories.append(term) }
            case (arxivNS, "primary_category"): primary = XMLTree.attribute(element, "term")
            case (arxivNS, "comment"): comment = XMLTree.text(element)
            case (arxivNS, "doi"): doi = XMLTree.text(element)
            case (arxivNS, "journal_ref"): journalRef = XMLTree.text(element)
            default: break
            }
        }
        // The API reports a bad query as a feed with one entry titled "Error".
        if let id, id.contains("/api/errors") {
            run.skip(line: line, "the arXiv API returned an error: \(TextCleaner.clean(summary))")
            return
        }
        let cleanTitle = TextCleaner.clean(title)
        guard !cleanTitle.isEmpty else {
            run.skip(line: line, "entry has no title")
            return
        }
        // The primary category leads, as in the snapshot's `categories`.
        if let primary {
            categories.removeAll { $0 == primary }
            categories.insert(primary, at: 0)
        }
        let arxivID = id.flatMap(ArxivID.canonical)
        try run.emit(PaperRecord(
            arxivID: arxivID,
            title: cleanTitle,
            abstract: TextCleaner.clean(summary),
            rawAbstract: summary,
            authors: authors,
            published: (published ?? updated).flatMap(ArxivFields.isoDate),
            url: arxivID.map { "https://arxiv.org/abs/\($0)" } ?? url,
            comment: ArxivFields.cleanedField(comment),
            categories: categories,
            doi: ArxivFields.cleanedField(doi),
            journalRef: ArxivFields.cleanedField(journalRef),
            sourceFormat: InputFormat.atom.rawValue,
            location: SourceLocation(file: run.file, line: line)))
    }
}
