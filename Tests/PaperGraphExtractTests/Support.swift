import Foundation
import PaperGraphModel
import PaperGraphOntology
@testable import PaperGraphExtract

/// Paths and loaders shared by the tests: fixtures beside this file, and the
/// repository's real `ontology/` (so the scores follow the gazetteers as they grow).
enum Support {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let repositoryOntology = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ontology").path

    /// The repository ontology, loaded once.
    static let ontology: Ontology = {
        do { return try Ontology.load(from: repositoryOntology) } catch { fatalError("\(repositoryOntology): \(error)") }
    }()

    static let extractor = Extractor(ontology: ontology)

    /// A record from a title and an abstract, as a reader would build it.
    static func record(_ title: String, _ abstract: String, comment: String? = nil, arxivID: String? = nil) -> PaperRecord {
        PaperRecord(arxivID: arxivID, title: title, abstract: abstract, comment: comment, sourceFormat: "test",
                    location: SourceLocation(file: "test", line: 1))
    }

    static func extract(_ title: String, _ abstract: String, comment: String? = nil) -> Extraction {
        extractor.extract(record(title, abstract, comment: comment))
    }

    /// Reads the listing layout of the fixtures: a title line, a blank line,
    /// then a one-paragraph abstract of more than 200 characters.
    static func listing(_ name: String) throws -> [PaperRecord] {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var records: [PaperRecord] = []
        var i = 0
        while i + 2 < lines.count {
            if !lines[i].isEmpty, lines[i + 1].isEmpty, lines[i + 2].count > 200 {
                records.append(record(lines[i], lines[i + 2]))
                i += 3
            } else {
                i += 1
            }
        }
        return records
    }

    /// Gold rows (GUIDELINE.md format) as dictionaries.
    static func gold(_ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }
}

/// A port of `shared/eval/score.py`: names folded to letters and digits,
/// `A|B` alternatives, `?X` optional items, micro P/R/F1 per field group.
enum Scorer {
    static let fields = ["proposes", "uses", "evaluates_on", "introduces", "repositories", "homepages"]
    static let groups: [(String, [String])] = [
        ("benchmarks", ["evaluates_on", "introduces"]), ("code", ["repositories", "homepages"]),
        ("proposes", ["proposes"]), ("uses", ["uses"]),
    ]

    struct Counts {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    static func norm(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces).lowercased()
        if let r = t.range(of: "^[a-z]+://", options: .regularExpression) { t.removeSubrange(r) }
        if t.hasPrefix("www.") { t.removeFirst(4) }
        return String(t.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// (tp, fp, fn) for one paper and one list of gold items.
    static func match(gold: [String], predicted: [String]) -> Counts {
        var required: [Set<String>] = [], optional: [Set<String>] = []
        for g in gold {
            let isOptional = g.hasPrefix("?")
            let alternatives = Set(g.drop(while: { $0 == "?" }).split(separator: "|").map { norm(String($0)) }).subtracting([""])
            if isOptional { optional.append(alternatives) } else { required.append(alternatives) }
        }
        var preds: [String] = []
        for p in predicted.map(norm) where !p.isEmpty && !preds.contains(p) { preds.append(p) }
        var used = Set<String>()
        var counts = Counts()
        for alternatives in required {
            if let hit = preds.first(where: { alternatives.contains($0) && !used.contains($0) }) {
                used.insert(hit)
                counts.tp += 1
            } else {
                counts.fn += 1
            }
        }
        for alternatives in optional {
            for p in preds where alternatives.contains(p) && !used.contains(p) { used.insert(p) }
        }
        counts.fp = preds.filter { !used.contains($0) }.count
        return counts
    }

    /// Scores extractions (keyed by normalised title) against gold rows, per group.
    static func score(gold: [[String: Any]], predictions: [String: Extraction]) -> [String: Counts] {
        var result: [String: Counts] = [:]
        for row in gold {
            let title = norm(row["title"] as? String ?? "")
            let extraction = predictions[title] ?? Extraction()
            for (group, members) in groups {
                let goldItems = members.flatMap { row[$0] as? [String] ?? [] }
                let predicted = members.flatMap { names(extraction, $0) }
                let c = match(gold: goldItems, predicted: predicted)
                result[group, default: Counts()].tp += c.tp
                result[group, default: Counts()].fp += c.fp
                result[group, default: Counts()].fn += c.fn
            }
        }
        return result
    }

    static func names(_ e: Extraction, _ field: String) -> [String] {
        switch field {
        case "proposes": return e.proposes.map(\.name)
        case "uses": return e.uses.map(\.name)
        case "evaluates_on": return e.evaluatesOn.map(\.name)
        case "introduces": return e.introduces.map(\.name)
        case "repositories": return e.repositories.map(\.name)
        default: return e.homepages.map(\.name)
        }
    }

    /// Extracts every record of a listing fixture and scores it against its gold file.
    static func score(listing: String, gold: String) throws -> [String: Counts] {
        let records = try Support.listing(listing)
        var predictions: [String: Extraction] = [:]
        for r in records { predictions[norm(r.title)] = Support.extractor.extract(r) }
        return score(gold: try Support.gold(gold), predictions: predictions)
    }
}
