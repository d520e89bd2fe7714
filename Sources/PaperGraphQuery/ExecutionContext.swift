import Foundation
import PaperGraphModel

typealias Row = [String: CypherValue]

/// Everything one query run needs besides its rows: the graph, parameters,
/// limits, and caches (compiled regular expressions).
final class ExecutionContext {
    let catalog: GraphCatalog
    /// The catalog's graph, held directly so hot loops do not go through the catalog.
    let graph: KnowledgeGraph
    let parameters: [String: CypherValue]
    let limits: QueryLimits
    private let deadline: UInt64
    private var steps = 0
    private var regexCache: [String: NSRegularExpression] = [:]
    var statistics = QueryStatistics()

    init(catalog: GraphCatalog, parameters: [String: CypherValue], limits: QueryLimits) {
        self.catalog = catalog
        self.graph = catalog.graph
        self.parameters = parameters
        self.limits = limits
        let nanos = limits.timeout.map { UInt64(max(0, $0) * 1e9) } ?? UInt64.max / 2
        deadline = DispatchTime.now().uptimeNanoseconds &+ nanos
    }


    /// Called inside every loop that can run long (expansion, projection); checks
    /// the clock every few thousand steps so the check costs next to nothing.
    @inline(__always)
    func tick() throws {
        steps &+= 1
        if steps & 4095 == 0 { try checkDeadline() }
    }

    func checkDeadline() throws {
        if DispatchTime.now().uptimeNanoseconds > deadline {
            throw QueryError(.timeout, "query stopped after \(QueryLimits.describe(limits.timeout ?? 0)) "
                             + "(--timeout); narrow the pattern, bound the path length, or raise the limit")
        }
    }

    var remainingSeconds: Double {
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= deadline ? 0 : Double(deadline - now) / 1e9
    }

    // MARK: Regular expressions

    /// Full-match test of `text` against `pattern` with a time budget.
    ///
    /// ICU's backtracking engine can take exponential time on patterns like
    /// `(a+)+b`; `.reportProgress` makes it call back while it works, and the
    /// callback stops it once the query's deadline (or 1 s for this one match,
    /// whichever comes first) has passed, turning a hang into a clear error.
    func regexMatches(_ text: String, _ pattern: String, offset: Int) throws -> Bool {
        let regex: NSRegularExpression
        if let cached = regexCache[pattern] {
            regex = cached
        } else {
            if let nested = RegexSafety.nestedQuantifier(in: pattern) {
                throw QueryError(.runtime, "regular expression \"\(pattern)\" nests a repeated group inside a "
                                 + "repetition (\(nested)), which can backtrack catastrophically; write it without the nesting",
                                 at: offset)
            }
            do {
                regex = try NSRegularExpression(pattern: "^(?:" + pattern + ")$", options: [])
            } catch {
                throw QueryError(.runtime, "invalid regular expression \"\(pattern)\"", at: offset)
            }
            regexCache[pattern] = regex
        }
        let budget = min(remainingSeconds, 1.0)
        let start = DispatchTime.now().uptimeNanoseconds
        var matched = false
        var timedOut = false
        let range = NSRange(location: 0, length: (text as NSString).length)
        regex.enumerateMatches(in: text, options: [.reportProgress], range: range) { match, _, stop in
            if match != nil {
                matched = true
                stop.pointee = true
            } else if Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 > budget {
                timedOut = true
                stop.pointee = true
            }
        }
        if timedOut {
            throw QueryError(.timeout, "regular expression \"\(pattern)\" took too long on one value "
                             + "(catastrophic backtracking?); simplify it", at: offset)
        }
        return matched
    }
}

/// Limits that keep a runaway query from hanging the tool.
public struct QueryLimits: Sendable {
    /// Most rows a query may return; more is an error, not a silent truncation.
    public var maxRows: Int
    /// Wall-clock budget in seconds; nil for none.
    public var timeout: Double?

    public init(maxRows: Int = 100_000, timeout: Double? = 30) {
        self.maxRows = maxRows
        self.timeout = timeout
    }

    static func describe(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
