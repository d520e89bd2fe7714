import Foundation
import Dispatch
import PaperGraphExtract

extension Extractor {
    /// Extracts a batch of papers on `jobs` threads and returns `transform` of each
    /// result in input order, so output never depends on thread timing.
    public func extractAll<Result>(_ records: [PaperRecord], jobs: Int,
                                   _ transform: @escaping @Sendable (PaperRecord, Extraction) -> Result) -> [Result] {
        guard jobs > 1, records.count >= 64 else { return records.map { transform($0, extract($0)) } }
        var results: [Result] = []
        results.reserveCapacity(records.count)
        let pipeline = PipelinedExtraction(extractor: self, jobs: jobs, batchSize: records.count,
                                           transform: transform, consume: { results += $0 })
        // `consume` above cannot throw, so neither can the pipeline.
        for record in records { try! pipeline.add(record) }
        try! pipeline.flush()
        return results
    }
}

/// Extracts papers while the caller goes on reading: records are batched, and a
/// full batch is extracted on `jobs` threads in the background while the next
/// one fills. Results reach `consume` batch by batch, in input order.
///
/// Why: reading JSON Lines costs about a tenth of extracting, and with reading and
/// extraction taking turns one core idled during every read. Overlapping them lets
/// a build use both cores all the time. A batch gets `jobs - 1` threads of its
/// own, and the caller's thread joins them once it has read the next batch: so
/// `jobs` threads run at any moment, never more (two extraction threads beside
/// the reader oversubscribed two cores). With `jobs == 1` everything runs on the
/// caller's thread, so "one core" really is one.
///
/// Use from one thread: ``add(_:)`` for each record, ``flush()`` at the end and
/// before anything that must follow the records read so far (e.g. a GraphML
/// fragment between two papers).
public final class PipelinedExtraction<Result>: @unchecked Sendable {
    private let extractor: Extractor
    private let jobs: Int
    private let batchSize: Int
    /// The size the batch being filled launches at: small at first, doubling up
    /// to `batchSize`, since nothing is extracted while the first batch is read
    /// (a 4,096-paper first batch idled one of two cores for ~15 ms, 7 % of 10k papers).
    private var launchSize: Int
    private let transform: @Sendable (PaperRecord, Extraction) -> Result
    private let consume: ([Result]) throws -> Void
    private var batch: [PaperRecord] = []
    /// The batch being extracted in the background, if any.
    private var running: Running?
    /// Stack of an extraction thread (the main thread's size; Foundation's default is smaller).
    private static var workerStack: Int { 8 << 20 }

    /// One batch being extracted by several threads, each writing its own slots
    /// of one buffer; read only after every thread is done.
    ///
    /// Threads take chunks of ``chunk`` records from a shared cursor rather than
    /// one fixed slice each, so they all finish within a chunk of each other
    /// whatever else shares their cores.
    ///
    /// Why threads and not Dispatch: on Linux, `concurrentPerform` on a background
    /// queue, and slices queued on the global queue alike, measured no faster with two
    /// jobs than with one (CPU time equal to wall time). A thread per job costs tens
    /// of microseconds per 4,096-paper batch.
    private final class Running: @unchecked Sendable {
        let records: [PaperRecord]
        let extractor: Extractor
        let transform: @Sendable (PaperRecord, Extraction) -> Result
        /// Entered by each background thread; the caller's thread helps without it.
        let group = DispatchGroup()
        let slots: UnsafeMutableBufferPointer<Result?>
        /// Records per claim: small enough to balance the threads' ends, large
        /// enough that the lock is never contended for long.
        static var chunk: Int { 16 }
        private let lock = NSLock()
        private var cursor = 0

        init(records: [PaperRecord], extractor: Extractor, transform: @escaping @Sendable (PaperRecord, Extraction) -> Result) {
            self.records = records
            self.extractor = extractor
            self.transform = transform
            slots = .allocate(capacity: records.count)
            slots.initialize(repeating: nil)
        }

        /// Runs once no thread holds the batch any more, so every slot is written.
        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        /// The next chunk of record indices to extract, or nil when all are taken.
        private func claim() -> Range<Int>? {
            lock.lock()
            defer { lock.unlock() }
            guard cursor < slots.count else { return nil }
            let lower = cursor
            cursor = min(slots.count, lower + Self.chunk)
            return lower..<cursor
        }

        /// Extracts chunks until none is left to take.
        func work() {
            while let chunk = claim() {
                for i in chunk { slots[i] = transform(records[i], extractor.extract(records[i])) }
            }
        }

        /// Starts `threads` background threads on the batch.
        func start(threads: Int, stackSize: Int) {
            for _ in 0..<threads {
                group.enter()
                let worker = Thread { [self] in
                    work()
                    group.leave()
                }
                worker.stackSize = stackSize
                worker.start()
            }
        }

        /// Helps extract what is left, waits for the background threads, then
        /// hands the results over in input order.
        func results() -> [Result] {
            work()
            group.wait()
            return slots.map { $0! }
        }
    }

    public init(extractor: Extractor, jobs: Int, batchSize: Int = 4_096,
                transform: @escaping @Sendable (PaperRecord, Extraction) -> Result,
                consume: @escaping ([Result]) throws -> Void) {
        self.extractor = extractor
        self.jobs = max(1, jobs)
        self.batchSize = max(1, batchSize)
        launchSize = jobs > 1 ? min(self.batchSize, 256) : self.batchSize
        self.transform = transform
        self.consume = consume
        batch.reserveCapacity(launchSize)
    }

    /// Queues one record; starts extracting when a batch is full.
    /// - Throws: whatever `consume` threw for an earlier batch.
    public func add(_ record: PaperRecord) throws {
        batch.append(record)
        if batch.count >= launchSize { try launch() }
    }

    /// Extracts and consumes every record added so far.
    public func flush() throws {
        if !batch.isEmpty { try launch() }
        try collect()
    }

    private func launch() throws {
        let records = batch
        launchSize = min(batchSize, 2 * launchSize)
        batch = []
        batch.reserveCapacity(launchSize)
        if jobs == 1 {
            try consume(extractor.extractAll(records, jobs: 1, transform))
            return
        }
        // Only one batch runs at a time: finish it (helping its threads), start the
        // next, then hand the finished one on (consuming may block on a busy store writer).
        let finished = running?.results()
        let next = Running(records: records, extractor: extractor, transform: transform)
        next.start(threads: min(jobs - 1, max(1, records.count / 32)), stackSize: Self.workerStack)
        running = next
        if let finished { try consume(finished) }
    }

    private func collect() throws {
        guard let last = running else { return }
        running = nil
        try consume(last.results())
    }
}
