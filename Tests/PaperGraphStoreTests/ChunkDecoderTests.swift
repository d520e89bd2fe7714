import Dispatch
import Testing
@testable import PaperGraphStore

/// The chunk pool the loader's two threads share: items come back in submission
/// order however the chunks were shared out, and a failure stops everyone.
@Suite("Chunk decoder")
struct ChunkDecoderTests {
    struct Numbers: RowChunk {
        var values: [Int]
        var count: Int { values.count }
    }

    /// Decodes each number to its text; a negative number is damaged.
    static func decoder() -> ChunkDecoder<Numbers, String> {
        ChunkDecoder { chunk, output throws(StoreError) in
            for value in chunk.values {
                if value < 0 { throw .corrupt(path: "numbers", reason: "damaged \(value)") }
                output.append(String(value))
            }
        }
    }

    @Test("chunks decoded on three threads come back in submission order")
    func order() throws {
        let pool = Self.decoder()
        let helpers = DispatchGroup()
        for _ in 0..<2 { DispatchQueue.global().async(group: helpers) { pool.decodeUntilDone() } }
        var expected: [String] = []
        for start in stride(from: 0, to: 5_000, by: 37) {
            let values = Array(start..<min(start + 37 - start % 5, 5_000))
            expected += values.map(String.init)
            pool.submit(Numbers(values: values))
        }
        pool.submit(Numbers(values: []))
        pool.closeInput()
        pool.decodeUntilDone()
        helpers.wait()
        #expect(try pool.finish() == expected)
    }

    @Test("a damaged chunk fails the whole decode with its error")
    func failure() {
        let pool = Self.decoder()
        for start in stride(from: 0, to: 1_000, by: 10) {
            pool.submit(Numbers(values: start == 500 ? [1, -2, 3] : Array(start..<(start + 10))))
        }
        pool.closeInput()
        pool.decodeUntilDone()
        #expect(pool.hasFailed)
        #expect(throws: StoreError.corrupt(path: "numbers", reason: "damaged -2")) { try pool.finish() }
    }
}
