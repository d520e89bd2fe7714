import Foundation
import PaperGraphModel
import Yams

/// Reads the ontology files into typed values, recording every problem with its
/// file and line instead of stopping at the first.
struct OntologyLoader {
    let directory: String
    var issues: [OntologyIssue] = []

    init(directory: String) { self.directory = directory }

    private static let entryKeys: Set<String> = ["name", "aliases", "case", "alias_case", "domain",
                                                  "subset_of", "broader", "description"]

    mutating func load() -> Ontology? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            issues.append(OntologyIssue(.error, file: directory, line: nil, entry: nil,
                                        "is not a directory containing \(Ontology.File.schema)"))
            return nil
        }
        guard let schemaNode = parse(Ontology.File.schema), let schema = readSchema(schemaNode) else { return nil }
        let benchmarks = parse(Ontology.File.benchmarks).map { readGazetteer($0, kind: .benchmark, file: Ontology.File.benchmarks) } ?? nil
        let methods = parse(Ontology.File.methods).map { readGazetteer($0, kind: .method, file: Ontology.File.methods) } ?? nil
        guard let benchmarks, let methods else { return nil }
        return Ontology(directory: directory, schema: schema, benchmarks: benchmarks, methods: methods,
                        commonWords: readCommonWords())
    }

    /// Reads the ordinary-English-word list (one word per line, `#` comments).
    /// It holds tens of thousands of lines and is read on every run, so lines
    /// that are already folded (lower-case ASCII letters) are taken as bytes and
    /// only the others go through ``NameFolding``.
    private mutating func readCommonWords() -> Set<String> {
        let full = path(Ontology.File.commonWords)
        guard let data = FileManager.default.contents(atPath: full) else {
            issues.append(OntologyIssue(.warning, file: full, line: nil, entry: nil,
                                        "cannot be read, so names that are ordinary English words are not checked"))
            return []
        }
        let lowercase = UInt8(ascii: "a")...UInt8(ascii: "z")
        var words = Set<String>(minimumCapacity: data.count / 8)
        for line in data.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            if line.allSatisfy(lowercase.contains) {
                words.insert(String(decoding: line, as: UTF8.self))
            } else {
                let word = NameFolding.fold(String(decoding: line, as: UTF8.self))
                if !word.isEmpty { words.insert(word) }
            }
        }
        return words
    }

    private func path(_ file: String) -> String { (directory as NSString).appendingPathComponent(file) }

    private mutating func error(_ file: String, _ node: Yams.Node?, entry: String? = nil, _ problem: String) {
        issues.append(OntologyIssue(.error, file: path(file), line: node?.mark?.line, entry: entry, problem))
    }

    /// Reads and parses one YAML file; records an error and returns nil when it cannot.
    private mutating func parse(_ file: String) -> Yams.Node? {
        let full = path(file)
        guard let data = FileManager.default.contents(atPath: full) else {
            issues.append(OntologyIssue(.error, file: full, line: nil, entry: nil, "cannot be read"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            issues.append(OntologyIssue(.error, file: full, line: nil, entry: nil, "is not valid UTF-8"))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                issues.append(OntologyIssue(.error, file: full, line: nil, entry: nil, "is empty"))
                return nil
            }
            return node
        } catch let yamlError as YamlError {
            issues.append(OntologyIssue(.error, file: full, line: Self.line(of: yamlError), entry: nil,
                                        "malformed YAML: \(Self.summary(of: yamlError))"))
        } catch {
            issues.append(OntologyIssue(.error, file: full, line: nil, entry: nil, "malformed YAML: \(error)"))
        }
        return nil
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "a mapping repeats the key(s) " + duplicates.map { "'\($0)'" }.joined(separator: ", ")
        default:
            return String(describing: error)
        }
    }

    // MARK: Schema

    private mutating func readSchema(_ root: Yams.Node) -> Schema? {
        let file = Ontology.File.schema
        guard let map = root.mapping else { error(file, root, "must be a mapping with node_kinds and relations"); return nil }
        let namespace = map["namespace"]?.string ?? "https://papergraph.dev/ontology#"
        var kinds: [Schema.Kind] = []
        if let kindMap = map["node_kinds"]?.mapping {
            for (key, value) in kindMap {
                let name = key.string ?? ""
                guard let kind = NodeKind(rawValue: name) else {
                    error(file, key, entry: name, "unknown node kind (known: \(NodeKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                    continue
                }
                var props: [(String, PropertyType)] = []
                for (pkey, pvalue) in value.mapping?["properties"]?.mapping ?? [:] {
                    let pname = pkey.string ?? ""
                    guard let type = PropertyType(rawValue: pvalue.string ?? "") else {
                        error(file, pvalue, entry: "\(name).\(pname)",
                              "unknown property type '\(pvalue.string ?? "")' (known: \(PropertyType.allCases.map(\.rawValue).joined(separator: ", ")))")
                        continue
                    }
                    props.append((pname, type))
                }
                kinds.append(Schema.Kind(kind: kind, description: value.mapping?["description"]?.string ?? "",
                                         properties: props))
            }
        } else {
            error(file, root, "missing 'node_kinds' mapping")
        }
        var relations: [Schema.RelationInfo] = []
        if let relMap = map["relations"]?.mapping {
            for (key, value) in relMap {
                let name = key.string ?? ""
                guard let relation = Relation(rawValue: name) else {
                    error(file, key, entry: name, "unknown relation (known: \(Relation.allCases.map(\.rawValue).joined(separator: ", ")))")
                    continue
                }
                let domainName = value.mapping?["domain"]?.string ?? ""
                let rangeName = value.mapping?["range"]?.string ?? ""
                guard let domain = NodeKind(rawValue: domainName), let range = NodeKind(rawValue: rangeName) else {
                    error(file, value, entry: name, "domain '\(domainName)' or range '\(rangeName)' is not a node kind")
                    continue
                }
                if domain != relation.domain || range != relation.range {
                    error(file, value, entry: name,
                          "must go from \(relation.domain.rawValue) to \(relation.range.rawValue), not \(domainName) to \(rangeName)")
                    continue
                }
                relations.append(Schema.RelationInfo(relation: relation, domain: domain, range: range,
                                                     description: value.mapping?["description"]?.string ?? ""))
            }
        } else {
            error(file, root, "missing 'relations' mapping")
        }
        return Schema(namespace: namespace, kinds: kinds, relations: relations)
    }

    // MARK: Gazetteers

    private mutating func readGazetteer(_ root: Yams.Node, kind: NodeKind, file: String) -> [GazetteerEntry]? {
        let list: [Yams.Node]
        if let seq = root.sequence {
            list = Array(seq)
        } else if let inner = root.mapping?[kind == .benchmark ? "benchmarks" : "methods"]?.sequence {
            list = Array(inner)
        } else {
            error(file, root, "must be a list of entries (or a mapping with a '\(kind == .benchmark ? "benchmarks" : "methods")' list)")
            return nil
        }
        var entries: [GazetteerEntry] = []
        for item in list {
            guard let map = item.mapping else { error(file, item, "entry must be a mapping with at least 'name'"); continue }
            guard let name = map["name"]?.string?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                error(file, item, "entry has no 'name'"); continue
            }
            for (key, _) in map where !Self.entryKeys.contains(key.string ?? "") {
                error(file, key, entry: name, "unknown field '\(key.string ?? "")' (known: \(Self.entryKeys.sorted().joined(separator: ", ")))")
            }
            if kind == .benchmark, map["broader"] != nil { error(file, map["broader"], entry: name, "benchmarks use 'subset_of', not 'broader'") }
            if kind == .method, map["subset_of"] != nil { error(file, map["subset_of"], entry: name, "methods use 'broader', not 'subset_of'") }
            var aliases: [String] = []
            if let node = map["aliases"] {
                if let seq = node.sequence {
                    for item in seq {
                        if let alias = item.string { aliases.append(alias) }
                        else { error(file, item, entry: name, "'aliases' must be a list of strings") }
                    }
                } else if let one = node.string {
                    aliases = [one]
                } else {
                    error(file, node, entry: name, "'aliases' must be a list of strings")
                }
            }
            let rule = caseRule(map["case"], defaultFor: name, file: file, entry: name)
            var aliasRules: [String: CaseRule] = [:]
            if let node = map["alias_case"], node.mapping == nil {
                error(file, node, entry: name, "'alias_case' must be a mapping from alias to case rule")
            }
            for (akey, avalue) in map["alias_case"]?.mapping ?? [:] {
                guard let alias = akey.string, aliases.contains(alias) else {
                    error(file, akey, entry: name, "alias_case names '\(akey.string ?? "")', which is not an alias"); continue
                }
                aliasRules[alias] = caseRule(avalue, defaultFor: alias, file: file, entry: name)
            }
            for alias in aliases where map["case"] == nil && aliasRules[alias] == nil {
                aliasRules[alias] = Self.defaultCaseRule(alias)
            }
            entries.append(GazetteerEntry(
                kind: kind, name: name, aliases: aliases, caseRule: rule, aliasCaseRules: aliasRules,
                domain: text(map, "domain", file: file, entry: name),
                parent: text(map, kind == .benchmark ? "subset_of" : "broader", file: file, entry: name),
                description: text(map, "description", file: file, entry: name),
                location: SourceLocation(file: path(file), line: item.mark?.line ?? 0)))
        }
        return entries
    }

    /// A field holding one string; a list or mapping there is an error, not silently dropped
    /// (`subset_of: [MATH]` would otherwise lose the link).
    private mutating func text(_ map: Yams.Node.Mapping, _ key: String, file: String, entry: String) -> String? {
        guard let node = map[key] else { return nil }
        guard let value = node.string else {
            error(file, node, entry: entry, "'\(key)' must be a single string"); return nil
        }
        return value
    }

    private mutating func caseRule(_ node: Yams.Node?, defaultFor text: String, file: String, entry: String) -> CaseRule {
        guard let node else { return Self.defaultCaseRule(text) }
        guard let rule = CaseRule(rawValue: node.string ?? "") else {
            error(file, node, entry: entry, "unknown case rule '\(node.string ?? "")' (known: exact, ignore)")
            return Self.defaultCaseRule(text)
        }
        return rule
    }

    /// Without an explicit `case`, a name written with any capital letter is
    /// matched exactly (acronyms, `MATH`, `ARC`); an all-lower-case name
    /// (`chain-of-thought`) matches in any case.
    static func defaultCaseRule(_ text: String) -> CaseRule {
        text.contains(where: \.isUppercase) ? .exact : .ignore
    }
}
