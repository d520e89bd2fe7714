/// Where a record came from, for warnings (`file:line: reason`) and provenance.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// One paper as read from a source, before extraction.
///
/// `title` and `abstract` are cleaned (whitespace folded, HTML entities and TeX
/// markup resolved); `rawAbstract` keeps the text as the source wrote it.
public struct PaperRecord: Hashable, Sendable {
    /// Canonical arXiv id (no version) when the source gives one.
    public var arxivID: String?
    public var title: String
    public var abstract: String
    public var rawAbstract: String
    public var authors: [String]
    /// Publication date as ISO 8601 (`2024-09-19`) when known.
    public var published: String?
    /// The paper's landing page.
    public var url: String?
    /// The arXiv comment field (code URLs often sit there).
    public var comment: String?
    public var categories: [String]
    public var doi: String?
    public var journalRef: String?
    /// The source format's name (`listing`, `atom`, `oai-pmh`, `jsonl`, `html`, `graphml`).
    public var sourceFormat: String
    public var location: SourceLocation

    public init(arxivID: String? = nil, title: String, abstract: String, rawAbstract: String? = nil,
                authors: [String] = [], published: String? = nil, url: String? = nil,
                comment: String? = nil, categories: [String] = [], doi: String? = nil,
                journalRef: String? = nil, sourceFormat: String, location: SourceLocation) {
        self.arxivID = arxivID
        self.title = title
        self.abstract = abstract
        self.rawAbstract = rawAbstract ?? abstract
        self.authors = authors
        self.published = published
        self.url = url
        self.comment = comment
        self.categories = categories
        self.doi = doi
        self.journalRef = journalRef
        self.sourceFormat = sourceFormat
        self.location = location
    }

    /// The paper's node identity: the arXiv id when known, else the title slug.
    public var nodeID: NodeID {
        if let id = arxivID { return NodeID(kind: .paper, normalizedKey: id) }
        return NodeID(.paper, title)
    }

    /// The paper node with its properties.
    public var node: Node {
        var props: [String: PropertyValue] = ["title": .string(title), "abstract": .string(abstract),
                                              "source": .string(sourceFormat)]
        if !authors.isEmpty { props["authors"] = .strings(authors) }
        if let published { props["published"] = .string(published) }
        if let url { props["url"] = .string(url) } else if let id = arxivID {
            props["url"] = .string("https://arxiv.org/abs/\(id)")
        }
        if let arxivID { props["arxiv_id"] = .string(arxivID) }
        if !categories.isEmpty { props["categories"] = .strings(categories) }
        if let doi { props["doi"] = .string(doi) }
        if let comment { props["comment"] = .string(comment) }
        return Node(id: nodeID, name: title, properties: props)
    }
}
