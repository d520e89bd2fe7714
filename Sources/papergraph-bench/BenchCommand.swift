import ArgumentParser
import Foundation
import PaperGraph

/// `papergraph-bench`: how fast papergraph reads, builds, loads, queries and
/// exports, beside the Python peer on the same corpora. `make bench` runs it.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "papergraph-bench",
        abstract: "Measure papergraph on JSON Lines corpora, beside the Python peer.",
        subcommands: [Run.self, Stage.self],
        defaultSubcommand: Run.self)
}

extension BenchCommand {
    /// Runs every stage of every corpus, each stage in a fresh process, and prints the table.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Benchmark corpora (the default).")

        @Argument(help: "JSON Lines corpora, e.g. written by gen_corpus.py.")
        var corpora: [String]

        @Option(help: "The Python peer (peer_pipeline.py) to compare with; without it only papergraph is measured.")
        var peer: String?

        @Option(help: "Directory for the stores and scratch files.")
        var work: String = ".build-bench-data"

        @Option(help: "Also write the table as Markdown to this file.")
        var markdown: String?

        @Option(help: "Runs per query (p50 and p99 are taken over them).")
        var queryRuns: Int = 100

        func validate() throws {
            guard !corpora.isEmpty else { throw ValidationError("give at least one corpus") }
            guard queryRuns >= 100 else { throw ValidationError("--query-runs must be at least 100 for a p99") }
        }

        func run() throws {
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            let me = ChildProcess.selfPath
            let jobs = ProcessInfo.processInfo.activeProcessorCount
            var results: [SizeResult] = []
            for corpus in corpora {
                guard FileManager.default.fileExists(atPath: corpus) else { throw BenchError("\(corpus): no such corpus") }
                let store = (work as NSString).appendingPathComponent(
                    ((corpus as NSString).lastPathComponent as NSString).deletingPathExtension + ".sqlite")
                func stage(_ name: String, _ arguments: [String]) throws -> StageOutput {
                    note("\(corpus): \(name)")
                    return try ChildProcess.run(me, ["stage"] + arguments)
                }
                let one = try stage("extract on 1 core", ["extract", corpus, "--jobs", "1"])
                let all = try stage("extract on \(jobs) cores", ["extract", corpus, "--jobs", "\(jobs)"])
                let build = try stage("build", ["build", corpus, "--store", store, "--jobs", "\(jobs)"])
                // The build leaves gigabytes of dirty pages (a 1M store is 3 GB); flushed
                // here, the kernel's writeback is not measured as part of the next stage.
                sync()
                let load = try stage("load", ["load", store])
                let read = try stage("load, query, export", ["read", store, "--work", work, "--query-runs", "\(queryRuns)"])
                var peerOut: StageOutput?
                if let peer {
                    note("\(corpus): Python peer")
                    peerOut = try Peer.run(script: peer, corpus: corpus, work: work)
                }
                results.append(SizeResult(corpus: corpus, extractOne: one, extractAll: all, jobs: jobs,
                                          build: build, load: load, read: read, peer: peerOut))
            }
            let report = Report(results: results)
            print(report.text)
            if let markdown {
                let directory = (markdown as NSString).deletingLastPathComponent
                if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
                try report.markdown.write(toFile: markdown, atomically: true, encoding: .utf8)
                print("\nwrote \(markdown)")
            }
        }

        private func note(_ text: String) {
            FileHandle.standardError.write(Data("papergraph-bench: \(text)\n".utf8))
        }
    }

    /// One stage in a process of its own; prints `key=value` lines for `run`.
    struct Stage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stage", abstract: "Run one measured stage (used by run).", shouldDisplay: false)

        enum Kind: String, ExpressibleByArgument { case extract, build, read, load, query, graphml }

        @Argument(help: "extract, build, read; or, to profile one step alone: load, query, graphml.") var kind: Kind
        @Argument(help: "The corpus (extract, build) or the store (read).") var input: String
        @Option var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
        @Option var store: String?
        @Option var work: String = ".build-bench-data"
        @Option var queryRuns: Int = 100

        func run() throws {
            switch kind {
            case .extract:
                try Stages.extract(input, jobs: jobs).emit()
            case .build:
                guard let store else { throw ValidationError("build needs --store") }
                try Stages.build(input, store: store, jobs: jobs).emit()
            case .load:
                try Stages.load(store: input).emit()
            case .read:
                try Stages.read(store: input, work: work, queryRuns: queryRuns).emit()
            case .query:
                try Stages.query(store: input, queryRuns: queryRuns).emit()
            case .graphml:
                try Stages.graphML(store: input, work: work).emit()
            }
        }
    }
}
