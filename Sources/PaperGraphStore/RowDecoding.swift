import PaperGraphModel

/// Turning rows back into model values, reading SQLite's memory in place.
extension GraphStore {
    private static let kindNames: [(bytes: [UInt8], kind: NodeKind)] =
        NodeKind.allCases.map { (Array($0.rawValue.utf8), $0) }
    private static let relationNames: [(bytes: [UInt8], relation: Relation)] =
        Relation.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The node kind in a text column, matched on bytes so no string is built per row.
    static func kind(_ statement: Statement, column: Int32, path: String) throws(StoreError) -> NodeKind {
        let bytes = statement.blob(column)
        for entry in kindNames where entry.bytes.elementsEqual(bytes) { return entry.kind }
        throw .corrupt(path: path, reason: "unknown node kind '\(statement.text(column))'")
    }

    static func relation(_ statement: Statement, column: Int32, path: String) throws(StoreError) -> Relation {
        let bytes = statement.blob(column)
        for entry in relationNames where entry.bytes.elementsEqual(bytes) { return entry.relation }
        throw .corrupt(path: path, reason: "unknown relation '\(statement.text(column))'")
    }

    /// A node from columns (id, kind, key, name, props).
    static func node(_ statement: Statement, path: String) throws(StoreError) -> Node {
        let id = NodeID(kind: try kind(statement, column: 1, path: path), normalizedKey: statement.text(2))
        do {
            let properties = try PropertyCoding.decodeProperties(statement.blob(4))
            return Node(id: id, name: statement.text(3), properties: properties)
        } catch {
            throw .corrupt(path: path, reason: "undecodable properties of node \(id) (row \(statement.int64(0)))")
        }
    }

    static func evidence(_ statement: Statement, column: Int32, path: String,
                         edge: @autoclosure () -> String) throws(StoreError) -> [Evidence] {
        do {
            return try PropertyCoding.decodeEvidence(statement.blob(column))
        } catch {
            throw .corrupt(path: path, reason: "undecodable evidence of edge \(edge())")
        }
    }
}
