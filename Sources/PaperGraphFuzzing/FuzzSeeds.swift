import Foundation

/// Finds the repository's test fixtures, which seed the fuzz corpora.
public enum FuzzSeeds {
    /// The repository this file was compiled from (…/Sources/PaperGraphFuzzing/FuzzSeeds.swift → …).
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every regular file under `Tests/*/Fixtures` (recursively), sorted by path.
    public static func fixtureFiles(repository root: URL) -> [URL] {
        let fm = FileManager.default
        let tests = root.appendingPathComponent("Tests")
        guard let targets = try? fm.contentsOfDirectory(atPath: tests.path) else { return [] }
        var files: [URL] = []
        for target in targets {
            let fixtures = tests.appendingPathComponent(target).appendingPathComponent("Fixtures")
            guard let walk = fm.enumerator(at: fixtures, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walk
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
