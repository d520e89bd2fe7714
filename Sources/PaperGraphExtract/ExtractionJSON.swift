import PaperGraphModel

/// The `papergraph extract` output: one JSON object per paper, in the field
/// names of the evaluation guideline, with evidence for every item.
///
/// Written by hand rather than with `JSONEncoder` so the key order is fixed
/// (the output is diffable and deterministic) and no dictionary is built per line.
public enum ExtractionJSON {
    /// The JSON object for one paper, without a trailing newline.
    public static func line(for record: PaperRecord, extraction: Extraction) -> String {
        var out = "{\"id\":"
        out.reserveCapacity(1024)
        string(record.arxivID ?? Fold.slug(record.title), into: &out)
        out += ",\"title\":"
        string(record.title, into: &out)
        let fields: [(String, [Mention])] = [
            ("proposes", extraction.proposes), ("uses", extraction.uses),
            ("evaluates_on", extraction.evaluatesOn), ("introduces", extraction.introduces),
            ("repositories", extraction.repositories), ("homepages", extraction.homepages),
        ]
        for (key, mentions) in fields {
            out += ",\"\(key)\":["
            for (i, m) in mentions.enumerated() {
                if i > 0 { out += "," }
                string(m.name, into: &out)
            }
            out += "]"
        }
        out += ",\"evidence\":["
        var first = true
        for (key, mentions) in fields {
            for m in mentions {
                if !first { out += "," }
                first = false
                out += "{\"field\":\"\(m.evidence.field.rawValue)\",\"name\":"
                string(m.name, into: &out)
                out += ",\"relation\":\"\(key)\",\"rule\":"
                string(m.evidence.rule, into: &out)
                out += ",\"sentence\":"
                string(m.evidence.sentence, into: &out)
                out += ",\"start\":\(m.evidence.start),\"end\":\(m.evidence.end)}"
            }
        }
        out += "]"
        // Only when something was left out, so ordinary lines keep the documented shape.
        if !extraction.notes.isEmpty {
            out += ",\"notes\":["
            for (i, note) in extraction.notes.enumerated() {
                if i > 0 { out += "," }
                string(note, into: &out)
            }
            out += "]"
        }
        out += "}"
        return out
    }

    /// Appends `s` as a JSON string literal.
    static func string(_ s: String, into out: inout String) {
        out += "\""
        var plainStart = s.utf8.startIndex
        let utf8 = s.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let c = utf8[i]
            if c == 0x22 || c == 0x5C || c < 0x20 {
                out += String(s.utf8[plainStart..<i])!
                switch c {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += "\\u00" + String(decoding: [hex[Int(c >> 4)], hex[Int(c & 15)]], as: UTF8.self)
                }
                plainStart = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        out += String(s.utf8[plainStart..<utf8.endIndex])!
        out += "\""
    }
}
