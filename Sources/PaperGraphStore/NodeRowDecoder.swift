import Dispatch
import PaperGraphModel

/// Decodes node rows on a thread of its own while the loading thread goes on
/// stepping SQLite (and decodes the edges itself).
///
/// Why: a 1M-paper store holds 1.7 GB of node properties (the abstracts), and
/// building their dictionaries and strings was the single largest cost of a
/// load. An SQLite connection must stay on one thread, so the loader copies each
/// row's raw bytes into a chunk (a memcpy, far cheaper than decoding) and this
/// decoder turns chunks into nodes, in order, on the other core.
final class NodeRowDecoder: @unchecked Sendable {
    /// Raw bytes of consecutive node rows, as read from SQLite.
    struct Chunk: Sendable {
        var bytes: [UInt8] = []
        var rows: [(row: Int64, kind: NodeKind, key: Range<Int>, name: Range<Int>, props: Range<Int>)] = []

        mutating func append(row: Int64, kind: NodeKind, key: UnsafeRawBufferPointer, name: UnsafeRawBufferPointer,
                             props: UnsafeRawBufferPointer) {
            func add(_ part: UnsafeRawBufferPointer) -> Range<Int> {
                let start = bytes.count
                bytes.append(contentsOf: part)
                return start..<bytes.count
            }
            rows.append((row, kind, add(key), add(name), add(props)))
        }
    }

    private let path: String
    private let queue = DispatchQueue(label: "papergraph store node decoder")
    /// Chunks that may wait to be decoded, bounding the memory of raw copies.
    private let slots = DispatchSemaphore(value: 8)
    /// Touched only on `queue`, then read by ``finish()`` after it drained.
    private var nodes: [Node] = []
    private var failure: StoreError?

    init(path: String, expectedNodes: Int) {
        self.path = path
        nodes.reserveCapacity(expectedNodes)
    }

    /// Queues a chunk; blocks while eight are already waiting.
    func submit(_ chunk: Chunk) {
        guard !chunk.rows.isEmpty else { return }
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failure == nil else { return }
            do throws(StoreError) {
                try decode(chunk)
            } catch {
                failure = error
            }
        }
    }

    /// Every node submitted, in order, once all chunks are decoded.
    func finish() throws(StoreError) -> [Node] {
        let (nodes, failure) = queue.sync { (self.nodes, self.failure) }
        if let failure { throw failure }
        return nodes
    }

    private func decode(_ chunk: Chunk) throws(StoreError) {
        let failed: StoreError? = chunk.bytes.withUnsafeBytes { buffer in
            for row in chunk.rows {
                let id = NodeID(kind: row.kind, normalizedKey: String(decoding: buffer[row.key], as: UTF8.self))
                guard let properties = try? PropertyCoding.decodeProperties(UnsafeRawBufferPointer(rebasing: buffer[row.props])) else {
                    return .corrupt(path: path, reason: "undecodable properties of node \(id) (row \(row.row))")
                }
                nodes.append(Node(id: id, name: String(decoding: buffer[row.name], as: UTF8.self), properties: properties))
            }
            return nil
        }
        if let failed { throw failed }
    }
}
