import Dispatch
import PaperGraphExtract

extension Extractor {
    /// Extracts a batch of papers on `jobs` threads and returns `transform` of each
    /// result in input order, so output never depends on thread timing.
    ///
    /// Each worker takes one contiguous slice of the batch: no locks, no sharing,
    /// one write per result slot.
    public func extractAll<Result>(_ records: [PaperRecord], jobs: Int,
                                   _ transform: @Sendable (PaperRecord, Extraction) -> Result) -> [Result] {
        let workers = min(max(1, jobs), max(1, records.count / 32))
        var results = [Result?](repeating: nil, count: records.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = DisjointSlots(buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let lower = records.count * worker / workers, upper = records.count * (worker + 1) / workers
                for i in lower..<upper {
                    slots.buffer[i] = transform(records[i], extract(records[i]))
                }
            }
        }
        return results.map { $0! }
    }
}

/// Lets workers fill disjoint index ranges of one buffer; each slot is written by
/// exactly one worker and read only after all of them have finished.
private struct DisjointSlots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}

/// Extracts papers while the caller goes on reading: records are batched, and a
/// full batch is extracted on `jobs` threads in the background while the next
/// one fills. Results reach `consume` batch by batch, in input order.
///
/// Why: reading JSON Lines costs about a tenth of extracting, and with reading and
/// extraction taking turns one core idled during every read. Overlapping them lets
/// a build use both cores all the time. With `jobs == 1` everything runs on the
/// caller's thread, so "one core" really is one.
///
/// Use from one thread: ``add(_:)`` for each record, ``flush()`` at the end and
/// before anything that must follow the records read so far (e.g. a GraphML
/// fragment between two papers).
public final class PipelinedExtraction<Result>: @unchecked Sendable {
    private let extractor: Extractor
    private let jobs: Int
    private let batchSize: Int
    private let transform: @Sendable (PaperRecord, Extraction) -> Result
    private let consume: ([Result]) throws -> Void
    private let queue = DispatchQueue(label: "papergraph extraction")
    private var batch: [PaperRecord] = []
    /// The batch being extracted in the background, if any.
    private var running: Running?

    /// Results of one background batch; written by the queue before `done` is
    /// signalled and read by the caller only after waiting on it.
    private final class Running: @unchecked Sendable {
        var results: [Result] = []
        let done = DispatchSemaphore(value: 0)
    }

    public init(extractor: Extractor, jobs: Int, batchSize: Int = 4_096,
                transform: @escaping @Sendable (PaperRecord, Extraction) -> Result,
                consume: @escaping ([Result]) throws -> Void) {
        self.extractor = extractor
        self.jobs = max(1, jobs)
        self.batchSize = max(1, batchSize)
        self.transform = transform
        self.consume = consume
        batch.reserveCapacity(self.batchSize)
    }

    /// Queues one record; starts extracting when a batch is full.
    /// - Throws: whatever `consume` threw for an earlier batch.
    public func add(_ record: PaperRecord) throws {
        batch.append(record)
        if batch.count >= batchSize { try launch() }
    }

    /// Extracts and consumes every record added so far.
    public func flush() throws {
        if !batch.isEmpty { try launch() }
        try collect()
    }

    private func launch() throws {
        let records = batch
        batch = []
        batch.reserveCapacity(batchSize)
        if jobs == 1 {
            try consume(extractor.extractAll(records, jobs: 1, transform))
            return
        }
        // Only one batch runs at a time: wait for it, start the next, then hand the
        // finished one on (consuming may block on a busy store writer).
        let previous = running
        previous?.done.wait()
        let next = Running()
        let (extractor, jobs, transform) = (self.extractor, self.jobs, self.transform)
        queue.async {
            next.results = extractor.extractAll(records, jobs: jobs, transform)
            next.done.signal()
        }
        running = next
        if let previous { try consume(previous.results) }
    }

    private func collect() throws {
        guard let last = running else { return }
        running = nil
        last.done.wait()
        try consume(last.results)
    }
}
