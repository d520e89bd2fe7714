import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Faults from outside, against the real `papergraph` binary: a full disk or
/// file-size limit, a read-only store, a store locked by another process, and
/// SIGKILL part-way. Each must end with a clear error naming the file, and
/// leave the store (integrity_check, same contents) and earlier outputs
/// (byte-identical) as they were.
@Suite struct FaultTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let smallInput = repository.appendingPathComponent("Tests/PaperGraphIngestTests/Fixtures/arxiv-snapshot.jsonl").path
    static let ontology = repository.appendingPathComponent("ontology").path

    /// A scratch directory holding a store built from the bundled sample and its
    /// GraphML/DOT/SVG, made by the real binary.
    struct Workspace {
        let directory: URL
        var store: String { directory.appendingPathComponent("store.sqlite").path }
        var out: URL { directory.appendingPathComponent("out") }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("pg-fault-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    // MARK: Running the binary

    /// Runs `papergraph` with `arguments`; with `fileBlocks`, under RLIMIT_FSIZE
    /// of that many 512-byte blocks with SIGXFSZ ignored, so writes past it fail with EFBIG.
    static func papergraph(_ arguments: [String], fileBlocks: Int? = nil, timeout: Double = 120) throws -> ExternalTools.Output {
        let binary = try ExternalTools.papergraph()
        var environment = ProcessInfo.processInfo.environment
        environment["PAPERGRAPH_ONTOLOGY"] = ontology
        guard let blocks = fileBlocks else {
            return try ExternalTools.run(binary, arguments, environment: environment, timeout: timeout)
        }
        return try ExternalTools.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" \"$@\"", binary]
                                     + arguments, environment: environment, timeout: timeout)
    }

    static func build(_ workspace: Workspace, inputs: [String] = [], export: Bool = true) throws {
        let output = try papergraph(["build"] + inputs + ["--store", workspace.store, "--out", workspace.out.path, "--quiet"]
                                    + (export ? [] : ["--no-export"]))
        guard output.status == 0 else { throw ExternalTools.ToolFailed(tool: "papergraph build", status: output.status, stderr: output.stderr) }
    }

    /// `PRAGMA integrity_check` by Python's sqlite3, and the store's `stats` by papergraph.
    static func check(store: String) throws -> (integrity: String, stats: String) {
        let script = "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('pragma integrity_check').fetchone()[0])"
        let integrity = try ExternalTools.run("python3", ["-c", script, store])
        let stats = try papergraph(["stats", "--store", store])
        return (integrity.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + integrity.stderr,
                stats.status == 0 ? stats.stdout.replacingOccurrences(of: store, with: "<store>") : "stats failed: \(stats.stderr)")
    }

    /// Temporary files an atomic write left behind in `directory`.
    static func leftovers(in directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.contains(".tmp-") }
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Whether this process may mount a small tmpfs (root with CAP_SYS_ADMIN; not
    /// in most unprivileged containers).
    static let canMount: Bool = {
        guard getuid() == 0, let workspace = try? Workspace() else { return false }
        defer { workspace.remove() }
        guard let mounted = try? ExternalTools.run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", workspace.directory.path]),
              mounted.status == 0 else { return false }
        _ = try? ExternalTools.run("umount", [workspace.directory.path])
        return true
    }()

    // MARK: Disk full

    @Test("an export that hits the file-size limit fails naming the file and keeps the earlier file byte-identical",
          arguments: [("graphml", "papergraph.graphml"), ("svg", "papergraph.svg"), ("json", "papergraph.json"),
                      ("ntriples", "papergraph.nt"), ("html", "papergraph.html")])
    func exportPastFileSizeLimit(format: String, file: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Self.build(workspace)
        let target = workspace.out.appendingPathComponent(file).path
        let first = try Self.papergraph(["export", "--store", workspace.store, "--format", format, "--out", target])
        #expect(first.status == 0, "\(first.stderr)")
        let earlier = try #require(Self.bytes(target))
        let before = try Self.check(store: workspace.store)

        // Room for all but the last bytes (the final flush fails), and for 64 KiB (mid-write;
        // much less would first stop SQLite's 32 KiB shared-memory file, as it should).
        for blocks in [(earlier.count - 1) / 512, 128] {
            let failed = try Self.papergraph(["export", "--store", workspace.store, "--format", format, "--out", target],
                                             fileBlocks: blocks)
            #expect(failed.status != 0, "export under a \(blocks)-block limit reported success")
            #expect(failed.stderr.contains("\(target): write failed: File too large"), "\(failed.stderr)")
            #expect(Self.bytes(target) == earlier, "\(file) changed after a failed export")
            #expect(Self.leftovers(in: workspace.out).isEmpty)
        }
        let after = try Self.check(store: workspace.store)
        #expect(after.integrity == "ok")
        #expect(after.stats == before.stats)
    }

    @Test("a build that hits the file-size limit fails naming the store, which keeps its earlier contents intact")
    func buildPastFileSizeLimit() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Self.build(workspace, inputs: [Self.smallInput], export: false)
        let before = try Self.check(store: workspace.store)
        let size = try #require(Self.bytes(workspace.store)).count
        let failed = try Self.papergraph(["build", "--store", workspace.store, "--out", workspace.out.path, "--quiet"],
                                         fileBlocks: size / 512 + 16)
        #expect(failed.status != 0)
        #expect(failed.stderr.contains(workspace.store), "\(failed.stderr)")
        let after = try Self.check(store: workspace.store)
        #expect(after.integrity == "ok")
        #expect(after.stats == before.stats)
    }

    /// A real ENOSPC needs a small file system; mounting one needs privileges.
    /// Without them the file-size-limit tests above cover the same code paths (EFBIG).
    @Test("on a full file system, build and export fail naming their file; store and earlier output stay intact",
          .enabled(if: canMount, "mounting a small tmpfs needs root with CAP_SYS_ADMIN"))
    func fullFileSystem() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let disk = workspace.directory.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try ExternalTools.run("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.path])
        try #require(mount.status == 0, "mount failed: \(mount.stderr)")
        defer { _ = try? ExternalTools.run("umount", [disk.path]) }

        let store = disk.appendingPathComponent("store.sqlite").path, graphML = disk.appendingPathComponent("graph.graphml").path
        let small = try Self.papergraph(["build", Self.smallInput, "--store", store, "--no-export", "--quiet"])
        try #require(small.status == 0, "\(small.stderr)")
        #expect(try Self.papergraph(["export", "--store", store, "--out", graphML]).status == 0)
        let earlier = try #require(Self.bytes(graphML))
        let before = try Self.check(store: store)

        // Fill the file system, leaving a few kilobytes.
        let free = try #require(try FileManager.default.attributesOfFileSystem(forPath: disk.path)[.systemFreeSize] as? Int)
        try Data(count: max(0, free - 8192)).write(to: disk.appendingPathComponent("filler"))

        let build = try Self.papergraph(["build", "--store", store, "--no-export", "--quiet"])
        #expect(build.status != 0)
        #expect(build.stderr.contains(store) && build.stderr.contains("full"), "\(build.stderr)")
        let export = try Self.papergraph(["export", "--store", store, "--out", graphML])
        #expect(export.status != 0)
        #expect(export.stderr.contains("\(graphML): write failed: No space left on device"), "\(export.stderr)")
        #expect(Self.bytes(graphML) == earlier)
        #expect(Self.leftovers(in: disk).isEmpty)
        let after = try Self.check(store: store)
        #expect(after.integrity == "ok")
        #expect(after.stats == before.stats)
    }

    // MARK: Read-only and locked stores

    @Test("a read-only store refuses a build with a clear error and still exports",
          .enabled(if: getuid() != 0 || canMount, "root ignores file modes, and cannot mount a read-only file system here"))
    func readOnlyStore() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Self.build(workspace)
        let reference = try Self.papergraph(["export", "--store", workspace.store, "--format", "json",
                                             "--out", workspace.directory.appendingPathComponent("reference.json").path])
        #expect(reference.status == 0)
        let before = try Self.check(store: workspace.store)

        // Root ignores file modes, so as root the store sits on a read-only mount.
        let readOnly = workspace.directory.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        let store = readOnly.appendingPathComponent("store.sqlite").path
        if getuid() == 0 {
            try #require(try ExternalTools.run("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", readOnly.path]).status == 0)
            try FileManager.default.copyItem(atPath: workspace.store, toPath: store)
            try #require(try ExternalTools.run("mount", ["-o", "remount,ro", readOnly.path]).status == 0)
        } else {
            try FileManager.default.copyItem(atPath: workspace.store, toPath: store)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: store)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly.path)
        }
        defer {
            if getuid() == 0 { _ = try? ExternalTools.run("umount", [readOnly.path]) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: readOnly.path)
        }

        let build = try Self.papergraph(["build", "--store", store, "--out", workspace.out.path, "--quiet"])
        #expect(build.status != 0)
        #expect(build.stderr.contains("\(store): store is read-only"), "\(build.stderr)")
        let json = workspace.directory.appendingPathComponent("from-read-only.json").path
        let export = try Self.papergraph(["export", "--store", store, "--format", "json", "--out", json])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(Self.bytes(json) == Self.bytes(workspace.directory.appendingPathComponent("reference.json").path))
        #expect(try Self.check(store: store).stats == before.stats)
    }

    @Test("a store locked by another process fails the build after the busy timeout, naming the store; nothing is lost")
    func lockedStore() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Self.build(workspace, inputs: [Self.smallInput], export: false)
        let before = try Self.check(store: workspace.store)

        // A Python child takes the write lock and holds it until its standard input closes.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN EXCLUSIVE')
            print('locked', flush=True)
            sys.stdin.read()
            c.execute('ROLLBACK')
            """
        holder.arguments = ["python3", "-c", script, workspace.store]
        let toHolder = Pipe(), fromHolder = Pipe()
        holder.standardInput = toHolder
        holder.standardOutput = fromHolder
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        let ready = fromHolder.fileHandleForReading.availableData
        try #require(String(decoding: ready, as: UTF8.self).hasPrefix("locked"))

        let started = Date()
        let build = try Self.papergraph(["build", "--store", workspace.store, "--no-export", "--quiet"])
        #expect(build.status != 0)
        #expect(build.stderr.contains("\(workspace.store): store is locked by another process"), "\(build.stderr)")
        #expect(Date().timeIntervalSince(started) < 60)

        try toHolder.fileHandleForWriting.close()
        holder.waitUntilExit()
        let after = try Self.check(store: workspace.store)
        #expect(after.integrity == "ok")
        #expect(after.stats == before.stats)
    }

    // MARK: SIGKILL

    /// Starts `papergraph` and kills it with SIGKILL after `delay` seconds (if still running).
    static func killed(_ arguments: [String], after delay: Double) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try ExternalTools.papergraph())
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PAPERGRAPH_ONTOLOGY"] = ontology
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(delay * 1_000_000))
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("SIGKILL at any point of an export leaves the earlier file byte-identical and the store intact")
    func killedExport() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Self.build(workspace)
        let before = try Self.check(store: workspace.store)
        var interrupted = 0
        for (format, file) in [("graphml", "papergraph.graphml"), ("svg", "papergraph.svg")] {
            let target = workspace.out.appendingPathComponent(file).path
            let earlier = try #require(Self.bytes(target))
            for delay in [0.02, 0.05, 0.1, 0.2, 0.4] {
                let status = try Self.killed(["export", "--store", workspace.store, "--format", format, "--out", target],
                                            after: delay)
                if status == SIGKILL { interrupted += 1 }
                // Either the old file, or (the export finished first) the same graph written again.
                #expect(Self.bytes(target) == earlier, "\(file) after SIGKILL at \(delay) s")
            }
        }
        #expect(interrupted > 0, "no export was interrupted; the delays are too long for this machine")
        let after = try Self.check(store: workspace.store)
        #expect(after.integrity == "ok")
        #expect(after.stats == before.stats)
    }

    @Test("SIGKILL part-way through a build leaves a store that passes integrity_check; building again completes it")
    func killedBuild() throws {
        let reference = try Workspace()
        defer { reference.remove() }
        try Self.build(reference, export: false)
        let complete = try Self.check(store: reference.store)

        let workspace = try Workspace()
        defer { workspace.remove() }
        for delay in [0.1, 0.3, 0.6] {
            _ = try Self.killed(["build", "--store", workspace.store, "--no-export", "--quiet"], after: delay)
            if FileManager.default.fileExists(atPath: workspace.store) {
                #expect(try Self.check(store: workspace.store).integrity == "ok", "after SIGKILL at \(delay) s")
            }
        }
        try Self.build(workspace, export: false)
        let rebuilt = try Self.check(store: workspace.store)
        #expect(rebuilt.integrity == "ok")
        #expect(rebuilt.stats == complete.stats)
    }
}
