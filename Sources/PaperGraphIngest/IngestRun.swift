import PaperGraphModel

/// The state of one ``Ingestor/read(inputs:onItem:onWarning:)`` call, shared by
/// the format readers: the caller's callbacks, the summary being counted, the
/// file being read and the progress line.
///
/// Readers report through it so that counting and the `file:line: reason`
/// shape of warnings live in one place.
final class IngestRun {
    private let onItem: (IngestItem) throws -> Void
    private let onWarning: (IngestWarning) -> Void
    private let progress: ProgressLine?
    var summary = IngestSummary()
    /// The name warnings carry for the input being read.
    var file = ""
    /// The file being read, whose byte count the progress line shows.
    var currentSource: FileSource?

    init(onItem: @escaping (IngestItem) throws -> Void, onWarning: @escaping (IngestWarning) -> Void,
         progress: ProgressLine?) {
        self.onItem = onItem
        self.onWarning = onWarning
        self.progress = progress
    }

    /// The line of the last record handed on, to place warnings about what followed it.
    private(set) var lastRecordLine = 1

    /// Hands a paper record to the caller.
    func emit(_ record: PaperRecord) throws {
        summary.records += 1
        lastRecordLine = record.location.line
        showProgress()
        try onItem(.paper(record))
    }

    /// Hands a graph fragment (read from GraphML) to the caller.
    func emit(_ fragment: GraphFragment) throws {
        summary.graphNodes += fragment.nodes.count
        summary.graphEdges += fragment.edges.count
        showProgress()
        try onItem(.graph(fragment))
    }

    /// A malformed record at `line` of the current file was skipped.
    func skip(line: Int, _ reason: String) {
        summary.skipped += 1
        warn(line: line, reason)
    }

    /// A whole input was skipped (empty, unknown format, unreadable).
    func skipInput(line: Int = 1, _ reason: String) {
        summary.skipped += 1
        summary.skippedInputs += 1
        warn(line: line, reason)
    }

    /// A problem that lost nothing (a repaired record, an early end after which
    /// the records read so far were kept).
    func warn(line: Int, _ reason: String) {
        summary.warnings += 1
        onWarning(IngestWarning(location: SourceLocation(file: file, line: line), reason: reason))
    }

    private func showProgress() {
        progress?.update(records: summary.records + summary.graphNodes,
                         bytes: summary.bytes + (currentSource?.bytesRead ?? 0))
    }

    /// Ends the current file: its bytes join the summary.
    func finishFile() {
        summary.bytes += currentSource?.bytesRead ?? 0
        currentSource = nil
        lastRecordLine = 1
    }

    func finish() { progress?.finish() }
}
