import Foundation
import Testing
@testable import PaperGraphFuzzing

/// Every input `make fuzz` once flagged (crash, hang, leak), replayed through
/// its harness. A file is named `<harness>-<kind>-<hash>` as libFuzzer wrote it;
/// the fix it drove is recorded in SECURITY-SECTION.md and the commit log.
@Suite struct RegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    @Test(arguments: inputs)
    func replay(_ name: String) throws {
        let harnessName = try #require(name.split(separator: "-").first.map(String.init))
        let harness = try #require(FuzzHarness(rawValue: harnessName), "\(name) does not start with a harness name")
        let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        FuzzHarness.run(harness, bytes)
    }
}
