import Foundation

/// Evidence sentences already decoded for one edge.
///
/// An edge's evidence items often quote one sentence (a name mentioned twice in
/// it, or found by two rules); sharing one `String` for the repeats saves an
/// allocation, a UTF-8 validation and the bytes themselves.
struct SentenceCache {
    private var sentences: [String] = []
    /// More distinct sentences than this for one edge are decoded without caching.
    private static let limit = 16

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
