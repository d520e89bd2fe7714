#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an export failed. Messages name the file (or the library call) and the place.
public enum ExportError: Error, CustomStringConvertible, Equatable {
    /// A file could not be written; `step` says which system call failed.
    case io(path: String, step: String, reason: String)
    /// Graphviz refused the graph (layout or render); `detail` carries its own message.
    case graphviz(step: String, detail: String)
    /// `--around NAME` named nothing in the graph.
    case noSuchNode(name: String)
    /// An option value the exporter does not know.
    case unsupported(option: String, value: String, allowed: [String])

    /// The C library's text for an errno value.
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    public var description: String {
        switch self {
        case let .io(path, step, reason):
            return "\(path): \(step) failed: \(reason)"
        case let .graphviz(step, detail):
            return "graphviz \(step) failed" + (detail.isEmpty ? "" : ": \(detail)")
        case let .noSuchNode(name):
            return "--around \(name): no method, benchmark, paper or repository has this name, key or alias"
        case let .unsupported(option, value, allowed):
            return "\(option) \(value): not supported (use one of: \(allowed.joined(separator: ", ")))"
        }
    }
}
