/// One node property's values numbered by equivalence (Cypher equivalence, as
/// DISTINCT compares: `1` and `1.0` are one value, and so are canonically equal
/// strings): two nodes have equal values exactly when they have the same class.
///
/// Filled in lazily, a node at a time, and kept by the engine's catalog, so
/// DISTINCT over a property hashes each node's value once per engine rather
/// than once per row, and compares numbers instead of strings.
struct PropertyClasses: Sendable {
    let key: String
    /// Per node, its class + 1; 0 where not looked up yet.
    private var classes: [Int32]
    private var numbering: [CypherValue: Int32] = [:]

    init(key: String, nodeCount: Int) {
        self.key = key
        classes = Array(repeating: 0, count: nodeCount)
    }

    /// The class + 1 of `node`'s value if looked up already, else 0; reads only.
    func known(_ node: Int) -> Int32 { classes[node] }

    /// The class of `node`'s value; classes are numbered from 0 in order of first appearance.
    mutating func of(_ node: Int, in catalog: GraphCatalog) -> Int {
        let known = classes[node]
        if known != 0 { return Int(known) - 1 }
        let value = catalog.nodeProperty(node, key)
        let number: Int32
        if let existing = numbering[value] {
            number = existing
        } else {
            number = Int32(numbering.count)
            numbering[value] = number
        }
        classes[node] = number + 1
        return Int(number)
    }
}
