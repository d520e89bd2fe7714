import Foundation

/// The Python peer (`peer_pipeline.py`): the same job with pyahocorasick, NetworkX and Kuzu.
enum Peer {
    static func run(script: String, corpus: String, work: String) throws -> StageOutput {
        guard FileManager.default.fileExists(atPath: script) else {
            throw BenchError("the peer script \(script) is missing")
        }
        let base = (work as NSString).appendingPathComponent(((corpus as NSString).lastPathComponent as NSString).deletingPathExtension)
        defer {
            for leftover in [base + ".peer.graphml", base + ".peer.kuzu", base + ".peer.kuzu.csv", base + ".peer.kuzu.wal"] {
                try? FileManager.default.removeItem(atPath: leftover)
            }
        }
        return try ChildProcess.run("/usr/bin/env", ["python3", script, corpus,
                                                     "--graphml", base + ".peer.graphml", "--kuzu-dir", base + ".peer.kuzu"])
    }
}
