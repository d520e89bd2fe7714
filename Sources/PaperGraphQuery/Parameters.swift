import Foundation

extension CypherValue {
    /// A `--param name=value` value: JSON when it parses as JSON (`42`, `true`,
    /// `["MATH","GSM8K"]`, `{"a":1}`, `"quoted"`, `null`), else the text itself.
    public static func parameter(fromCommandLine text: String) -> CypherValue {
        guard let data = text.data(using: .utf8),
              let decoded = try? JSONDecoder().decode(JSONValue.self, from: data) else { return .string(text) }
        return decoded.value
    }

    /// Parses `name=value` into a parameter binding.
    public static func parameterBinding(_ argument: String) throws -> (String, CypherValue) {
        guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else {
            throw QueryError(.semantic, "--param needs name=value, got '\(argument)'")
        }
        return (String(argument[..<eq]), parameter(fromCommandLine: String(argument[argument.index(after: eq)...])))
    }
}

/// Decodes any JSON value into a ``CypherValue`` (integers stay integers).
private struct JSONValue: Decodable {
    let value: CypherValue

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = .null }
        else if let b = try? c.decode(Bool.self) { value = .bool(b) }
        else if let i = try? c.decode(Int.self) { value = .int(i) }
        else if let d = try? c.decode(Double.self) { value = .double(d) }
        else if let s = try? c.decode(String.self) { value = .string(s) }
        else if let list = try? c.decode([JSONValue].self) { value = .list(list.map(\.value)) }
        else { value = .map(try c.decode([String: JSONValue].self).mapValues(\.value)) }
    }
}
