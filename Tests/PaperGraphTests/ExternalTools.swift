import Foundation

/// Runs the real tools the end-to-end tests check against: python3 parsers,
/// Graphviz, headless Chromium and the built `papergraph` binary.
enum ExternalTools {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` (a path, or a name looked up in PATH) with `arguments`;
    /// kills it after `timeout` seconds so a hung tool fails the test instead of the suite.
    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                    environment: [String: String]? = nil, timeout: Double = 60) throws -> Output {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let environment { process.environment = environment }
        // Standard error goes to a file, so a chatty child cannot block on a full pipe
        // while standard output is being drained.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("pg-tool-\(UUID().uuidString).err")
        guard FileManager.default.createFile(atPath: errFile.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? FileManager.default.removeItem(at: errFile) }
        let err = try FileHandle(forWritingTo: errFile)
        defer { try? err.close() }
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let deadline = DispatchTime.now() + timeout
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: deadline)
        timer.setEventHandler { if process.isRunning { process.terminate() } }
        timer.resume()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        let errData = (try? Data(contentsOf: errFile)) ?? Data()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The first of `names` found in PATH.
    static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Browser checks are skipped only when asked (`PAPERGRAPH_SKIP_BROWSER=1`);
    /// otherwise a missing Chromium fails the test with instructions.
    static let skipBrowser = ProcessInfo.processInfo.environment["PAPERGRAPH_SKIP_BROWSER"] == "1"

    static func chromium() throws -> String {
        guard let path = find(["chromium", "chromium-browser", "google-chrome"]) else {
            throw Missing(tool: "chromium", hint: "install it (`apt-get install chromium`, or `make deps`), "
                          + "or set PAPERGRAPH_SKIP_BROWSER=1 to skip the browser checks")
        }
        return path
    }

    /// The DOM of `file` after Chromium loaded it and ran whatever it would run.
    static func dumpDOM(_ file: URL) throws -> String {
        let output = try run(try chromium(), ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                                              "--virtual-time-budget=2000", "--dump-dom", file.absoluteString],
                             timeout: 60)
        guard output.status == 0, !output.stdout.isEmpty else {
            throw ToolFailed(tool: "chromium", status: output.status, stderr: output.stderr)
        }
        return output.stdout
    }

    /// The `papergraph` executable built beside this test bundle.
    static func papergraph() throws -> String {
        var candidates: [URL] = []
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        for dir in candidates {
            let binary = dir.appendingPathComponent("papergraph").path
            if FileManager.default.isExecutableFile(atPath: binary) { return binary }
        }
        throw Missing(tool: "papergraph", hint: "not built next to the tests (looked in "
                      + candidates.map(\.path).joined(separator: ", ") + "); run `swift build` first")
    }

    struct Missing: Error, CustomStringConvertible {
        var tool: String
        var hint: String
        var description: String { "\(tool) not found: \(hint)" }
    }

    struct ToolFailed: Error, CustomStringConvertible {
        var tool: String
        var status: Int32
        var stderr: String
        var description: String { "\(tool) exited with \(status): \(stderr.suffix(2000))" }
    }
}
