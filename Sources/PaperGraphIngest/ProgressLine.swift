#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line on standard error for long inputs: papers read, papers
/// per second, bytes read.
///
/// Drawn only when standard error is a terminal (a log file should not fill
/// with carriage returns) and at most four times a second, so drawing never
/// costs reading speed.
final class ProgressLine {
    private let started: Double
    private var lastDrawn: Double
    private var drawn = false
    private static let interval = 0.25

    /// A progress line when `enabled` and standard error is a terminal, else nil.
    static func make(enabled: Bool) -> ProgressLine? {
        enabled && isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
    }

    private init() {
        started = ProgressLine.now()
        lastDrawn = started
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    func update(records: Int, bytes: Int) {
        let now = ProgressLine.now()
        guard now - lastDrawn >= ProgressLine.interval else { return }
        lastDrawn = now
        let rate = Double(records) / max(now - started, 1e-9)
        let megabytes = Double(bytes) / 1_048_576
        let line = "\r\u{1B}[Kingest: \(records) papers, \(Int(rate.rounded())) papers/s, "
            + "\(Int(megabytes.rounded())) MiB read"
        write(line)
        drawn = true
    }

    /// Clears the line so the next message starts on a clean line.
    func finish() {
        if drawn { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
