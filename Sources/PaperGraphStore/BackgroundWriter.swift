import Foundation
import PaperGraphModel

/// Writes fragments into a store on a thread of its own, so a build extracts the
/// next papers while SQLite writes the last ones: on two cores a build then takes
/// about the longer of extraction and writing rather than their sum.
///
/// The store is opened on the caller's thread (so a bad path fails at once) and
/// from then on used only by the writer thread; that hand-over, and the queue
/// guarded by one condition, are why this type may be `@unchecked Sendable`.
/// Writes keep every guarantee of ``GraphStore/write(_:batchSize:)``: one
/// continuous write, committed every `batchSize` fragments.
public final class BackgroundWriter: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var queue: [[EncodedFragment]] = []
    private var closed = false
    private var outcome: Result<WriteSummary, StoreError>?
    private let queueLimit: Int

    /// - Parameters:
    ///   - queueLimit: chunks that may wait before ``submit(_:)`` blocks, bounding memory.
    public init(path: String, batchSize: Int = 10_000, queueLimit: Int = 4) throws(StoreError) {
        self.queueLimit = max(1, queueLimit)
        nonisolated(unsafe) let store = try GraphStore(path: path, mode: .readWrite)
        let thread = Thread { [self] in
            let result: Result<WriteSummary, StoreError>
            do throws(StoreError) {
                result = .success(try store.write(encoded: Chunks(writer: self), batchSize: batchSize))
            } catch {
                result = .failure(error)
            }
            store.close()
            condition.lock()
            outcome = result
            queue.removeAll()
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "papergraph store writer"
        thread.start()
    }

    /// Queues fragments for writing, encoding them on the caller's thread; blocks while
    /// the queue is full.
    /// - Throws: the writer's error, if writing already failed (nothing more is written).
    public func submit(_ fragments: [GraphFragment]) throws(StoreError) {
        try submit(fragments.map(EncodedFragment.init))
    }

    /// Queues encoded fragments for writing; blocks while the queue is full. Encoding
    /// on the threads that assemble the fragments leaves the writer only SQLite's work.
    /// - Throws: the writer's error, if writing already failed (nothing more is written).
    public func submit(_ fragments: [EncodedFragment]) throws(StoreError) {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= queueLimit && outcome == nil { condition.wait() }
        if case .failure(let error) = outcome { throw error }
        precondition(!closed, "submit after finish")
        queue.append(fragments)
        condition.broadcast()
    }

    /// Waits until everything submitted is written and committed.
    public func finish() throws(StoreError) -> WriteSummary {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while outcome == nil { condition.wait() }
        return try outcome!.get()
    }

    /// The next chunk for the writer thread; nil once closed and drained.
    private func take() -> [EncodedFragment]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed { condition.wait() }
        if queue.isEmpty { return nil }
        let chunk = queue.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// The submitted fragments as one sequence, read on the writer thread.
    private struct Chunks: Sequence, IteratorProtocol {
        let writer: BackgroundWriter
        var current: [EncodedFragment] = []
        var position = 0

        init(writer: BackgroundWriter) { self.writer = writer }

        mutating func next() -> EncodedFragment? {
            while position == current.count {
                guard let chunk = writer.take() else { return nil }
                current = chunk
                position = 0
            }
            defer { position += 1 }
            return current[position]
        }
    }
}
