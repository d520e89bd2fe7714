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
        let tokens = title.tokens
        // The current run is `tokens[start..<k]`: indices, not a copied array
        // of tokens emptied (and so reallocated) at every break.
        var start = 0
        for k in 0...tokens.count {
            if k < tokens.count, tokens[k].kind == .word, tokens[k].firstUpper { continue }
            if k - start >= 2, !Lexicon.genericHeads.contains(tokens[k - 1].hash),
               !Lexicon.functionWords.contains(tokens[start].hash) {
                out.append(TitleRun(hashes: tokens[start..<k].map(\.hash), range: tokens[start].start..<tokens[k - 1].end))
            }
            start = k + 1
        }
        return out
    }
}
