/// A set for the handful of elements a paper's rules keep (names found,
/// gazetteer entries seen): up to ``linearLimit`` elements it is an array
/// searched in order, past that a `Set`.
///
/// Looking a short string up in a `Set` hashes all of it (SipHash) and a
/// first insert allocates its table; comparing a few short strings costs
/// less, and most lists of a paper never hold more than a few names. The
/// switch to hashing keeps a pathological abstract with thousands of names
/// from turning every lookup into a long scan.
struct SmallSet<Element: Hashable> {
    private var items: [Element] = []
    private var hashed: Set<Element>?

    static var linearLimit: Int { 16 }

    var isEmpty: Bool { items.isEmpty }

    func contains(_ element: Element) -> Bool {
        if let hashed { return hashed.contains(element) }
        return items.contains(element)
    }

    /// Inserts `element` unless present; returns whether it was inserted.
    @discardableResult
    mutating func insert(_ element: Element) -> Bool {
        if hashed != nil {
            guard hashed!.insert(element).inserted else { return false }
        } else {
            guard !items.contains(element) else { return false }
            if items.isEmpty { items.reserveCapacity(8) }
            if items.count == Self.linearLimit { hashed = Set(items).union(CollectionOfOne(element)) }
        }
        items.append(element)
        return true
    }

    mutating func remove(_ element: Element) {
        guard let k = items.firstIndex(of: element) else { return }
        items.remove(at: k)
        hashed?.remove(element)
    }

    /// The elements in the order they were inserted.
    var elements: [Element] { items }
}
