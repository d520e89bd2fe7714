import Foundation
import Testing
@testable import PaperGraphExport
#if canImport(Glibc)
import Glibc
#endif

/// Temporary files a killed export left behind are removed by the next export to
/// the same destination, but never one a live writer holds or may just have made.
@Suite struct AtomicFileLeftoverTests {
    /// Creates `name` in `dir`, last modified `age` seconds ago.
    private func leftover(_ dir: String, _ name: String, age: TimeInterval) throws -> String {
        let path = dir + "/" + name
        try Data("half a file".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: path)
        return path
    }

    @Test func removesOnlyUnheldOldLeftoversOfTheSameDestination() throws {
        let dir = try TestGraphs.temporaryDirectory()
        let old = AtomicFile.leftoverMinimumAge * 2
        let dead = try leftover(dir, ".out.graphml.tmp-AbC123", age: old)
        let young = try leftover(dir, ".out.graphml.tmp-YoUng1", age: 0)
        let held = try leftover(dir, ".out.graphml.tmp-HeLd99", age: old)
        let otherDestination = try leftover(dir, ".other.graphml.tmp-AbC123", age: old)
        let notATemporary = try leftover(dir, ".out.graphml.tmp-notsix-chars", age: old)
        // A live writer: holds the lock on its temporary file through an open descriptor.
        let fd = open(held, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)

        try Exporter.write("fresh", to: dir + "/out.graphml")

        let remaining = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
        let name = { (path: String) in (path as NSString).lastPathComponent }
        #expect(!remaining.contains(name(dead)))
        #expect(remaining == Set(["out.graphml", name(young), name(held), name(otherDestination), name(notATemporary)]))
        #expect(try String(contentsOfFile: dir + "/out.graphml", encoding: .utf8) == "fresh")
    }
}
