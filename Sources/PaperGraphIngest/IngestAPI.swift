import PaperGraphModel

/// The input formats papergraph reads.
public enum InputFormat: String, CaseIterable, Sendable {
    /// The plain listing layout of the bundled sample: header lines, then
    /// title / blank line / one-paragraph abstract.
    case listing
    case atom
    case oaipmh = "oai-pmh"
    case jsonl
    case html
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
public struct IngestSummary: Sendable, Hashable {
    public var files = 0
    public var records = 0
    public var skipped = 0
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
