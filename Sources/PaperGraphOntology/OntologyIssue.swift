import PaperGraphModel

/// A problem found in the ontology files, naming file, place, entry and problem.
public struct OntologyIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    public var line: Int?
    /// The entry concerned (a benchmark or method name, a relation), if any.
    public var entry: String?
    public var problem: String

    public init(_ severity: Severity, file: String, line: Int?, entry: String?, _ problem: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.entry = entry
        self.problem = problem
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        let what = entry.map { " '\($0)'" } ?? ""
        return "\(place): \(severity.rawValue):\(what) \(problem)"
    }
}

/// Loading failed: the ontology has errors (warnings alone never fail a load).
public struct OntologyError: Error, Sendable, CustomStringConvertible {
    public var issues: [OntologyIssue]
    public var description: String {
        issues.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
    }
}
