/// A capitalised multi-word phrase of a title ("Iterative Deepening
/// Sampling"), kept as word hashes so abstract tokens compare to it directly.
struct TitleRun {
    var hashes: [UInt64]
    var range: Range<Int>
    var count: Int { hashes.count }

    /// The runs of two or more capitalised words, split at lower-case words and
    /// punctuation; runs that end in a generic head ("Large Language Models")
    /// are left out.
    static func runs(in title: FieldText) -> [TitleRun] {
        var out: [TitleRun] = []
        var current: [Token] = []
        func flush() {
            defer { current.removeAll() }
            guard current.count >= 2, let last = current.last, !Lexicon.genericHeads.contains(last.hash),
                  !Lexicon.functionWords.contains(current[0].hash) else { return }
            out.append(TitleRun(hashes: current.map(\.hash), range: current[0].start..<last.end))
        }
        for t in title.tokens {
            if t.kind == .word, t.firstUpper { current.append(t) } else { flush() }
        }
        flush()
        return out
    }
}
