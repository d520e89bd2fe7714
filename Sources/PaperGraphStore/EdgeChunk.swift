import PaperGraphModel

/// Consecutive edge rows, their ends already mapped to graph indices and their
/// evidence still raw bytes, copied out of SQLite by the loader's reading thread
/// and decoded into edges on any thread (see ``ChunkDecoder``).
///
/// A chunk ends only where the source node changes, so the evidence sentences
/// one node's edges share are decoded once (``SentenceCache``).
struct EdgeChunk: RowChunk {
    var evidence: [UInt8] = []
    var rows: [(from: Int32, relation: Relation, to: Int32, evidence: Range<Int>, label: (src: Int64, dst: Int64))] = []

    var count: Int { rows.count }

    mutating func append(from: Int32, relation: Relation, to: Int32, evidence bytes: UnsafeRawBufferPointer,
                         rows label: (src: Int64, dst: Int64)) {
        let start = evidence.count
        evidence.append(contentsOf: bytes)
        rows.append((from, relation, to, start..<evidence.count, label))
    }

    /// The chunk's edges, in row order.
    func decode(path: String, into output: inout ChunkDecoder<EdgeChunk, Edge>.Output) throws(StoreError) {
        var sentences = SentenceCache()
        var source: Int32 = -1
        let failed: StoreError? = evidence.withUnsafeBytes { buffer in
            for row in rows {
                if row.from != source { sentences.reset(); source = row.from }
                guard let items = try? PropertyCoding.decodeEvidence(UnsafeRawBufferPointer(rebasing: buffer[row.evidence]),
                                                                     sentences: &sentences) else {
                    return .corrupt(path: path, reason: "undecodable evidence of edge \(row.label.src) \(row.relation.rawValue) \(row.label.dst)")
                }
                output.append(Edge(from: Int(row.from), relation: row.relation, to: Int(row.to), evidence: items))
            }
            return nil
        }
        if let failed { throw failed }
    }
}
