import Foundation
import PaperGraphOntology

/// The starting corpus of each harness, cut from the repository's test fixtures
/// (`Tests/*/Fixtures`), so fuzzing begins from inputs that reach deep paths.
public enum FuzzSeeds {
    /// The repository this file was compiled from (…/Sources/PaperGraphFuzzing/FuzzSeeds.swift → …).
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Named seed inputs for `harness`, read from the fixtures under `root`.
    public static func inputs(for harness: FuzzHarness, repository root: URL = repository) -> [(name: String, bytes: [UInt8])] {
        if harness == .query {
            return queries.enumerated().map { ("query-\($0.offset)", Array($0.element.utf8)) }
        }
        let files = fixtureFiles(repository: root).filter { matches($0, harness) }
        var seeds: [(name: String, bytes: [UInt8])] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            let name = file.path.dropFirst(root.path.count + 1).replacingOccurrences(of: "/", with: "_")
            if harness == .extractor {
                seeds += papers(in: [UInt8](data)).enumerated().map { ("\(name)-\($0.offset)", $0.element) }
            } else {
                seeds.append((name, [UInt8](data)))
            }
        }
        return seeds
    }

    private static func matches(_ file: URL, _ harness: FuzzHarness) -> Bool {
        let name = file.lastPathComponent, ext = file.pathExtension, path = file.path
        switch harness {
        case .listing: return ext == "txt" && (path.contains("PaperGraphIngestTests") || name == "seed-papers.txt")
        case .atom: return name.contains("atom")
        case .oaipmh: return name.contains("oai") || path.contains("/harvest/")
        case .jsonl: return ext == "jsonl"
        case .html: return ext == "html"
        case .graphml: return ext == "graphml"
        case .sniffed: return path.contains("PaperGraphIngestTests") && ext != "md"
        case .extractor: return ext == "txt" && path.contains("PaperGraphExtractTests")
        case .ontology: return name == Ontology.File.benchmarks
        case .query: return false
        }
    }

    /// Queries covering the supported Cypher (the query tests hold theirs in
    /// Swift source, not in fixture files).
    static let queries = [
        "MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark) WHERE b.name IN $names RETURN DISTINCT p.title ORDER BY p.title",
        "MATCH (a:Method {name: 'LoRA'}), (b:Benchmark {name: 'MATH'}) MATCH p = shortestPath((a)-[*]-(b)) RETURN length(p)",
        "MATCH (m:Method)<-[r:USES|PROPOSES]-(p:Paper) WITH m, count(p) AS n WHERE n > 1 RETURN m.name, n ORDER BY n DESC LIMIT 5",
        "MATCH (b:Benchmark)-[:SUBSET_OF*1..3]->(c) RETURN b.name, collect(c.name) AS parents",
        "UNWIND [1, 2, 3] AS x RETURN x * 2 AS y, toString(x) + 'a', size(range(1, x))",
        "MATCH (p:Paper) WHERE p.title =~ '(?i).*math.*' AND p.published STARTS WITH '2024' RETURN p {.title, .authors}",
        "MATCH (p:Paper) OPTIONAL MATCH (p)-[:HAS_CODE]->(r) RETURN p.title, coalesce(r.name, 'none') SKIP 1",
        "MATCH (n) RETURN labels(n), keys(n), CASE WHEN n:Paper THEN 1 ELSE 0 END, count(*)",
    ]

    /// A listing file cut into one "title\nabstract" input per paper: whole
    /// listings would make every extractor run hundreds of times slower.
    private static func papers(in listing: [UInt8]) -> [[UInt8]] {
        let paragraphs = String(decoding: listing, as: UTF8.self).components(separatedBy: "\n\n")
            .filter { !$0.isEmpty }
        return stride(from: 0, to: paragraphs.count - 1, by: 2).prefix(40).map {
            Array((paragraphs[$0] + "\n" + paragraphs[$0 + 1]).utf8)
        }
    }

    /// Every regular file under `Tests/*/Fixtures` (recursively), sorted by path.
    static func fixtureFiles(repository root: URL) -> [URL] {
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
