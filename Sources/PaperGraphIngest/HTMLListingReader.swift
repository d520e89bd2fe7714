import CLibXML2
import Foundation
import PaperGraphModel

/// Reads saved listing pages with libxml2's forgiving HTML parser:
///
/// - arXiv `/list/…` pages: `<dl>` of `<dt>` (the `/abs/ID` link) and `<dd>`
///   (`div.list-title`, `div.list-authors`, `div.list-comments`,
///   `div.list-subjects`, and on "new" listings the abstract in `p.mathjax`);
/// - Hugging Face papers pages: the page's embedded `data-props` JSON of the
///   `DailyPapers` component (titles, abstracts, authors), or failing that the
///   `<article>` cards (`h3 > a[href^="/papers/"]`), which carry titles only.
///
/// Pages are small, so one page is parsed whole (up to ``maximumPageSize``).
/// Parsed with `HTML_PARSE_NONET`; nothing is fetched.
enum HTMLListingReader {
    static let maximumPageSize = 64 << 20

    static func read(_ source: ByteSource, into run: IngestRun) throws {
        let bytes = try source.readAll(limit: maximumPageSize)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue)
        xmlInitParser()
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), run.file, "UTF-8", options)
            }
        }
        guard let document else {
            run.skipInput("HTML could not be parsed")
            return
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            run.skipInput("HTML page has no content")
            return
        }
        let before = run.summary.records
        try readArxivList(root, into: run)
        if run.summary.records == before { try readHuggingFaceProps(root, into: run) }
        if run.summary.records == before { try readHuggingFaceCards(root, into: run) }
        if run.summary.records == before {
            run.skipInput("no papers found (neither an arXiv listing nor a Hugging Face papers page)")
        }
    }

    // MARK: arXiv /list pages

    private static func readArxivList(_ root: xmlNodePtr, into run: IngestRun) throws {
        var pending: (id: String?, line: Int)?
        try XMLTree.descendants(root) { element in
            switch XMLTree.name(element) {
            case "dt":
                var id: String?
                XMLTree.descendants(element) { link in
                    if id == nil, XMLTree.name(link) == "a", let href = XMLTree.attribute(link, "href"),
                       href.contains("/abs/") {
                        id = ArxivID.canonical(String(href[href.range(of: "/abs/")!.upperBound...]))
                    }
                }
                pending = (id, XMLTree.line(element))
            case "dd":
                if let entry = pending {
                    pending = nil
                    try readArxivItem(element, id: entry.id, line: entry.line, into: run)
                }
            default:
                break
            }
        }
    }

    private static func readArxivItem(_ dd: xmlNodePtr, id: String?, line: Int, into run: IngestRun) throws {
        var title = ""
        var authors: [String] = []
        var comment: String?
        var categories: [String] = []
        var abstract = ""
        let notDescriptor: (xmlNodePtr) -> Bool = { XMLTree.hasClass($0, "descriptor") }
        XMLTree.descendants(dd) { element in
            if XMLTree.hasClass(element, "list-title") {
                title = XMLTree.text(element, skip: notDescriptor)
            } else if XMLTree.hasClass(element, "list-authors") {
                XMLTree.descendants(element) { a in
                    if XMLTree.name(a) == "a" {
                        let name = TextCleaner.clean(XMLTree.text(a))
                        if !name.isEmpty { authors.append(name) }
                    }
                }
            } else if XMLTree.hasClass(element, "list-comments") {
                comment = XMLTree.text(element, skip: notDescriptor)
            } else if XMLTree.hasClass(element, "list-subjects") {
                categories = parenthesised(XMLTree.text(element, skip: notDescriptor))
            } else if XMLTree.name(element) == "p", XMLTree.hasClass(element, "mathjax") {
                abstract = XMLTree.text(element)
            }
        }
        let cleanTitle = TextCleaner.clean(title)
        guard !cleanTitle.isEmpty else {
            run.skip(line: line, "listing item has no title")
            return
        }
        try run.emit(PaperRecord(arxivID: id, title: cleanTitle, abstract: TextCleaner.clean(abstract),
                                 rawAbstract: abstract, authors: authors, comment: ArxivFields.cleanedField(comment),
                                 categories: categories, sourceFormat: InputFormat.html.rawValue,
                                 location: SourceLocation(file: run.file, line: line)))
    }

    /// Category codes from "Computation and Language (cs.CL); Machine Learning (cs.LG)".
    private static func parenthesised(_ text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            let code = rest[rest.index(after: open)..<close]
            if !code.isEmpty, !code.contains(" ") { out.append(String(code)) }
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    // MARK: Hugging Face papers pages

    /// The `data-props` JSON of the page's `DailyPapers` component:
    /// `{"dailyPapers": [{"paper": {"id", "title", "summary", "authors": [{"name"}], "publishedAt"}, …}]}`.
    private static func readHuggingFaceProps(_ root: xmlNodePtr, into run: IngestRun) throws {
        var found: (props: String, line: Int)?
        XMLTree.descendants(root) { element in
            if found == nil, XMLTree.attribute(element, "data-target") == "DailyPapers",
               let props = XMLTree.attribute(element, "data-props") {
                found = (props, XMLTree.line(element))
            }
        }
        guard let found else { return }
        guard let object = try? JSONSerialization.jsonObject(with: Data(found.props.utf8)) as? [String: Any],
              let items = object["dailyPapers"] as? [[String: Any]] else {
            run.skip(line: found.line, "DailyPapers data-props is not the expected JSON")
            return
        }
        for item in items {
            let paper = item["paper"] as? [String: Any] ?? item
            let title = TextCleaner.clean(paper["title"] as? String ?? item["title"] as? String ?? "")
            guard !title.isEmpty else {
                run.skip(line: found.line, "paper entry without a title in data-props")
                continue
            }
            let summary = paper["summary"] as? String ?? item["summary"] as? String ?? ""
            let authors = (paper["authors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            let id = (paper["id"] as? String).flatMap(ArxivID.canonical)
            try run.emit(PaperRecord(
                arxivID: id, title: title, abstract: TextCleaner.clean(summary), rawAbstract: summary,
                authors: authors.map(TextCleaner.clean),
                published: (paper["publishedAt"] as? String).flatMap(ArxivFields.isoDate),
                url: id.map { "https://huggingface.co/papers/\($0)" },
                sourceFormat: InputFormat.html.rawValue,
                location: SourceLocation(file: run.file, line: found.line)))
        }
    }

    /// Paper cards: `<article>` holding `<h3><a href="/papers/ID">Title</a></h3>`.
    private static func readHuggingFaceCards(_ root: xmlNodePtr, into run: IngestRun) throws {
        var cards: [(id: String?, title: String, line: Int)] = []
        XMLTree.descendants(root) { element in
            guard XMLTree.name(element) == "article" else { return }
            var card: (id: String?, title: String)?
            XMLTree.descendants(element) { heading in
                guard card == nil, XMLTree.name(heading) == "h3" else { return }
                XMLTree.descendants(heading) { a in
                    if card == nil, XMLTree.name(a) == "a", let href = XMLTree.attribute(a, "href"),
                       let range = href.range(of: "/papers/") {
                        card = (ArxivID.canonical(String(href[range.upperBound...])), XMLTree.text(a))
                    }
                }
            }
            if let card { cards.append((card.id, card.title, XMLTree.line(element))) }
        }
        for card in cards {
            let title = TextCleaner.clean(card.title)
            guard !title.isEmpty else {
                run.skip(line: card.line, "paper card without a title")
                continue
            }
            try run.emit(PaperRecord(arxivID: card.id, title: title, abstract: "",
                                     url: card.id.map { "https://huggingface.co/papers/\($0)" },
                                     sourceFormat: InputFormat.html.rawValue,
                                     location: SourceLocation(file: run.file, line: card.line)))
        }
    }
}
