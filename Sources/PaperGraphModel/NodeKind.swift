/// The four kinds of node in the typed graph.
///
/// The raw values are the public contract (GraphML `kind`, query labels, JSON),
/// so they must never change.
public enum NodeKind: String, CaseIterable, Codable, Sendable, Comparable {
    case paper = "Paper"
    case method = "Method"
    case benchmark = "Benchmark"
    case repository = "Repository"

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
