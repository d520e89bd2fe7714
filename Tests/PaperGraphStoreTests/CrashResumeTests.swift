import Foundation
import PaperGraphModel
import Testing
@testable import PaperGraphStore

/// A build killed with SIGKILL mid-write must leave a sound store that a re-run
/// completes to exactly what an uninterrupted build gives.
///
/// The build that gets killed must be a real process running this code, so the
/// test re-launches its own test binary (Linux: `/proc/self/exe`) with only
/// ``writeUntilKilled()`` selected and the store path in the environment.
@Suite struct CrashResumeTests {
    static let storeVariable = "PAPERGRAPH_STORE_KILL_TEST_STORE"
    static let paperCount = 4_000
    static let batchSize = 40
    static var fragments: [GraphFragment] { SyntheticFragments.make(count: paperCount, pool: 80, abstractBytes: 400) }

    static var testBinary: String? {
        FileManager.default.isExecutableFile(atPath: "/proc/self/exe")
            ? (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) : nil
    }

    /// The child: writes every fragment in small batches. Runs only when launched by the test below.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[storeVariable] != nil,
                   "the child process of killedBuildResumesToTheSameStore"))
    func writeUntilKilled() throws {
        let path = try #require(ProcessInfo.processInfo.environment[Self.storeVariable])
        // A pause now and then inside open transactions keeps the child from finishing
        // before the parent, however busy the machine, and makes most kills land mid-batch.
        let paced = Self.fragments.enumerated().lazy.map { index, fragment in
            if index % 10 == 0 { usleep(1_000) }
            return fragment
        }
        try GraphStore(path: path).write(paced, batchSize: Self.batchSize)
    }

    @Test(.enabled(if: testBinary != nil && ProcessInfo.processInfo.environment[storeVariable] == nil,
                   "needs /proc/self/exe to re-launch the test binary"))
    func killedBuildResumesToTheSameStore() throws {
        let dir = try TemporaryDirectory()
        let uninterrupted = dir.path("whole.sqlite")
        try build(uninterrupted, Self.fragments, batchSize: Self.batchSize)

        // Kill at a few different depths into the build.
        for (round, threshold) in [120, 1_000].enumerated() {
            let path = dir.path("killed-\(round).sqlite")
            let child = Process()
            child.executableURL = URL(fileURLWithPath: try #require(Self.testBinary))
            child.arguments = ["--testing-library", "swift-testing", "--filter", "writeUntilKilled"]
            child.environment = ProcessInfo.processInfo.environment.merging([Self.storeVariable: path]) { $1 }
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()

            // Watch the build through a reader (WAL lets it read while the child writes).
            let deadline = Date().addingTimeInterval(60)
            var committed = 0
            while committed < threshold && child.isRunning && Date() < deadline {
                if FileManager.default.fileExists(atPath: path),
                   let reader = try? GraphStore(path: path, mode: .readOnly, busyTimeout: 1_000),
                   let stats = try? reader.stats(top: 0) {
                    committed = stats.nodes[.paper] ?? 0
                }
                if committed < threshold { usleep(2_000) }
            }
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal, "the child finished before it was killed")

            let store = try GraphStore(path: path)
            #expect(try store.integrityProblems().isEmpty)
            let survived = try store.stats(top: 0).nodes[.paper] ?? 0
            #expect(survived >= threshold && survived < Self.paperCount)
            #expect(survived % Self.batchSize == 0, "only whole batches survive")

            let resumed = try store.write(Self.fragments, batchSize: Self.batchSize)
            #expect(resumed.papersUnchanged == survived)
            #expect(resumed.papersAdded == Self.paperCount - survived)
            store.close()
            #expect(try tableDump(path) == tableDump(uninterrupted))
        }
    }
}
