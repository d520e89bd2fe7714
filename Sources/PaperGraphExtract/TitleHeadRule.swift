import PaperGraphModel

/// Titles whose head before the colon is a name of several words, or a name
/// the gazetteer already knows: "Faster R-CNN: Towards …", "Tree of Thoughts:
/// Deliberate Problem Solving …", "Rainbow: Combining Improvements …",
/// "Deformable DETR: …". ``titleRule()`` handles the one-word heads.
///
/// Known names count because a paper that introduces a method is exactly the
/// paper whose title opens with it; the gazetteer only knows the name because
/// the method became established later. Two guards keep descriptive heads out:
/// an unknown head needs a strongly name-shaped word (an acronym, CamelCase,
/// letters with digits), and a known head of two or more plain words must be a
/// named technique ("Monte Carlo Tree Search", "Tree of Thoughts"), not a
/// field ("Reinforcement Learning: …", "Knowledge Distillation: …").
extension PaperReader {
    /// Title words that mark a review of a topic rather than a contribution to it.
    static let overviewWords: Set<String> = [
        "survey", "review", "tutorial", "overview", "primer", "introduction", "perspective", "perspectives",
        "roadmap", "lessons", "challenges", "opportunities", "position",
    ]

    /// Most words a name at the head of a title has.
    static let maxTitleHeadWords = 5

    mutating func titleHeadRule() {
        let t = title.tokens
        guard let colon = t.prefix(Self.maxTitleHeadWords + 1).firstIndex(where: { $0.kind == .punct && $0.byte == 0x3A }),
              colon >= 1, colon < t.count - 1 else { return }
        let head = t[0..<colon]
        guard head.allSatisfy({ $0.kind == .word }) else { return }
        let text = title.slice(head.first!.start..<head.last!.end)
        guard isContributionName(text), !collector.contains(.proposes, text), !collector.contains(.introduces, text) else { return }
        if t.contains(where: { $0.kind == .word && Self.overviewWords.contains(title.string($0).lowercased()) }) { return }
        // Content words are capitalised; only short function words may be lower case ("Tree of Thoughts").
        let contentCapitalised = head.allSatisfy { $0.firstUpper || $0.digits > 0 || ($0.has(WordClass.functionWords) && $0.start != head.first!.start) }
        guard contentCapitalised else { return }
        // In Title Case every hyphenated compound is capitalised, so only the
        // shapes that mark names anywhere count (`sentenceInitial: true`).
        let strong = head.contains { NameShape.isStrong($0, sentenceInitial: true) }
        let known = knownKind(text)
        if known == nil {
            guard strong, head.count >= 2 else { return }
        } else {
            let words = head.filter { !$0.has(WordClass.functionWords) }.count
            let namedTechnique = strong || words == 1 || head.count > words || isProperName(text)
            guard namedTechnique else { return }
        }
        var data = known == .benchmark || Self.looksLikeBenchmarkName(text)
        if !data {
            data = t[(colon + 1)...].prefix(8).contains { $0.kind == .word && $0.has(WordClass.dataNouns) }
        }
        addContribution(NameSpan(name: text, range: head.first!.start..<head.last!.end, next: colon),
                        data: data, rule: "title-head", in: title)
    }

    /// Whether the gazetteer writes this name with capitals (a proper name such as
    /// "Monte Carlo Tree Search"), as opposed to a lower-case technique or field.
    private func isProperName(_ text: String) -> Bool {
        guard let hit = extractor.known[Fold.key(text)] else { return false }
        let canonical = (hit.kind == .benchmark ? extractor.benchmarkForms : extractor.methodForms)[hit.entry][0]
        return canonical.contains { $0.isUppercase }
    }
}
