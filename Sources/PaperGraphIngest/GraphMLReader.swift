import CLibXML2
import Foundation
import PaperGraphModel

/// Reads GraphML written by papergraph back into ``GraphFragment``s, streaming
/// (one `<node>` or `<edge>` expanded at a time) and handing fragments of at
/// most ``batchSize`` nodes or edges to the caller.
///
/// The contract (see the export target): each node carries `<data>` for the
/// keys whose `attr.name` is `kind` (a ``NodeKind`` raw value), `key` (the
/// normalised key), `name` and `label`, plus one per property (attr.type
/// `string`/`int`/`long`/`double`/`float`/`boolean`; list properties are JSON
/// array strings). Each edge carries `relation` (a ``Relation`` raw value),
/// `evidence` (a JSON array of ``Evidence`` objects) and `weight`.
/// Keys are resolved by `attr.name`, never by their ids; node ids are opaque
/// and only map edge endpoints.
enum GraphMLReader {
    static let batchSize = 1000

    private struct Key {
        var name: String
        var type: String
    }

    /// The read state of one document.
    private final class State {
        var keys: [String: Key] = [:]
        var nodeIDs: [String: NodeID] = [:]
        var nodes: [Node] = []
        var edges: [EdgeSpec] = []
        /// Edges met before one of their endpoints, resolved at the end.
        var deferred: [(source: String, target: String, spec: EdgeSpec, line: Int)] = []
    }

    static func read(_ source: ByteSource, into run: IngestRun) throws {
        let xml = try XMLStreamReader(source: source, file: run.file)
        let state = State()
        try xml.forEachElement(where: { _, name in name == "key" || name == "node" || name == "edge" }) { element, name in
            switch name {
            case "key": readKey(element, state)
            case "node": try readNode(element, state, run)
            default: try readEdge(element, state, run)
            }
        }
        if let failure = xml.failure {
            run.skip(line: failure.line, "\(failure.message); nodes and edges before it were kept")
        }
        for edge in state.deferred {
            guard let from = state.nodeIDs[edge.source], let to = state.nodeIDs[edge.target] else {
                run.skip(line: edge.line, "edge names a node id that is not in the file "
                         + "(\(state.nodeIDs[edge.source] == nil ? edge.source : edge.target))")
                continue
            }
            state.edges.append(EdgeSpec(from: from, relation: edge.spec.relation, to: to, evidence: edge.spec.evidence))
        }
        try flush(state, run, force: true)
        if run.summary.graphNodes == 0 && run.summary.graphEdges == 0 && xml.failure == nil {
            run.warn(line: 1, "GraphML holds no nodes")
        }
    }

    private static func readKey(_ element: xmlNodePtr, _ state: State) {
        guard let id = XMLTree.attribute(element, "id"), let name = XMLTree.attribute(element, "attr.name") else { return }
        state.keys[id] = Key(name: name, type: XMLTree.attribute(element, "attr.type") ?? "string")
    }

    /// The `<data>` children of an element, by their key's `attr.name`.
    private static func data(_ element: xmlNodePtr, _ state: State) -> [(key: Key, value: String)] {
        XMLTree.elements(element).compactMap { child in
            guard XMLTree.name(child) == "data", let id = XMLTree.attribute(child, "key"),
                  let key = state.keys[id] else { return nil }
            return (key, XMLTree.text(child))
        }
    }

    private static func readNode(_ element: xmlNodePtr, _ state: State, _ run: IngestRun) throws {
        let line = XMLTree.line(element)
        guard let graphID = XMLTree.attribute(element, "id") else {
            run.skip(line: line, "node without an id")
            return
        }
        var kind: NodeKind?
        var kindText: String?
        var key: String?
        var name: String?
        var properties: [String: PropertyValue] = [:]
        for (dataKey, value) in data(element, state) {
            switch dataKey.name {
            case "kind": kindText = value; kind = NodeKind(rawValue: value)
            case "key": key = value
            case "name": name = value
            case "label": break  // display text for other tools; `name` is the node's name
            default:
                guard let typed = typedValue(value, type: dataKey.type) else {
                    run.warn(line: line, "property '\(dataKey.name)' is not a valid \(dataKey.type): '\(value)', kept as text")
                    properties[dataKey.name] = .string(value)
                    continue
                }
                properties[dataKey.name] = typed
            }
        }
        guard let kind else {
            run.skip(line: line, kindText.map { "node '\(graphID)' has unknown kind '\($0)'" }
                     ?? "node '\(graphID)' has no kind")
            return
        }
        guard let key, !key.isEmpty else {
            run.skip(line: line, "node '\(graphID)' has no key")
            return
        }
        let id = NodeID(kind: kind, normalizedKey: key)
        state.nodeIDs[graphID] = id
        state.nodes.append(Node(id: id, name: name ?? key, properties: properties))
        try flush(state, run, force: false)
    }

    private static func readEdge(_ element: xmlNodePtr, _ state: State, _ run: IngestRun) throws {
        let line = XMLTree.line(element)
        guard let source = XMLTree.attribute(element, "source"), let target = XMLTree.attribute(element, "target") else {
            run.skip(line: line, "edge without source or target")
            return
        }
        var relation: Relation?
        var relationText: String?
        var evidence: [Evidence] = []
        for (dataKey, value) in data(element, state) {
            switch dataKey.name {
            case "relation": relationText = value; relation = Relation(rawValue: value)
            case "evidence":
                do {
                    evidence = try JSONDecoder().decode([Evidence].self, from: Data(value.utf8))
                } catch {
                    run.skip(line: line, "edge evidence is not a JSON array of {rule, field, sentence, start, end}")
                    return
                }
            default: break  // `weight` is derived from the evidence
            }
        }
        guard let relation else {
            run.skip(line: line, relationText.map { "edge has unknown relation '\($0)'" } ?? "edge has no relation")
            return
        }
        guard let from = state.nodeIDs[source], let to = state.nodeIDs[target] else {
            let placeholder = NodeID(kind: relation.domain, normalizedKey: "")
            state.deferred.append((source, target, EdgeSpec(from: placeholder, relation: relation, to: placeholder,
                                                            evidence: evidence), line))
            return
        }
        state.edges.append(EdgeSpec(from: from, relation: relation, to: to, evidence: evidence))
        try flush(state, run, force: false)
    }

    /// A property value of the declared GraphML type; list properties are JSON arrays of strings.
    static func typedValue(_ text: String, type: String) -> PropertyValue? {
        switch type {
        case "int", "long":
            return Int(text.trimmingCharacters(in: .whitespaces)).map(PropertyValue.int)
        case "double", "float":
            return Double(text.trimmingCharacters(in: .whitespaces)).map(PropertyValue.double)
        case "boolean":
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return nil
            }
        default:
            if text.hasPrefix("["), text.hasSuffix("]"),
               let list = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) {
                return .strings(list)
            }
            return .string(text)
        }
    }

    /// Hands on the nodes and edges gathered so far once a batch is full (or at the end).
    private static func flush(_ state: State, _ run: IngestRun, force: Bool) throws {
        guard force ? !(state.nodes.isEmpty && state.edges.isEmpty)
                    : state.nodes.count >= batchSize || state.edges.count >= batchSize else { return }
        let fragment = GraphFragment(paper: nil, nodes: state.nodes, edges: state.edges)
        state.nodes.removeAll(keepingCapacity: true)
        state.edges.removeAll(keepingCapacity: true)
        try run.emit(fragment)
    }
}
