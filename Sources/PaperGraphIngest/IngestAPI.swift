import PaperGraphModel

/// The input formats papergraph reads.
///
/// The raw values are the names `--from` accepts.
public enum InputFormat: String, CaseIterable, Sendable {
    /// The plain listing layout of the bundled sample: header lines, then
    /// title / blank line / one-paragraph abstract.
    case listing
    /// An arXiv API Atom feed.
    case atom
    /// OAI-PMH `ListRecords` pages from arXiv (`arXiv` or `arXivRaw` metadata).
    case oaipmh = "oai-pmh"
    /// The arXiv bulk metadata snapshot, one JSON object per line.
    case jsonl
    /// A saved listing page: arXiv `/list/…` or Hugging Face papers.
    case html
    /// GraphML as papergraph writes it, read back as graph fragments.
    case graphml
}

/// What a reader yields: a paper record to extract from, or (GraphML) a graph fragment.
public enum IngestItem: Sendable {
    case paper(PaperRecord)
    case graph(GraphFragment)
}

/// A malformed record that was skipped; the run goes on.
public struct IngestWarning: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var reason: String

    public init(location: SourceLocation, reason: String) {
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(location): \(reason)" }
}

/// An input that cannot be read at all (missing file, unknown format, …).
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}

/// Counts for the run summary.
///
/// `--strict` is "fail when ``skipped`` > 0": it counts every record *and*
/// every input that was dropped, so nothing is lost silently.
public struct IngestSummary: Sendable, Hashable {
    /// Files read (each file in a directory counts; `-` counts as one).
    public var files = 0
    /// Paper records handed to `onItem`.
    public var records = 0
    /// GraphML nodes and edges handed to `onItem` inside graph fragments.
    public var graphNodes = 0
    public var graphEdges = 0
    /// Records skipped as malformed plus inputs skipped (empty, unknown format, unreadable).
    public var skipped = 0
    /// The inputs among ``skipped``.
    public var skippedInputs = 0
    /// Records kept after repairing invalid UTF-8 with U+FFFD (each also warned about).
    public var repaired = 0
    /// Warnings reported through `onWarning`.
    public var warnings = 0
    /// Bytes read from the inputs (compressed size for gzip files).
    public var bytes = 0

    public init() {}
}

/// Options for reading inputs.
public struct IngestOptions: Sendable {
    /// Force a format instead of sniffing it from the content.
    public var format: InputFormat?
    /// Show a progress line on standard error (only when it is a terminal).
    public var progress: Bool

    public init(format: InputFormat? = nil, progress: Bool = false) {
        self.format = format
        self.progress = progress
    }
}
