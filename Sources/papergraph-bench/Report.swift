import Foundation

/// What one corpus size measured: our stages and, if run, the peer's.
struct SizeResult {
    var corpus: String
    var extractOne: StageOutput
    var extractAll: StageOutput
    var jobs: Int
    var build: StageOutput
    /// The store loaded with evidence in a process of its own (``Stages/load(store:)``).
    var load: StageOutput
    var read: StageOutput
    var peer: StageOutput?

    var papers: Int { Int(build["records"] ?? 0) }
}

/// The comparison table, as aligned text for the terminal and as Markdown.
struct Report {
    var results: [SizeResult]

    /// One row: stage, ours, the peer's, and how many times faster (or smaller) ours is.
    private struct Row {
        var stage: String
        var ours: String
        var peer: String
        var ratio: String
    }

    private func rows(_ r: SizeResult) -> [Row] {
        let peer = r.peer
        var rows: [Row] = []
        func rate(_ out: StageOutput) -> Double { (out["records"] ?? 0) / max(out["seconds"] ?? 1, 1e-9) }
        func mbps(_ out: StageOutput) -> Double { (out["bytes"] ?? 0) / 1e6 / max(out["seconds"] ?? 1, 1e-9) }
        /// Abstracts per CPU-second: what other jobs on a shared machine disturb least.
        func perCPU(_ out: StageOutput) -> String { "\(count((out["records"] ?? 0) / max(out["cpu_s"] ?? 1, 1e-9)))/CPU-s" }
        let peerRate = peer?["abstracts_per_s"]
        rows.append(Row(stage: "extract, 1 core", ours: "\(count(rate(r.extractOne)))/s, \(fixed(mbps(r.extractOne))) MB/s (\(perCPU(r.extractOne)))",
                        peer: peerRate.map { "\(count($0))/s (1 core)" } ?? "–",
                        ratio: peerRate.map { times(rate(r.extractOne) / $0) } ?? "–"))
        rows.append(Row(stage: "extract, \(r.jobs) cores", ours: "\(count(rate(r.extractAll)))/s, \(fixed(mbps(r.extractAll))) MB/s (\(perCPU(r.extractAll)))",
                        peer: peerRate.map { "\(count($0))/s (1 core)" } ?? "–",
                        ratio: peerRate.map { times(rate(r.extractAll) / $0) } ?? "–"))
        let buildSeconds = r.build["seconds"] ?? 0
        // The peer's equivalent of a build into a store: extract, build the NetworkX graph, load Kuzu.
        let peerBuild = peer.flatMap { p in
            p["read_extract_s"].flatMap { e in p["graph_build_s"].flatMap { g in p["kuzu_load_s"].map { e + g + $0 } } }
        }
        rows.append(Row(stage: "full build into a fresh store", ours: "\(seconds(buildSeconds)) (\(count(rate(r.build)))/s; \(seconds(r.build["cpu_s"] ?? 0)) CPU)",
                        peer: peerBuild.map { "\(seconds($0)) (extract + NetworkX + Kuzu load)" } ?? "–",
                        ratio: peerBuild.map { times($0 / buildSeconds) } ?? "–"))
        let peerRSS = peer?["peak_rss_mb"]
        rows.append(Row(stage: "peak RSS of the build", ours: megabytes(r.build["peak_rss_mb"] ?? 0),
                        peer: peerRSS.map { megabytes($0) + " (whole run)" } ?? "–",
                        ratio: peerRSS.map { String(format: "%.1f× less memory", $0 / (r.build["peak_rss_mb"] ?? 1)) } ?? "–"))
        // Each figure is a fresh process's first load; a second load in the same process
        // is faster (its memory is already mapped and the allocator's arenas grown).
        rows.append(Row(stage: "load the store in a fresh process: with evidence (CPU) / without; a second load in the same process",
                        ours: "\(seconds(r.load["load_s"] ?? 0)) (\(seconds(r.load["cpu_s"] ?? 0))) / "
                            + "\(seconds(r.read["load_no_evidence_s"] ?? 0)); again \(seconds(r.read["load_s"] ?? 0))",
                        peer: "–", ratio: "–"))
        let kuzu = peer?["query_p50_ms"], networkx = peer?["nx_query_p50_ms"]
        let mathP50 = r.read["query_math_p50_ms"] ?? 0
        rows.append(Row(stage: "query MATH or GSM8K, p50 / p99 (\(count(r.read["query_math_rows"] ?? 0)) rows)",
                        ours: "\(millis(mathP50)) / \(millis(r.read["query_math_p99_ms"] ?? 0))",
                        peer: [kuzu.map { "Kuzu \(millis($0))" }, networkx.map { "NetworkX \(millis($0))" }]
                            .compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "–",
                        ratio: [kuzu.map { times($0 / mathP50) + " vs Kuzu" }, networkx.map { times($0 / mathP50) + " vs NetworkX" }]
                            .compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "–"))
        if let read = r.read["query_math_read_p50_ms"] {
            // The peers' figures include materialising every row (Kuzu's get_all, NetworkX's set of
            // names); papergraph's rows hold node indices until read, so this is the like-for-like row.
            rows.append(Row(stage: "… the same, every row's title read (as the peers' figures are); first run on a fresh engine",
                            ours: "\(millis(read)); first \(millis(r.read["query_math_first_ms"] ?? 0))",
                            peer: "–",
                            ratio: [kuzu.map { times($0 / read) + " vs Kuzu" }, networkx.map { times($0 / read) + " vs NetworkX" }]
                                .compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "–"))
        }
        if let p50 = r.read["query_hops_p50_ms"] {
            rows.append(Row(stage: "query paper X → its benchmarks → their papers → methods, p50 / p99 (\(count(r.read["query_hops_rows"] ?? 0)) rows)",
                            ours: "\(millis(p50)) / \(millis(r.read["query_hops_p99_ms"] ?? 0))", peer: "–", ratio: "–"))
        }
        let peerGraphML = peer?["graphml_write_s"]
        let graphML = r.read["graphml_s"] ?? 0
        rows.append(Row(stage: "GraphML export (\(fixed(r.read["graphml_mb"] ?? 0)) MB)", ours: seconds(graphML),
                        peer: peerGraphML.map { "\(seconds($0)) (nx.write_graphml)" } ?? "–",
                        ratio: peerGraphML.map { times($0 / graphML) } ?? "–"))
        rows.append(Row(stage: "SVG render, \(count(r.read["svg_nodes"] ?? 0))-node map", ours: seconds(r.read["svg_s"] ?? 0),
                        peer: "–", ratio: "–"))
        return rows
    }

    func heading(_ r: SizeResult) -> String {
        let loads = [r.extractOne, r.extractAll, r.build, r.read].compactMap { $0["loadavg"] }
        return "\(count(Double(r.papers))) abstracts (\(fixed((r.extractOne["bytes"] ?? 0) / 1e6)) MB JSON Lines), "
            + "graph of \(count(r.read["nodes"] ?? 0)) nodes and \(count(r.read["edges"] ?? 0)) edges; "
            + "load average \(fixed(loads.min() ?? 0))–\(fixed(loads.max() ?? 0)) on \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }

    /// Aligned plain text, for the terminal.
    var text: String {
        var lines: [String] = []
        for r in results {
            let table = [Row(stage: "stage", ours: "papergraph", peer: "Python peer", ratio: "papergraph is")] + rows(r)
            let widths = [table.map(\.stage.count).max()!, table.map(\.ours.count).max()!, table.map(\.peer.count).max()!]
            lines.append("")
            lines.append(heading(r))
            for row in table {
                lines.append([pad(row.stage, widths[0]), pad(row.ours, widths[1]), pad(row.peer, widths[2]), row.ratio]
                    .joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Markdown, one table per size.
    var markdown: String {
        var lines = ["# papergraph benchmark", ""]
        for r in results {
            lines.append("## \(heading(r))")
            lines.append("")
            lines.append("| stage | papergraph | Python peer | papergraph is |")
            lines.append("|---|---|---|---|")
            for row in rows(r) { lines.append("| \(row.stage) | \(row.ours) | \(row.peer) | \(row.ratio) |") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    private func fixed(_ v: Double) -> String { String(format: "%.1f", v) }
    private func seconds(_ v: Double) -> String { String(format: v < 10 ? "%.2f s" : "%.1f s", v) }
    private func millis(_ v: Double) -> String { String(format: v < 10 ? "%.3f ms" : "%.1f ms", v) }
    private func megabytes(_ v: Double) -> String { String(format: "%.0f MB", v) }
    private func times(_ v: Double) -> String { String(format: v < 10 ? "%.1f× faster" : "%.0f× faster", v) }
    private func count(_ v: Double) -> String {
        v >= 1e6 ? String(format: "%.2fM", v / 1e6) : v >= 1e4 ? String(format: "%.1fk", v / 1e3) : String(Int(v))
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
