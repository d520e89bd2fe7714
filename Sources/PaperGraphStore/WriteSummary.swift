/// What one ``GraphStore/write(_:batchSize:)`` call did, for the build's report.
public struct WriteSummary: Equatable, Sendable {
    /// Papers not in the store before.
    public var papersAdded = 0
    /// Papers whose content changed: their extracted edges were replaced.
    public var papersReplaced = 0
    /// Papers whose fragment equals what is stored: nothing was written.
    public var papersUnchanged = 0
    /// Second and later fragments of a paper met while this store is open, merged in.
    public var papersMerged = 0
    /// Fragments without a paper (e.g. read from GraphML), merged in.
    public var otherFragments = 0

    public init() {}
}
