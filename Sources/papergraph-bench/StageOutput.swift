/// The `key=value` lines a stage process prints and the parent reads back — the
/// same convention as the Python peer, so both are parsed alike.
struct StageOutput {
    private(set) var values: [String: String] = [:]

    init() {}

    /// Parses `key=value` lines, ignoring anything else.
    init(parsing text: String) {
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            values[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
    }

    subscript(key: String) -> Double? { values[key].flatMap(Double.init) }

    mutating func set(_ key: String, _ value: Double) { values[key] = String(value) }

    /// Takes every value of `other`.
    mutating func merge(_ other: StageOutput) { values.merge(other.values) { _, new in new } }

    /// Prints the values, one `key=value` per line, for the parent process.
    func emit() {
        for key in values.keys.sorted() { print("\(key)=\(values[key]!)") }
    }
}
