import CGraphviz
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Graphviz layout engines the exporters offer.
public enum LayoutEngine: String, CaseIterable, Sendable {
    case dot, neato, fdp, sfdp, circo

    /// `dot` reads best for a small neighbourhood; a whole reading list is
    /// bipartite-ish (many papers, a few shared concepts), which `dot` draws as
    /// one very long strip, so beyond 40 nodes `sfdp` (with overlap removal)
    /// spreads it in two dimensions — and it also scales to thousands of nodes.
    public static func automatic(nodeCount: Int) -> LayoutEngine { nodeCount <= 40 ? .dot : .sfdp }
}

/// Output formats rendered by libgvc.
public enum RenderFormat: String, CaseIterable, Sendable {
    case svg, png, pdf
}

/// The one place that calls libgvc and cgraph. Neither library is thread-safe
/// (they keep global error state, string dictionaries and plugin tables), so
/// every call runs under one lock on one shared context: a serial context that
/// callers on any thread or task may use.
public final class GraphvizEngine: @unchecked Sendable {
    public static let shared = GraphvizEngine()

    private let lock = NSLock()
    /// `GVC_t *`, created lazily under the lock and kept for the process.
    private var context: OpaquePointer?

    private init() {}

    /// Lays `graph` out with `engine` and renders it to `format` in process.
    public func render(_ graph: DotGraph, format: RenderFormat, engine: LayoutEngine) throws(ExportError) -> Data {
        try serially { () throws(ExportError) -> Data in
            let gvc = try self.ensureContext()
            let g = try self.build(graph)
            defer { agclose(g) }
            guard gvLayout(gvc, g, engine.rawValue) == 0 else {
                throw .graphviz(step: "layout (\(engine.rawValue))", detail: Self.lastError())
            }
            defer { gvFreeLayout(gvc, g) }
            var result: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(gvc, g, format.rawValue, &result, &length) == 0, let result else {
                throw .graphviz(step: "render (\(format.rawValue))", detail: Self.lastError())
            }
            defer { gvFreeRenderData(result) }
            return Data(bytes: result, count: Int(length))
        }
    }

    /// The graph as DOT text, written by cgraph's `agwrite` (so quoting and
    /// escaping are Graphviz's own), without layout positions.
    public func dot(_ graph: DotGraph) throws(ExportError) -> String {
        try serially { () throws(ExportError) -> String in
            let g = try self.build(graph)
            defer { agclose(g) }
            var buffer: UnsafeMutablePointer<CChar>?
            var size = 0
            guard let stream = open_memstream(&buffer, &size) else {
                throw .graphviz(step: "agwrite", detail: "open_memstream: \(String(cString: strerror(errno)))")
            }
            let rc = agwrite(g, UnsafeMutableRawPointer(stream))
            fclose(stream)
            defer { free(buffer) }
            guard rc == 0, let buffer else { throw .graphviz(step: "agwrite", detail: Self.lastError()) }
            return String(cString: buffer)
        }
    }

    // MARK: Serial context

    func serially<T>(_ body: () throws(ExportError) -> T) throws(ExportError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Creates the context once. Errors are kept (not printed) so they can be
    /// reported with the failing step; and if libgvc cannot find its plugins —
    /// Graphviz 2.42 then fails with "Layout type: dot not recognized" — the
    /// plugin libraries beside libgvc are loaded explicitly.
    private func ensureContext() throws(ExportError) -> OpaquePointer {
        if let context { return context }
        agseterr(AGMAX)
        guard let gvc = gvContext() else { throw .graphviz(step: "gvContext", detail: "") }
        if !Self.hasPlugin(gvc, kind: "layout", named: "dot") { Self.loadBundledPlugins(into: gvc) }
        guard Self.hasPlugin(gvc, kind: "layout", named: "dot") else {
            throw .graphviz(step: "gvContext", detail: "no layout plugins found (is libgvc's plugin directory installed?)")
        }
        context = gvc
        return gvc
    }

    static func hasPlugin(_ gvc: OpaquePointer, kind: String, named name: String) -> Bool {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return false }
        defer {
            for i in 0..<Int(count) { free(list[i]) }
            free(list)
        }
        return (0..<Int(count)).contains { list[$0].map { String(cString: $0) } == name }
    }

    /// Loads core, layout and cairo plugins from the `graphviz/` directory next
    /// to the libgvc this process linked, and registers their symbol tables.
    static func loadBundledPlugins(into gvc: OpaquePointer) {
        // The loaded libgvc's path, from the process's own memory map.
        // (procfs files report size 0, so read to end of file rather than by size.)
        guard let maps = FileHandle(forReadingAtPath: "/proc/self/maps")
                .map({ String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) }),
              let line = maps.split(separator: "\n").first(where: { $0.contains("/libgvc.so") }),
              let slash = line.firstIndex(of: "/") else { return }
        let directory = URL(fileURLWithPath: String(line[slash...])).deletingLastPathComponent()
            .appendingPathComponent("graphviz").path
        for plugin in ["core", "dot_layout", "neato_layout", "pango"] {
            guard let handle = dlopen("\(directory)/libgvplugin_\(plugin).so.6", RTLD_NOW | RTLD_GLOBAL),
                  let symbol = dlsym(handle, "gvplugin_\(plugin)_LTX_library") else { continue }
            gvAddLibrary(gvc, symbol.assumingMemoryBound(to: gvplugin_library_t.self))
        }
    }

    private static func lastError() -> String {
        guard let message = aglasterr() else { return "" }
        defer { free(message) }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Building the cgraph graph

    private func build(_ graph: DotGraph) throws(ExportError) -> UnsafeMutablePointer<Agraph_t> {
        agseterr(AGMAX)  // keep messages for aglasterr() instead of printing them
        guard let g = cString(graph.name, { agopen($0, pg_agdirected(), nil) }) else {
            throw .graphviz(step: "agopen", detail: Self.lastError())
        }
        for (name, value) in graph.attributes { Self.set(g, AGRAPH, name, value) }
        for (name, value) in graph.nodeDefaults { Self.declare(g, AGNODE, name, value) }
        for (name, value) in graph.edgeDefaults { Self.declare(g, AGEDGE, name, value) }
        var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        nodes.reserveCapacity(graph.nodes.count)

        func addNodes(_ list: [DotGraph.Node], to sub: UnsafeMutablePointer<Agraph_t>) throws(ExportError) {
            for node in list {
                guard let n = cString(node.name, { agnode(sub, $0, 1) }) else {
                    throw .graphviz(step: "agnode \(node.name)", detail: Self.lastError())
                }
                nodes[node.name] = n
                for (name, value) in node.attributes { Self.set(n, AGNODE, name, value, root: g) }
            }
        }
        func addEdges(_ list: [DotGraph.Edge], to sub: UnsafeMutablePointer<Agraph_t>) throws(ExportError) {
            for edge in list {
                guard let t = nodes[edge.tail], let h = nodes[edge.head], let e = agedge(sub, t, h, nil, 1) else {
                    throw .graphviz(step: "agedge \(edge.tail) -> \(edge.head)", detail: "endpoint missing")
                }
                for (name, value) in edge.attributes { Self.set(e, AGEDGE, name, value, root: g) }
            }
        }
        try addNodes(graph.nodes, to: g)
        for cluster in graph.clusters {
            guard let sub = cString(cluster.name, { agsubg(g, $0, 1) }) else {
                throw .graphviz(step: "agsubg \(cluster.name)", detail: Self.lastError())
            }
            for (name, value) in cluster.attributes { Self.set(sub, AGRAPH, name, value, root: g) }
            try addNodes(cluster.nodes, to: sub)
            try addEdges(cluster.edges, to: sub)
        }
        try addEdges(graph.edges, to: g)
        return g
    }

    /// Declares a default for every node or edge (`node [...]` / `edge [...]`).
    private static func declare(_ g: UnsafeMutablePointer<Agraph_t>, _ kind: Int32, _ name: String, _ value: String) {
        cString(name) { n in cString(value) { v in _ = agattr(g, kind, n, v) } }
    }

    /// Sets one attribute. The attribute is declared first if needed, with the
    /// default Graphviz itself uses (`\N` for node labels, empty otherwise), so
    /// objects that do not set it keep Graphviz's behaviour.
    private static func set(_ object: UnsafeMutableRawPointer, _ kind: Int32, _ name: String, _ value: String,
                            root: UnsafeMutablePointer<Agraph_t>? = nil) {
        let graph = root ?? object.assumingMemoryBound(to: Agraph_t.self)
        cString(name) { n in
            if agattr(graph, kind, n, nil) == nil {
                cString(kind == AGNODE && name == "label" ? "\\N" : "") { d in _ = agattr(graph, kind, n, d) }
            }
            cString(value) { v in _ = agsafeset(object, n, v, nil) }
        }
    }

    private static func set(_ object: UnsafeMutablePointer<Agraph_t>, _ kind: Int32, _ name: String, _ value: String,
                            root: UnsafeMutablePointer<Agraph_t>? = nil) {
        set(UnsafeMutableRawPointer(object), kind, name, value, root: root ?? object)
    }
    private static func set(_ object: UnsafeMutablePointer<Agnode_t>, _ kind: Int32, _ name: String, _ value: String,
                            root: UnsafeMutablePointer<Agraph_t>) {
        set(UnsafeMutableRawPointer(object), kind, name, value, root: root)
    }
    private static func set(_ object: UnsafeMutablePointer<Agedge_t>, _ kind: Int32, _ name: String, _ value: String,
                            root: UnsafeMutablePointer<Agraph_t>) {
        set(UnsafeMutableRawPointer(object), kind, name, value, root: root)
    }
}

/// Graphviz 2.42 takes `char *` where it only reads; cgraph copies the bytes
/// into its own string pool, so lending a temporary C string is safe.
@inline(__always)
func cString<T>(_ s: String, _ body: (UnsafeMutablePointer<CChar>) -> T) -> T {
    s.withCString { body(UnsafeMutablePointer(mutating: $0)) }
}
