/// Why an edge exists: the text it was read from and the rule that fired.
///
/// Offsets are UTF-8 byte offsets into the named field of the paper record as the
/// extractor saw it (``PaperRecord/title``, ``PaperRecord/abstract`` or
/// ``PaperRecord/comment``), so `papergraph show` can quote the exact words.
public struct Evidence: Hashable, Codable, Sendable {
    /// Which text of the paper the mention was found in.
    public enum Field: String, Codable, Sendable, CaseIterable {
        case title, abstract, comment
    }

    /// The identifier of the rule that fired, e.g. `gazetteer`, `we-propose`, `title-colon`.
    public var rule: String
    /// The field the mention is in.
    public var field: Field
    /// The sentence containing the mention, as written.
    public var sentence: String
    /// UTF-8 byte offset of the first byte of the mention in `field`.
    public var start: Int
    /// UTF-8 byte offset one past the mention's last byte in `field`.
    public var end: Int

    public init(rule: String, field: Field, sentence: String, start: Int, end: Int) {
        self.rule = rule
        self.field = field
        self.sentence = sentence
        self.start = start
        self.end = end
    }
}
