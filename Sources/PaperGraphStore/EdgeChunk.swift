import PaperGraphModel

/// Consecutive edge rows, their ends already mapped to graph indices and their
/// evidence still raw bytes, copied out of SQLite by the loader's reading thread
/// and decoded into edges on any thread (see ``ChunkDecoder``).
///
/// The evidence stays encoded: the chunk's bytes become the edges'
/// ``EncodedEvidence``, checked here and decoded only when an edge's evidence is
/// read. Decoding five million evidence arrays was a tenth of a 1M load's
/// CPU time, and their ~1 GB is more than the ~640 MB of bytes they come from.
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
        // A copy of the bytes, so the reader's buffer is freed for its next chunk: the
        // pages of new memory are then touched here, on the decoding threads, not by
        // the reader, whose stepping through SQLite is the load's longest path
        // (1M: 3.3 -> 3.1 s).
        let kept = [UInt8](unsafeUninitializedCapacity: evidence.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: evidence)
        }
        // Checked below before any edge could read it, so decoding cannot fail.
        let block = EncodedEvidence(bytes: kept, decoder: { (try? PropertyCoding.decodeEvidence($0)) ?? [] },
                                    counter: { (try? PropertyCoding.evidenceCount($0)) ?? 0 })
        let failed: StoreError? = evidence.withUnsafeBytes { buffer in
            for row in rows {
                do {
                    try PropertyCoding.validateEvidence(UnsafeRawBufferPointer(rebasing: buffer[row.evidence]))
                } catch {
                    return .corrupt(path: path, reason: "undecodable evidence of edge \(row.label.src) \(row.relation.rawValue) \(row.label.dst)")
                }
                output.append(Edge(from: Int(row.from), relation: row.relation, to: Int(row.to), evidence: row.evidence, of: block))
            }
            return nil
        }
        if let failed { throw failed }
    }
}
