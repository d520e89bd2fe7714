import PaperGraphModel

/// The binary encoding of node properties and edge evidence in the store.
///
/// Why not JSON: loading a 1M-paper store decodes about a gigabyte of abstracts
/// and five million evidence records, and `JSONDecoder` spends most of that time
/// building intermediate containers. This length-prefixed format decodes with one
/// `String(decoding:)` per string straight from SQLite's page memory.
///
/// Properties are written in key order, so one node always encodes to the same
/// bytes whatever the dictionary's iteration order; the content hash relies on it.
enum PropertyCoding {
    private enum Tag: UInt8 { case string = 0, int = 1, double = 2, bool = 3, strings = 4 }

    static func encode(_ properties: [String: PropertyValue], into writer: inout ByteWriter) {
        writer.varint(UInt64(properties.count))
        // Entries sorted whole, so no key is looked up a second time.
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            switch value {
            case .string(let s):
                writer.byte(Tag.string.rawValue); writer.string(s)
            case .int(let i):
                writer.byte(Tag.int.rawValue); writer.signed(i)
            case .double(let d):
                writer.byte(Tag.double.rawValue); writer.double(d)
            case .bool(let b):
                writer.byte(Tag.bool.rawValue); writer.byte(b ? 1 : 0)
            case .strings(let list):
                writer.byte(Tag.strings.rawValue)
                writer.varint(UInt64(list.count))
                for s in list { writer.string(s) }
            }
        }
    }

    static func decodeProperties(_ bytes: UnsafeRawBufferPointer) throws(ByteReader.Malformed) -> [String: PropertyValue] {
        var reader = ByteReader(bytes)
        if reader.isAtEnd { return [:] }
        let count = try reader.count()
        var properties = [String: PropertyValue](minimumCapacity: count)
        for _ in 0..<count {
            let key = try reader.string()
            guard let tag = Tag(rawValue: try reader.byte()) else { throw ByteReader.Malformed() }
            switch tag {
            case .string: properties[key] = .string(try reader.string())
            case .int: properties[key] = .int(try reader.signed())
            case .double: properties[key] = .double(try reader.double())
            case .bool: properties[key] = .bool(try reader.byte() != 0)
            case .strings:
                let n = try reader.count()
                var list: [String] = []
                list.reserveCapacity(n)
                for _ in 0..<n { list.append(try reader.string()) }
                properties[key] = .strings(list)
            }
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
        return properties
    }

    static func encode(_ evidence: [Evidence], into writer: inout ByteWriter) {
        writer.varint(UInt64(evidence.count))
        for item in evidence {
            writer.string(item.rule)
            writer.byte(fieldCode(item.field))
            writer.string(item.sentence)
            writer.signed(item.start)
            writer.signed(item.end)
        }
    }

    static func decodeEvidence(_ bytes: UnsafeRawBufferPointer) throws(ByteReader.Malformed) -> [Evidence] {
        var sentences = SentenceCache()
        var evidence: [Evidence] = []
        try walkEvidence(bytes, reserve: { evidence.reserveCapacity($0) }) { rule, field, sentence, start, end in
            evidence.append(Evidence(rule: String(decoding: rule, as: UTF8.self), field: field,
                                     sentence: sentences.string(sentence), start: start, end: end))
        }
        return evidence
    }

    /// How many items ``decodeEvidence(_:)`` gives, read from the leading count alone.
    static func evidenceCount(_ bytes: UnsafeRawBufferPointer) throws(ByteReader.Malformed) -> Int {
        var reader = ByteReader(bytes)
        return reader.isAtEnd ? 0 : try reader.count()
    }

    /// Throws where ``decodeEvidence(_:)`` would, without building anything: what a
    /// load checks of evidence it keeps encoded (see `EncodedEvidence`).
    static func validateEvidence(_ bytes: UnsafeRawBufferPointer) throws(ByteReader.Malformed) {
        try walkEvidence(bytes, reserve: { _ in }) { _, _, _, _, _ in }
    }

    /// The one reading of the evidence encoding: `reserve` gets the number of
    /// items, `item` each item's rule and sentence bytes, field and offsets.
    private static func walkEvidence(
        _ bytes: UnsafeRawBufferPointer, reserve: (Int) -> Void,
        _ item: (UnsafeRawBufferPointer, Evidence.Field, UnsafeRawBufferPointer, Int, Int) -> Void
    ) throws(ByteReader.Malformed) {
        var reader = ByteReader(bytes)
        if reader.isAtEnd { return }
        let count = try reader.count()
        reserve(count)
        for _ in 0..<count {
            let rule = try reader.bytes()
            let code = try reader.byte()
            guard Int(code) < fields.count else { throw ByteReader.Malformed() }
            let sentence = try reader.bytes()
            let start = try reader.signed()
            let end = try reader.signed()
            item(rule, fields[Int(code)], sentence, start, end)
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed() }
    }

    private static let fields: [Evidence.Field] = [.title, .abstract, .comment]

    private static func fieldCode(_ field: Evidence.Field) -> UInt8 {
        switch field {
        case .title: return 0
        case .abstract: return 1
        case .comment: return 2
        }
    }
}
