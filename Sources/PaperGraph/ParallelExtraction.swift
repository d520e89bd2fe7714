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
