import ArgumentParser
import Foundation
import PaperGraph

/// `papergraph show NAME`: one node, its properties, and each edge with the
/// evidence it was read from — the answer to "why is this in my graph?".
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a node with its edges and, for each edge, the sentence and rule it came from.",
        discussion: "NAME is a method or benchmark name or alias, a repository (host/owner/name), an arXiv id or a paper title; prefix a kind to choose (Benchmark:MATH).")

    @Argument(help: "The node to show.")
    var name: String

    @OptionGroup var store: StoreOptions

    @Option(help: "Show at most this many edges per relation and direction.")
    var limit: Int = 20

    func run() throws {
        let graph = try loadStoredGraph(store.path)
        let matches = graph.resolve(name)
        guard let index = matches.first else {
            throw CommandError("no node named '\(name)' in \(store.path)" + suggestions(for: name, in: graph))
        }
        let node = graph.nodes[index]
        print("\(node.kind.rawValue) \(node.name)  [key \(node.id.key)]")
        for key in node.properties.keys.sorted() where key != "abstract" {
            print("  \(key): \(node.properties[key]!)")
        }
        if let abstract = node["abstract"]?.stringValue {
            print("  abstract: \(abstract.prefix(300))\(abstract.count > 300 ? "…" : "")")
        }
        for (direction, edgeIndices) in [("→", graph.outgoing(index)), ("←", graph.incoming(index))] {
            let grouped = Dictionary(grouping: edgeIndices) { graph.edges[$0].relation }
            for relation in Relation.allCases {
                guard let list = grouped[relation] else { continue }
                print("\(direction) \(relation.rawValue) (\(list.count))")
                for edgeIndex in list.prefix(limit) {
                    let edge = graph.edges[edgeIndex]
                    let other = graph.nodes[direction == "→" ? edge.to : edge.from]
                    print("    \(other.kind.rawValue) \(other.name)")
                    for evidence in edge.evidence {
                        print("      [\(evidence.rule), \(evidence.field.rawValue) \(evidence.start)–\(evidence.end)] \(evidence.sentence)")
                    }
                }
                if list.count > limit { print("    … \(list.count - limit) more (raise --limit)") }
            }
        }
        if matches.count > 1 {
            print("also named '\(name)': " + matches.dropFirst().map { "\(graph.nodes[$0].kind.rawValue):\(graph.nodes[$0].name)" }.joined(separator: ", "))
        }
    }

    /// Up to five node names that contain the folded query, as a hint.
    private func suggestions(for name: String, in graph: KnowledgeGraph) -> String {
        let folded = NameFolding.fold(name)
        guard folded.count >= 2 else { return "" }
        let close = graph.nodes.lazy.filter { $0.kind != .paper && NameFolding.fold($0.name).contains(folded) }
            .prefix(5).map { "\($0.kind.rawValue):\($0.name)" }
        return close.isEmpty ? "" : "; similar: " + close.joined(separator: ", ")
    }
}
