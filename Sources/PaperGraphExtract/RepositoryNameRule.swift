extension PaperReader {
    /// A paper's repository is named after what it contributes:
    /// "github.com/google-research/vision_transformer" beside "Vision
    /// Transformer (ViT)". A method found as a use whose name (in any of its
    /// gazetteer forms) folds to the last path component of the paper's own
    /// repository or homepage is moved to the proposals.
    mutating func repositoryNameRule() {
        let uses = collector.lists[Collector.Slot.uses.rawValue]
        guard !uses.isEmpty else { return }
        var repoKeys = SmallSet<String>()
        for m in collector.lists[Collector.Slot.repositories.rawValue] {
            if let part = Self.lastPathPart(m.name) { repoKeys.insert(Fold.key(part)) }
        }
        for m in collector.lists[Collector.Slot.homepages.rawValue] {
            if let part = Self.lastPathPart(m.name) { repoKeys.insert(Fold.key(part)) }
        }
        guard !repoKeys.isEmpty else { return }
        for m in uses {
            let key = Fold.key(m.name)
            var named = repoKeys.contains(key)
            if !named, let known = extractor.known[key], known.kind == .method {
                named = extractor.methodKeys[known.entry].contains(where: repoKeys.contains)
            }
            guard named else { continue }
            collector.remove(.uses, folded: key)
            collector.add(.proposes, m.name, m.evidence)
        }
    }

    /// The last non-empty `/`-separated part of a link (`orbitzero` in
    /// `github.com/oxford-cs/orbitzero/`), nil when there is none. Repository
    /// and homepage names are ASCII (see `URLScanner`), so their bytes are
    /// split, not their characters.
    static func lastPathPart(_ name: String) -> String? {
        let utf8 = name.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x2F { end = utf8.index(before: end) }
        var start = end
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != 0x2F { start = utf8.index(before: start) }
        return start == end ? nil : String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
