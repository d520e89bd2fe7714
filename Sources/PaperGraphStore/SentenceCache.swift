import Foundation

/// Evidence sentences already decoded for the edges of one source node.
///
/// A paper's edges often quote one sentence ("evaluated on MATH and GSM8K" backs
/// two edges); sharing one `String` for the repeats saves an allocation, a UTF-8
/// validation and the bytes themselves — loading 1M papers decodes five million
/// evidence sentences. The loader resets the cache at each new source node, so
/// it stays a handful of strings long.
struct SentenceCache {
    private var sentences: [String] = []
    /// More distinct sentences than this for one node are decoded without caching.
    private static let limit = 16

    mutating func reset() { sentences.removeAll(keepingCapacity: true) }

    mutating func string(_ bytes: UnsafeRawBufferPointer) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        for sentence in sentences where sentence.utf8.count == bytes.count {
            let same = sentence.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, base, bytes.count) == 0 }
            if same == true { return sentence }
        }
        let sentence = String(decoding: bytes, as: UTF8.self)
        if sentences.count < Self.limit { sentences.append(sentence) }
        return sentence
    }
}
