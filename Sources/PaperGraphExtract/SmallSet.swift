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

/// A map for the few acronym/expansion pairs of a paper, kept the way
/// ``SmallSet`` keeps its elements: an array of pairs searched in order, a
/// `Dictionary` past ``SmallSet/linearLimit`` pairs.
struct SmallMap<Key: Hashable, Value> {
    private var pairs: [(key: Key, value: Value)] = []
    private var hashed: [Key: Value]?

    var isEmpty: Bool { pairs.isEmpty }

    func value(for key: Key) -> Value? {
        if let hashed { return hashed[key] }
        return pairs.first { $0.key == key }?.value
    }

    /// Maps `key` to `value` unless `key` is already mapped: the first pairing stands.
    mutating func insertIfAbsent(_ key: Key, _ value: Value) {
        guard self.value(for: key) == nil else { return }
        pairs.append((key, value))
        if hashed != nil {
            hashed![key] = value
        } else if pairs.count > SmallSet<Key>.linearLimit {
            hashed = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        }
    }
}
