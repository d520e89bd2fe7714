/// A typed property value on a node.
///
/// Kept deliberately small: every exporter (GraphML `attr.type`, JSON, CSV, RDF)
/// and the query engine must be able to represent each case.
public enum PropertyValue: Hashable, Codable, Sendable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case strings([String])

    public var description: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        case .strings(let list): return list.joined(separator: "; ")
        }
    }

    /// The string payload when this is a `.string`, else nil.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The list payload when this is `.strings`, a one-element list for `.string`.
    public var stringsValue: [String]? {
        switch self {
        case .strings(let list): return list
        case .string(let s): return [s]
        default: return nil
        }
    }
}
