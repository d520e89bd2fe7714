import Foundation
import PaperGraphModel

/// The ontology: the schema and the benchmark and method gazetteers, loaded from
/// the data files in an `ontology/` directory that users edit.
public struct Ontology: Sendable {
    /// File names inside the ontology directory.
    public enum File {
        public static let schema = "schema.yaml"
        public static let benchmarks = "benchmarks.yaml"
        public static let methods = "methods.yaml"
        /// Ordinary English words, one per line: a gazetteer name that folds to
        /// one of them must match case-exactly, or it would fire on plain prose.
        public static let commonWords = "common-words.txt"
    }

    public var directory: String
    public var schema: Schema
    public var benchmarks: [GazetteerEntry] { didSet { lookup = Self.index(benchmarks, methods) } }
    public var methods: [GazetteerEntry] { didSet { lookup = Self.index(benchmarks, methods) } }
    /// Folded ordinary English words (see ``File/commonWords``).
    public var commonWords: Set<String>

    public init(directory: String, schema: Schema, benchmarks: [GazetteerEntry],
                methods: [GazetteerEntry], commonWords: Set<String>) {
        self.directory = directory
        self.schema = schema
        self.benchmarks = benchmarks
        self.methods = methods
        self.commonWords = commonWords
        lookup = Self.index(benchmarks, methods)
    }

    /// Loads and validates the ontology in `directory`.
    /// - Throws: ``OntologyError`` listing every error (file, line, entry, problem).
    public static func load(from directory: String) throws(OntologyError) -> Ontology {
        let (ontology, issues) = check(directory: directory)
        guard let ontology, !issues.contains(where: { $0.severity == .error }) else {
            throw OntologyError(issues: issues)
        }
        return ontology
    }

    /// Loads the ontology and reports every problem found, errors and warnings.
    /// The ontology is nil only when a file could not be read or parsed at all.
    public static func check(directory: String) -> (Ontology?, [OntologyIssue]) {
        var loader = OntologyLoader(directory: directory)
        let ontology = loader.load()
        if let ontology { loader.issues += OntologyValidator(ontology: ontology).validate() }
        return (ontology, loader.issues)
    }

    /// All gazetteer entries, benchmarks then methods.
    public var entries: [GazetteerEntry] { benchmarks + methods }

    /// The gazetteer entry of a kind whose name or alias folds to the same key as `name`.
    public func entry(_ kind: NodeKind, named name: String) -> GazetteerEntry? {
        lookup[NodeID(kind, name)].map { (kind == .benchmark ? benchmarks : methods)[$0] }
    }

    /// Node key of every name and alias → index of its entry in ``benchmarks`` or
    /// ``methods``. Built once per change of the lists, not per call: the
    /// extractor looks up every mention and ``links`` every entry.
    private var lookup: [NodeID: Int] = [:]

    private static func index(_ benchmarks: [GazetteerEntry], _ methods: [GazetteerEntry]) -> [NodeID: Int] {
        var table: [NodeID: Int] = [:]
        for (list, kind) in [(benchmarks, NodeKind.benchmark), (methods, .method)] {
            for (i, entry) in list.enumerated() {
                for form in entry.surfaceForms where table[NodeID(kind, form.text)] == nil {
                    table[NodeID(kind, form.text)] = i
                }
            }
        }
        return table
    }

    /// The ontology's own edges: SUBSET_OF between benchmarks and SPECIALIZES
    /// between methods, from `subset_of` and `broader`.
    public var links: [EdgeSpec] {
        entries.compactMap { entry in
            guard let parent = entry.parent else { return nil }
            let relation: Relation = entry.kind == .benchmark ? .subsetOf : .specializes
            let target = self.entry(entry.kind, named: parent)?.nodeID ?? NodeID(entry.kind, parent)
            return EdgeSpec(from: entry.nodeID, relation: relation, to: target)
        }
    }

    /// Finds the ontology directory to use when none is given:
    /// `$PAPERGRAPH_ONTOLOGY`; an `ontology/` beside or above the running
    /// executable (a build inside the repository); `../share/papergraph/ontology`
    /// next to the executable (an installed copy); an `ontology/` in the current
    /// directory or above it.
    public static func defaultDirectory() -> String? {
        let fm = FileManager.default
        func valid(_ dir: URL) -> Bool {
            fm.fileExists(atPath: dir.appendingPathComponent(File.schema).path)
        }
        if let env = ProcessInfo.processInfo.environment["PAPERGRAPH_ONTOLOGY"], !env.isEmpty {
            return env
        }
        var starts: [URL] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        if let path = Bundle.main.executableURL?.resolvingSymlinksInPath() { starts.append(path.deletingLastPathComponent()) }
        starts.append(exe.deletingLastPathComponent())
        for start in starts {
            let installed = start.deletingLastPathComponent().appendingPathComponent("share/papergraph/ontology")
            if valid(installed) { return installed.path }
        }
        starts.append(URL(fileURLWithPath: fm.currentDirectoryPath))
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("ontology")
                if valid(candidate) { return candidate.path }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }
}
