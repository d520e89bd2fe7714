import CLibXML2
import PaperGraphModel

/// Reads OAI-PMH `ListRecords` responses from arXiv's endpoint, with
/// metadataPrefix `arXiv` (structured authors), `arXivRaw` (author string,
/// version history) or `oai_dc`.
///
/// A harvest is many resumption pages saved as files; each page is one input
/// (pass the directory). `resumptionToken` is ignored: the pages are already here.
/// Deleted records (`<header status="deleted">`) carry no metadata and are passed over.
enum OAIPMHReader {
    static let oaiNS = "http://www.openarchives.org/OAI/2.0/"
    static let arXivNS = "http://arxiv.org/OAI/arXiv/"
    static let arXivRawNS = "http://arxiv.org/OAI/arXivRaw/"
    static let oaiDCNS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
    static let dcNS = "http://purl.org/dc/elements/1.1/"

    static func read(_ source: ByteSource, into run: IngestRun) throws {
        let xml = try XMLStreamReader(source: source, file: run.file)
        try xml.forEachElement(where: { $0 == oaiNS && ($1 == "record" || $1 == "error") }) { node, name in
            if name == "error" {
                let code = XMLTree.attribute(node, "code") ?? "error"
                run.warn(line: XMLTree.line(node), "OAI-PMH \(code): \(TextCleaner.clean(XMLTree.text(node)))")
            } else {
                try readRecord(node, into: run)
            }
        }
        if let failure = xml.failure {
            run.skip(line: failure.line, "\(failure.message); records before it were kept")
        }
    }

    private static func readRecord(_ record: xmlNodePtr, into run: IngestRun) throws {
        let line = XMLTree.line(record)
        if let header = XMLTree.child(record, "header", namespace: oaiNS),
           XMLTree.attribute(header, "status") == "deleted" {
            return
        }
        guard let metadata = XMLTree.child(record, "metadata", namespace: oaiNS),
              let payload = XMLTree.elements(metadata).first else {
            run.skip(line: line, "record has no metadata")
            return
        }
        let fields: Fields
        switch XMLTree.namespace(payload) {
        case arXivNS: fields = arXiv(payload)
        case arXivRawNS: fields = arXivRaw(payload)
        case oaiDCNS: fields = dublinCore(payload)
        default:
            run.skip(line: line, "unsupported metadata format <\(XMLTree.name(payload))>")
            return
        }
        let title = TextCleaner.clean(fields.title)
        guard !title.isEmpty else {
            run.skip(line: line, "record has no title")
            return
        }
        try run.emit(PaperRecord(
            arxivID: fields.id.flatMap(ArxivID.canonical),
            title: title,
            abstract: TextCleaner.clean(fields.abstract),
            rawAbstract: fields.abstract,
            authors: fields.authors,
            published: fields.published.flatMap(ArxivFields.isoDate),
            comment: ArxivFields.cleanedField(fields.comment),
            categories: fields.categories,
            doi: ArxivFields.cleanedField(fields.doi),
            journalRef: ArxivFields.cleanedField(fields.journalRef),
            sourceFormat: InputFormat.oaipmh.rawValue,
            location: SourceLocation(file: run.file, line: line)))
    }

    /// What each metadata format yields, before cleaning.
    private struct Fields {
        var id: String?
        var title = ""
        var abstract = ""
        var authors: [String] = []
        var published: String?
        var comment: String?
        var categories: [String] = []
        var doi: String?
        var journalRef: String?
    }

    /// `<arXiv>`: id, created, authors/author (keyname, forenames, suffix), title,
    /// categories, comments, journal-ref, doi, abstract.
    private static func arXiv(_ node: xmlNodePtr) -> Fields {
        var f = Fields()
        for element in XMLTree.elements(node) {
            switch XMLTree.name(element) {
            case "id": f.id = XMLTree.text(element)
            case "created": f.published = XMLTree.text(element)
            case "title": f.title = XMLTree.text(element)
            case "abstract": f.abstract = XMLTree.text(element)
            case "comments": f.comment = XMLTree.text(element)
            case "categories": f.categories = ArxivFields.splitCategories(XMLTree.text(element))
            case "doi": f.doi = XMLTree.text(element)
            case "journal-ref": f.journalRef = XMLTree.text(element)
            case "authors":
                for author in XMLTree.elements(element) where XMLTree.name(author) == "author" {
                    func part(_ name: String) -> String { XMLTree.child(author, name).map { XMLTree.text($0) } ?? "" }
                    let name = ArxivFields.authorName(keyname: part("keyname"), forenames: part("forenames"),
                                                      suffix: part("suffix"))
                    if !name.isEmpty { f.authors.append(name) }
                }
            default: break
            }
        }
        return f
    }

    /// `<arXivRaw>`: id, submitter, version (date), title, authors (one string),
    /// categories, comments, journal-ref, doi, abstract.
    private static func arXivRaw(_ node: xmlNodePtr) -> Fields {
        var f = Fields()
        for element in XMLTree.elements(node) {
            switch XMLTree.name(element) {
            case "id": f.id = XMLTree.text(element)
            case "version":
                // The first version's date is the publication date.
                if f.published == nil, let date = XMLTree.child(element, "date") { f.published = XMLTree.text(date) }
            case "title": f.title = XMLTree.text(element)
            case "authors": f.authors = ArxivFields.splitAuthors(XMLTree.text(element))
            case "abstract": f.abstract = XMLTree.text(element)
            case "comments": f.comment = XMLTree.text(element)
            case "categories": f.categories = ArxivFields.splitCategories(XMLTree.text(element))
            case "doi": f.doi = XMLTree.text(element)
            case "journal-ref": f.journalRef = XMLTree.text(element)
            default: break
            }
        }
        return f
    }

    /// `<oai_dc:dc>`: dc:title, dc:creator ("Last, First"), dc:description,
    /// dc:identifier (the abs URL), dc:date.
    private static func dublinCore(_ node: xmlNodePtr) -> Fields {
        var f = Fields()
        for element in XMLTree.elements(node) where XMLTree.namespace(element) == dcNS {
            let text = XMLTree.text(element)
            switch XMLTree.name(element) {
            case "title": f.title = text
            case "description" where f.abstract.isEmpty: f.abstract = text
            case "creator":
                let parts = text.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                f.authors.append(TextCleaner.clean(parts.count == 2 ? "\(parts[1]) \(parts[0])" : text))
            case "identifier" where f.id == nil && ArxivID.canonical(text) != nil: f.id = text
            case "date" where f.published == nil: f.published = text
            default: break
            }
        }
        return f
    }
}

import Foundation
