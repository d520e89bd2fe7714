extension PaperReader {
    /// A paper's repository is named after what it contributes:
    /// "github.com/google-research/vision_transformer" beside "Vision
    /// Transformer (ViT)". A method found as a use whose name (in any of its
    /// gazetteer forms) folds to the last path component of the paper's own
    /// repository or homepage is moved to the proposals.
    mutating func repositoryNameRule() {
        var repoKeys = Set<String>()
        for slot in [Collector.Slot.repositories, .homepages] {
            for m in collector.lists[slot.rawValue] {
                // Repository and homepage names are ASCII (see `URLScanner`): split on bytes.
                if let last = m.name.utf8.split(separator: 0x2F).last {
                    repoKeys.insert(Fold.key(String(decoding: last, as: UTF8.self)))
                }
            }
        }
        guard !repoKeys.isEmpty else { return }
        for m in collector.lists[Collector.Slot.uses.rawValue] {
            let key = Fold.key(m.name)
            var keys = [key]
            if let known = extractor.known[key], known.kind == .method { keys += extractor.methodKeys[known.entry] }
            guard keys.contains(where: repoKeys.contains) else { continue }
            collector.remove(.uses, folded: key)
            collector.add(.proposes, m.name, m.evidence)
        }
    }
}
