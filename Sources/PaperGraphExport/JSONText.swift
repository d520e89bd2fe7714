import PaperGraphModel

/// A minimal JSON text builder: exporters write many small objects, and building
/// them directly into one byte buffer is several times faster than going through
/// `JSONSerialization` dictionaries, while key order stays deterministic.
struct JSONText {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// A JSON string literal. Characters XML cannot carry are dropped as well, so
    /// the same text can sit inside a GraphML attribute value.
    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x2028: raw("\\u2028")
            case 0x2029: raw("\\u2029")
            default:
                if !XMLText.isAllowed(v) { continue }
                if v < 0x80 { bytes.append(UInt8(v)) } else { UTF8.encode(scalar) { bytes.append($0) } }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A property value: lists as JSON arrays, numbers and booleans as themselves.
    mutating func value(_ v: PropertyValue) {
        switch v {
        case .string(let s): string(s)
        case .int(let i): int(i)
        case .double(let d): double(d)
        case .bool(let b): raw(b ? "true" : "false")
        case .strings(let list): stringArray(list)
        }
    }

    mutating func stringArray(_ list: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (i, item) in list.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            string(item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Evidence as `[{rule, field, sentence, start, end}, …]`, the shape every
    /// exporter (and the GraphML reader) agrees on.
    mutating func evidence(_ items: [Evidence]) {
        bytes.append(UInt8(ascii: "["))
        for (i, e) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            raw("{\"rule\":"); string(e.rule)
            raw(",\"field\":"); string(e.field.rawValue)
            raw(",\"sentence\":"); string(e.sentence)
            raw(",\"start\":"); int(e.start)
            raw(",\"end\":"); int(e.end)
            raw("}")
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func int(_ i: Int) { raw(String(i)) }

    /// Finite doubles as JSON numbers; JSON has no NaN or infinity, so those become null.
    mutating func double(_ d: Double) {
        if d.isFinite { raw(String(d)) } else { raw("null") }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
