import PaperGraphModel

/// Benchmarks written with a release number: each release is its own benchmark
/// ("A benchmark family and a named subset are two benchmarks", GUIDELINE.md).
extension PaperReader {
    /// The release number a benchmark mention ends with ("2012" in "PASCAL VOC
    /// 2012", "24" in "AIME24"), or "" when it has none. Two mentions of one
    /// gazetteer entry with different numbers are two benchmarks.
    func releaseNumber(of m: GazetteerMatcher.Match, in field: FieldText) -> String {
        var i = m.end
        while i > m.start, field.bytes[i - 1] >= 0x30, field.bytes[i - 1] <= 0x39 { i -= 1 }
        return i == m.end ? "" : field.slice(i..<m.end)
    }

    /// "PASCAL VOC 2007, 2012, and MS COCO", "AIME 2024 and 2025": a list of bare
    /// numbers after a numbered benchmark names the same family's other releases.
    /// Each expansion counts only when it is itself a benchmark the gazetteer
    /// knows, so a list of scores or sizes never becomes a benchmark.
    mutating func versionListRule(matches: [GazetteerMatcher.Match], in field: FieldText) {
        let tokens = field.tokens
        for m in matches where m.kind == .benchmark {
            let number = releaseNumber(of: m, in: field)
            guard !number.isEmpty, let last = tokens.firstIndex(where: { $0.end == m.end }) else { continue }
            let stem = field.slice(m.start..<(m.end - number.utf8.count))
            var k = last + 1
            while k < tokens.count {
                // Separators: ",", "and", ", and", "or".
                var j = k
                while j < tokens.count, (tokens[j].kind == .punct && tokens[j].byte == 0x2C)
                        || (tokens[j].kind == .word && ["and", "or"].contains(field.string(tokens[j]))) { j += 1 }
                guard j > k, j < tokens.count, tokens[j].kind == .word, tokens[j].letters == 0,
                      tokens[j].digits == number.utf8.count else { break }
                let candidate = stem + field.string(tokens[j])
                guard knownKind(candidate) == .benchmark else { break }
                if !collector.contains(.evaluatesOn, candidate), !collector.contains(.introduces, candidate) {
                    collector.add(.evaluatesOn, candidate, field.evidence("version-list", tokens[j].start..<tokens[j].end))
                }
                k = j + 1
            }
        }
    }
}
