import PaperGraphModel

/// Named methods a paper compares against: "outperforms IQL, CQL and Cal-QL",
/// "compared with MPLight and CoLight", "improves over BLASTp and DeepEC".
/// The guideline counts compared methods as USES; only name-shaped words count
/// (so "outperforms strong baselines" adds nothing), and models, benchmarks
/// and the paper's own names are left out.
extension PaperReader {
    static let comparisonCues = Lexicon.set(WordClass.comparisonCues, ["outperforms", "outperform", "outperforming", "outperformed",
                                                     "surpasses", "surpass", "surpassing", "beats", "beating",
                                                     "against", "versus", "vs", "than"])
    /// Words that make "over X" a comparison.
    static let improvementWords = Lexicon.set(WordClass.improvementWords, ["improves", "improve", "improved", "improvement",
                                                       "improvements", "gain", "gains", "outperforms", "better",
                                                       "superior", "advantage", "advantages", "margin", "speedup"])
    /// Words between the cue and the names ("outperforms strong baselines such as X").
    static let fillers = Lexicon.set(WordClass.fillers, ["the", "strong", "state-of-the-art", "sota", "baselines", "baseline",
                                              "methods", "method", "approaches", "prior", "existing", "recent",
                                              "previous", "competitive", "such", "as", "including", "like",
                                              "both", "popular", "standard", "classical", "several", "many",
                                              "other", "leading", "algorithms", "models", "e.g", "e", "g",
                                              "and", "to", "with"])

    mutating func baselineRule(in f: FieldText, matches: [GazetteerMatcher.Match]) {
        let t = f.tokens
        for k in t.indices where t[k].kind == .word {
            let h = t[k].hash
            var cue = t[k].has(WordClass.comparisonCues)
            if !cue, h == Lexicon.compared, k + 1 < t.count, t[k + 1].hash == Lexicon.with || t[k + 1].hash == Lexicon.to { cue = true }
            if !cue, h == Lexicon.over, sentenceHas(WordClass.improvementWords, around: k, in: f) { cue = true }
            guard cue else { continue }
            var j = k + 1
            while j < t.count, j <= k + 6, t[j].sentence == t[k].sentence,
                  (t[j].kind == .word && t[j].upper == 0 && t[j].has(WordClass.fillers))
                    || (t[j].kind == .punct && (t[j].byte == 0x28 || t[j].byte == 0x2C || t[j].byte == 0x2E)) {
                j += 1
            }
            readBaselines(from: j, in: f, matches: matches)
        }
    }

    private mutating func readBaselines(from start: Int, in f: FieldText, matches: [GazetteerMatcher.Match]) {
        let t = f.tokens
        var j = start
        while j < t.count, t[j].sentence == t[start].sentence {
            guard t[j].kind == .word else { return }
            if let m = matches.first(where: { $0.start == t[j].start }) {
                // A known method in the list: the gazetteer reported it; read on.
                var e = j
                while e < t.count, t[e].end <= m.end { e += 1 }
                j = e
            } else {
                let initial = j == 0 || t[j - 1].sentence != t[j].sentence
                guard NameShape.isStrong(t[j], sentenceInitial: initial) else { return }
                let name = f.string(t[j])
                if knownKind(name) == nil, !NameShape.isModelName(name),
                   !collector.contains(.proposes, name), !collector.contains(.introduces, name),
                   !collector.contains(.evaluatesOn, name) {
                    collector.add(.uses, name, f.evidence("compared-baseline", t[j].start..<t[j].end))
                }
                j += 1
            }
            var separated = false
            while j < t.count, (t[j].kind == .punct && (t[j].byte == 0x2C || t[j].byte == 0x2F))
                    || (t[j].kind == .word && (t[j].hash == Lexicon.and || t[j].hash == Lexicon.or)) {
                separated = true
                j += 1
            }
            if !separated { return }
        }
    }

    private func sentenceHas(_ words: UInt64, around k: Int, in f: FieldText) -> Bool {
        let t = f.tokens
        let s = t[k].sentence
        var j = k
        while j > 0, t[j - 1].sentence == s { j -= 1 }
        while j < t.count, t[j].sentence == s {
            if t[j].kind == .word, t[j].has(words) { return true }
            j += 1
        }
        return false
    }
}
