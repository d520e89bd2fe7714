import PaperGraphModel

/// Checks a loaded ontology for problems a user can make while editing it.
struct OntologyValidator {
    let ontology: Ontology

    func validate() -> [OntologyIssue] {
        var issues: [OntologyIssue] = []
        let schemaFile = (ontology.directory as NSString).appendingPathComponent(Ontology.File.schema)
        for kind in NodeKind.allCases where ontology.schema.kind(kind) == nil {
            issues.append(OntologyIssue(.error, file: schemaFile, line: nil, entry: kind.rawValue, "node kind is not declared"))
        }
        for relation in Relation.allCases where ontology.schema.relation(relation) == nil {
            issues.append(OntologyIssue(.error, file: schemaFile, line: nil, entry: relation.rawValue, "relation is not declared"))
        }
        for (list, kind) in [(ontology.benchmarks, NodeKind.benchmark), (ontology.methods, .method)] {
            issues += checkGazetteer(list, kind: kind)
        }
        return issues
    }

    private func checkGazetteer(_ entries: [GazetteerEntry], kind: NodeKind) -> [OntologyIssue] {
        var issues: [OntologyIssue] = []
        var owner: [String: GazetteerEntry] = [:]
        for entry in entries {
            var seenInEntry = Set<String>()
            for form in entry.surfaceForms {
                let key = NameFolding.fold(form.text)
                guard !key.isEmpty else {
                    issues.append(issue(entry, .error, "name or alias '\(form.text)' has no letters or digits"))
                    continue
                }
                // Checked for every form, even one that repeats another of the same
                // entry: `DROP` (exact) with alias `drop` (ignore) still fires on prose.
                if form.caseRule == .ignore, ontology.commonWords.contains(key) {
                    issues.append(issue(entry, .error,
                                        "'\(form.text)' is an ordinary English word and would match plain prose; use case: exact"))
                }
                if !seenInEntry.insert(key).inserted { continue }
                if let other = owner[key] {
                    issues.append(issue(entry, .error, "'\(form.text)' is also claimed by '\(other.name)' (\(other.location))"))
                } else {
                    owner[key] = entry
                }
            }
        }
        for entry in entries {
            guard let parent = entry.parent else { continue }
            guard let target = owner[NameFolding.fold(parent)] else {
                let field = kind == .benchmark ? "subset_of" : "broader"
                issues.append(issue(entry, .error, "\(field) '\(parent)' is not an entry of this gazetteer"))
                continue
            }
            // Follow the parent chain: a cycle would make SUBSET_OF/SPECIALIZES loop.
            var seen: Set<String> = [NameFolding.fold(entry.name)]
            var current: GazetteerEntry? = target
            while let node = current {
                if !seen.insert(NameFolding.fold(node.name)).inserted {
                    issues.append(issue(entry, .error, "parent chain through '\(parent)' loops back"))
                    break
                }
                current = node.parent.flatMap { owner[NameFolding.fold($0)] }
            }
        }
        return issues
    }

    private func issue(_ entry: GazetteerEntry, _ severity: OntologyIssue.Severity, _ problem: String) -> OntologyIssue {
        OntologyIssue(severity, file: entry.location.file, line: entry.location.line, entry: entry.name, problem)
    }
}

import Foundation
