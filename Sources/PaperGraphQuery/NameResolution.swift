import PaperGraphModel

/// Finding nodes by the names people type on the command line, with the
/// model's rules (``KnowledgeGraph/resolve(_:kinds:)``) and, when nothing
/// matches, a "did you mean" suggestion.
enum NameResolution {
    /// The nodes `name` refers to, or an error that suggests the nearest name of those kinds.
    static func require(_ name: String, in graph: KnowledgeGraph, kinds: [NodeKind]) throws -> [Int] {
        let hits = graph.resolve(name, kinds: kinds)
        guard hits.isEmpty else { return hits }
        let candidates = kinds.filter { $0 != .paper }.flatMap { graph.nodeIndices(of: $0).map { graph.nodes[$0].name } }
        let what = kinds.count == 1 ? kinds[0].rawValue.lowercased() : "node"
        throw QueryError(.semantic, "no \(what) named '\(name)' in the graph" + Suggest.hint(name, among: candidates))
    }
}
