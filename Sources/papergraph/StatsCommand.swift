import ArgumentParser
import Foundation
import PaperGraph
import PaperGraphStore

/// `papergraph stats`: what a store holds, counted in SQL without loading the graph.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count a store's nodes and edges and rank its most-used benchmarks and methods.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @Option(help: "How many benchmarks and methods to rank.")
    var top: Int = 10

    func validate() throws {
        guard top >= 0 else { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        let stats = try GraphStore(path: store.path, mode: .readOnly).stats(top: top)
        switch format {
        case .table: print(table(stats), terminator: "")
        case .json: print(try json(stats))
        }
    }

    private func table(_ stats: StoreStats) -> String {
        var out = "store \(store.path)\n"
        let width = (NodeKind.allCases.map(\.rawValue) + Relation.allCases.map(\.rawValue)).map(\.count).max()!
        func row(_ label: String, _ count: Int) -> String {
            "  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + String(count).leftPadded(10) + "\n"
        }
        out += "nodes".padding(toLength: width + 2, withPad: " ", startingAt: 0) + String(stats.nodeCount).leftPadded(10) + "\n"
        for kind in NodeKind.allCases { out += row(kind.rawValue, stats.nodes[kind] ?? 0) }
        out += "edges".padding(toLength: width + 2, withPad: " ", startingAt: 0) + String(stats.edgeCount).leftPadded(10) + "\n"
        for relation in Relation.allCases { out += row(relation.rawValue, stats.edges[relation] ?? 0) }
        for (title, list) in [("benchmarks", stats.topBenchmarks), ("methods", stats.topMethods)] where top > 0 {
            out += "top \(title) by papers\n"
            if list.isEmpty { out += "  (none)\n" }
            for (rank, item) in list.enumerated() {
                out += String(rank + 1).leftPadded(5) + "  " + String(item.papers).leftPadded(8) + "  " + item.name + "\n"
            }
        }
        return out
    }

    private func json(_ stats: StoreStats) throws -> String {
        func ranked(_ list: [StoreStats.Ranked]) -> [[String: Any]] {
            list.map { ["key": $0.key, "name": $0.name, "papers": $0.papers] }
        }
        let object: [String: Any] = [
            "store": store.path,
            "nodes": Dictionary(uniqueKeysWithValues: NodeKind.allCases.map { ($0.rawValue, stats.nodes[$0] ?? 0) }),
            "edges": Dictionary(uniqueKeysWithValues: Relation.allCases.map { ($0.rawValue, stats.edges[$0] ?? 0) }),
            "node_count": stats.nodeCount,
            "edge_count": stats.edgeCount,
            "top_benchmarks": ranked(stats.topBenchmarks),
            "top_methods": ranked(stats.topMethods),
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
