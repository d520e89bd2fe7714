import Foundation

/// Runs a program and reads back the `key=value` lines it prints; its standard
/// error passes through, so progress and failures stay visible.
enum ChildProcess {
    /// This executable, to run one stage per process.
    static var selfPath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> StageOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch {
            throw BenchError("cannot run \(executable): \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(([executable] + arguments).joined(separator: " ")) failed (exit \(process.terminationStatus))")
        }
        return StageOutput(parsing: String(decoding: data, as: UTF8.self))
    }
}
