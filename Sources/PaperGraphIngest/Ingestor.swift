import PaperGraphModel

/// Reads inputs (files, directories, `-` for standard input, gzip-compressed or
/// not) in any supported format and streams what they hold to a callback.
///
/// Nothing is read whole: every format streams, so memory stays flat however
/// large the inputs (HTML pages, which are small, are the one exception).
/// Bad input never stops the run and never loses what was read: a malformed
/// record is skipped with an ``IngestWarning`` (`file:line: reason`) and counted
/// in ``IngestSummary/skipped``.
public struct Ingestor: Sendable {
    public var options: IngestOptions

    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Reads every input in order, calling `onItem` for each record and
    /// `onWarning` for each problem.
    ///
    /// - Inputs named explicitly that are missing, unreadable, or of unknown
    ///   format throw; files met inside a directory are instead skipped with a
    ///   warning, so one stray file does not stop a harvest.
    /// - Empty inputs, and inputs in which no record is found, are skipped with
    ///   a warning.
    /// - Invalid UTF-8 in a text record is replaced with U+FFFD and warned about
    ///   (counted in ``IngestSummary/repaired``); the record is kept. In XML,
    ///   libxml2 stops at invalid UTF-8: records before it are kept and the rest
    ///   of the file is reported skipped.
    /// - A truncated or corrupt gzip stream keeps every record decoded before
    ///   the damage and is warned about.
    /// - Throws: ``IngestError`` for inputs that cannot be read at all, or
    ///   whatever `onItem` throws (which stops the run).
    public func read(inputs: [String],
                     onItem: (IngestItem) throws -> Void,
                     onWarning: (IngestWarning) -> Void) throws -> IngestSummary {
        try withoutActuallyEscaping(onItem) { onItem in
            try withoutActuallyEscaping(onWarning) { onWarning in
                let run = IngestRun(onItem: onItem, onWarning: onWarning,
                                    progress: ProgressLine.make(enabled: options.progress))
                defer { run.finish() }
                for input in inputs {
                    for entry in try InputFiles.expand(input) {
                        try read(entry, into: run)
                    }
                }
                return run.summary
            }
        }
    }

    private func read(_ entry: InputFiles.Entry, into run: IngestRun) throws {
        let file: FileSource
        let named: Bool
        switch entry {
        case .standardInput:
            run.file = "<stdin>"
            file = FileSource(standardInput: ())
            named = true
        case .file(let path, let isNamed):
            run.file = path
            named = isNamed
            do {
                file = try FileSource(path: path)
            } catch {
                if named { throw IngestError(file: path, reason: "cannot be read: \(error)") }
                run.skipInput("cannot be read: \(error)")
                return
            }
        }
        run.summary.files += 1
        run.currentSource = file
        defer { run.finishFile() }
        do {
            try read(file, named: named, into: run)
        } catch let failure as ReadFailure {
            // An I/O error mid-file: what was read before it has been handed on.
            run.skipInput("\(failure); records before it were kept")
        }
    }

    /// Reads one input held in memory as if it were a file called `name`
    /// (sniffed or forced format, gzip or not), with the same warnings and
    /// summary as ``read(inputs:onItem:onWarning:)``.
    ///
    /// It exists for callers that have the bytes already: the fuzz harnesses
    /// feed every reader through it without touching the file system.
    public func read(bytes: [UInt8], name: String,
                     onItem: (IngestItem) throws -> Void,
                     onWarning: (IngestWarning) -> Void) throws -> IngestSummary {
        try withoutActuallyEscaping(onItem) { onItem in
            try withoutActuallyEscaping(onWarning) { onWarning in
                let run = IngestRun(onItem: onItem, onWarning: onWarning, progress: nil)
                defer { run.finish() }
                run.file = name
                run.summary.files = 1
                run.summary.bytes = bytes.count
                do {
                    try read(MemorySource(bytes), named: true, into: run)
                } catch let failure as ReadFailure {
                    run.skipInput("\(failure); records before it were kept")
                }
                return run.summary
            }
        }
    }

    private func read(_ file: ByteSource, named: Bool, into run: IngestRun) throws {
        let head = try PeekedSource.peek(2, from: file)
        var gzip: GzipSource?
        var source: ByteSource = head
        if GzipSource.hasMagic(head.peeked) {
            gzip = try GzipSource(head)
            source = gzip!
        }
        let window = try PeekedSource.peek(FormatSniffer.windowSize, from: source)
        let recordsBefore = run.summary.records
        defer {
            if let failure = gzip?.failure {
                run.warn(line: run.lastRecordLine,
                         "\(failure); the \(run.summary.records - recordsBefore) records read before it were kept")
            }
        }
        guard !window.peeked.isEmpty else {
            run.skipInput(gzip?.failure == nil ? "empty input" : "no data before the gzip stream ends")
            return
        }
        guard let format = options.format ?? FormatSniffer.sniff(window.peeked) else {
            let reason = "unknown format (not listing text, Atom, OAI-PMH, JSON Lines, HTML or GraphML); use --from"
            if named { throw IngestError(file: run.file, reason: reason) }
            run.skipInput(reason)
            return
        }
        switch format {
        case .listing: try ListingReader.read(window, into: run)
        case .jsonl: try JSONLReader.read(window, into: run)
        case .atom: try AtomReader.read(window, into: run)
        case .oaipmh: try OAIPMHReader.read(window, into: run)
        case .html: try HTMLListingReader.read(window, into: run)
        case .graphml: try GraphMLReader.read(window, into: run)
        }
    }
}
