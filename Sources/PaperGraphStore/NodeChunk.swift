import PaperGraphModel

/// Raw bytes of consecutive node rows, copied out of SQLite by the loader's
/// reading thread and decoded into nodes on any thread (see ``ChunkDecoder``).
struct NodeChunk: RowChunk {
    var bytes: [UInt8] = []
    var rows: [(row: Int64, kind: NodeKind, key: Range<Int>, name: Range<Int>, props: Range<Int>)] = []

    var count: Int { rows.count }

    mutating func append(row: Int64, kind: NodeKind, key: UnsafeRawBufferPointer, name: UnsafeRawBufferPointer,
                         props: UnsafeRawBufferPointer) {
        func add(_ part: UnsafeRawBufferPointer) -> Range<Int> {
            let start = bytes.count
            bytes.append(contentsOf: part)
            return start..<bytes.count
        }
        rows.append((row, kind, add(key), add(name), add(props)))
    }

    /// The chunk's nodes, in row order.
    func decode(path: String, into output: inout ChunkDecoder<NodeChunk, Node>.Output) throws(StoreError) {
        let failed: StoreError? = bytes.withUnsafeBytes { buffer in
            for row in rows {
                let id = NodeID(kind: row.kind, normalizedKey: String(decoding: buffer[row.key], as: UTF8.self))
                guard let properties = try? PropertyCoding.decodeProperties(UnsafeRawBufferPointer(rebasing: buffer[row.props])) else {
                    return .corrupt(path: path, reason: "undecodable properties of node \(id) (row \(row.row))")
                }
                let name = Self.name(UnsafeRawBufferPointer(rebasing: buffer[row.name]), sharing: properties["title"])
                output.append(Node(id: id, name: name, properties: properties))
            }
            return nil
        }
        if let failed { throw failed }
    }

    /// A node's name, sharing the title's string when they are the same text (a
    /// paper's name is its title): one allocation and copy fewer per paper.
    private static func name(_ bytes: UnsafeRawBufferPointer, sharing title: PropertyValue?) -> String {
        if case .string(let title)? = title, title.utf8.count == bytes.count,
           title.utf8.withContiguousStorageIfAvailable({ $0.elementsEqual(bytes) }) == true {
            return title
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
