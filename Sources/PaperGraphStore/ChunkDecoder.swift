import Foundation

/// Raw rows copied out of SQLite, to be decoded on any thread.
protocol RowChunk: Sendable {
    /// How many items decoding the chunk makes.
    var count: Int { get }
}

/// Chunks of raw rows waiting to be decoded, shared by the thread that reads the
/// store and the thread that asked for the load; the items decoded, put back in
/// row order.
///
/// Why: a 1M-paper store holds 1.7 GB of node properties and five million edges'
/// evidence, and building their strings, dictionaries and arrays is most of a
/// load. An SQLite connection must stay on one thread at a time, so the reading
/// thread copies each row's raw bytes into a chunk (a memcpy, far cheaper than
/// decoding) and any thread with nothing better to do decodes chunks: the loading
/// thread all along, the reading thread whenever it is ahead. Chunks may be
/// decoded out of order; ``finish()`` moves the items back into row order.
final class ChunkDecoder<Chunk: RowChunk, Item>: @unchecked Sendable {
    /// Decodes one chunk into `output`, which has room for `chunk.count` items.
    /// On a throw, the items already appended are discarded.
    typealias Decode = @Sendable (Chunk, inout Output) throws(StoreError) -> Void

    /// Room for one chunk's items, filled in order.
    struct Output {
        fileprivate let buffer: UnsafeMutableBufferPointer<Item>
        fileprivate var count = 0

        mutating func append(_ item: Item) {
            (buffer.baseAddress! + count).initialize(to: item)
            count += 1
        }
    }

    private let decode: Decode
    /// Guards every field below; waited on for chunks to decode and for the last one done.
    private let condition = NSCondition()
    /// Chunks waiting, oldest first, with their place in row order.
    private var waiting: [(sequence: Int, chunk: Chunk?)] = []
    private var nextWaiting = 0
    /// Decoded items per chunk, by place in row order; moved into one array by ``finish()``.
    private var decoded: [UnsafeMutableBufferPointer<Item>?] = []
    private var inFlight = 0
    private var inputClosed = false
    private var failure: StoreError?

    /// Chunks that may wait before the reading thread decodes one itself, bounding
    /// the memory of raw copies.
    private static var waitingLimit: Int { 6 }

    init(decode: @escaping Decode) {
        self.decode = decode
    }

    deinit {
        for case let buffer? in decoded {
            buffer.deinitialize()
            buffer.deallocate()
        }
    }

    /// True once a chunk failed to decode: the reader can stop early.
    var hasFailed: Bool {
        condition.withLock { failure != nil }
    }

    /// Queues a chunk (reading thread). When enough chunks already wait, the
    /// reader decodes the oldest itself rather than waiting for the decoder.
    func submit(_ chunk: Chunk) {
        guard chunk.count > 0 else { return }
        let overflow: (Int, Chunk)? = condition.withLock {
            waiting.append((waiting.count, chunk))
            decoded.append(nil)
            condition.signal()
            return waiting.count - nextWaiting > Self.waitingLimit ? take() : nil
        }
        if let (sequence, chunk) = overflow { run(chunk, sequence: sequence) }
    }

    /// No more chunks will be submitted.
    func closeInput() {
        condition.withLock {
            inputClosed = true
            condition.broadcast()
        }
    }

    /// Decodes waiting chunks until the input is closed and none is left (any thread).
    func decodeUntilDone() {
        while true {
            let next: (Int, Chunk)? = condition.withLock {
                while nextWaiting == waiting.count && !inputClosed && failure == nil { condition.wait() }
                return take()
            }
            guard let (sequence, chunk) = next else { return }
            run(chunk, sequence: sequence)
        }
    }

    /// Decodes whatever is waiting now, without waiting for more (any thread).
    func decodeWaiting() {
        while let (sequence, chunk) = condition.withLock({ take() }) {
            run(chunk, sequence: sequence)
        }
    }

    /// Every item decoded, in row order, once the input is closed and all chunks
    /// are decoded (blocks until then); the first decoding error otherwise.
    func finish() throws(StoreError) -> [Item] {
        condition.lock()
        while !(inputClosed && inFlight == 0 && (nextWaiting == waiting.count || failure != nil)) { condition.wait() }
        let failed = failure
        let parts = failed == nil ? decoded.map { $0! } : []
        if failed == nil { decoded = [] }
        condition.unlock()
        if let failed { throw failed }
        // The items are moved, not copied: no reference count is touched.
        let total = parts.reduce(0) { $0 + $1.count }
        return [Item](unsafeUninitializedCapacity: total) { buffer, count in
            for part in parts {
                (buffer.baseAddress! + count).moveInitialize(from: part.baseAddress!, count: part.count)
                count += part.count
                part.deallocate()
            }
        }
    }

    /// The oldest waiting chunk, counted in flight; call holding the lock.
    private func take() -> (Int, Chunk)? {
        guard nextWaiting < waiting.count, failure == nil, let chunk = waiting[nextWaiting].chunk else { return nil }
        let sequence = waiting[nextWaiting].sequence
        waiting[nextWaiting].chunk = nil
        nextWaiting += 1
        inFlight += 1
        return (sequence, chunk)
    }

    private func run(_ chunk: Chunk, sequence: Int) {
        var output = Output(buffer: .allocate(capacity: chunk.count))
        var failed: StoreError?
        do throws(StoreError) {
            try decode(chunk, &output)
            precondition(output.count == chunk.count, "a chunk of \(chunk.count) rows decoded to \(output.count) items")
        } catch {
            failed = error
        }
        condition.withLock {
            inFlight -= 1
            if let failed {
                output.buffer.baseAddress!.deinitialize(count: output.count)
                output.buffer.deallocate()
                if failure == nil { failure = failed }
            } else {
                decoded[sequence] = output.buffer
            }
            condition.broadcast()
        }
    }
}
