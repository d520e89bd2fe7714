import PaperGraphModel

/// The six output lists of one paper while rules run: de-duplicated on folded
/// names (and on acronym/expansion pairs the abstract defines), then ordered by
/// where each item was first found.
struct Collector {
    enum Slot: Int, CaseIterable { case proposes, uses, evaluatesOn, introduces, repositories, homepages }

    private(set) var lists = PerSlot<[Mention]>([])
    /// The key of each mention of `lists` (`Fold.key` of its name; lower-cased
    /// for links), in the same order: mentions and keys are added and removed
    /// together, so ``extraction()`` reads keys instead of folding names again.
    private var keys = PerSlot<SmallSet<String>>(SmallSet())
    /// Folded name → folded partner (acronym ↔ expansion) defined in the abstract.
    private var partners = SmallMap<String, String>()

    /// Records that `a` and `b` are one name (an acronym and its expansion).
    mutating func pair(_ a: String, _ b: String) {
        let fa = Fold.key(a), fb = Fold.key(b)
        guard !fa.isEmpty, !fb.isEmpty, fa != fb else { return }
        partners.insertIfAbsent(fa, fb)
        partners.insertIfAbsent(fb, fa)
    }

    func contains(_ slot: Slot, _ name: String) -> Bool {
        // An empty list answers before the name is folded.
        guard !keys[slot.rawValue].isEmpty else { return false }
        return contains(slot, folded: Fold.key(name))
    }

    func contains(_ slot: Slot, folded key: String) -> Bool {
        // Most lists of a paper are empty or short: an empty set answers at once.
        let set = keys[slot.rawValue]
        guard !set.isEmpty else { return false }
        if set.contains(key) { return true }
        guard !partners.isEmpty, let partner = partners.value(for: key) else { return false }
        return set.contains(partner)
    }

    /// Adds a mention unless the slot already has it (or its acronym partner).
    /// - Returns: whether it was added.
    @discardableResult
    mutating func add(_ slot: Slot, _ name: String, _ evidence: Evidence) -> Bool {
        add(slot, name, key: slot.rawValue >= Slot.repositories.rawValue ? name.lowercased() : Fold.key(name), evidence)
    }

    /// ``add(_:_:_:)`` for a caller that has the name's key at hand
    /// (`Fold.key(name)`; lower-cased for links), so it is not folded again.
    @discardableResult
    mutating func add(_ slot: Slot, _ name: String, key: String, _ evidence: Evidence) -> Bool {
        guard !key.isEmpty, !contains(slot, folded: key) else { return false }
        // A list's first name sizes its array for a paper's usual few:
        // growing from one element reallocates at every doubling.
        if lists[slot.rawValue].isEmpty { lists[slot.rawValue].reserveCapacity(8) }
        keys[slot.rawValue].insert(key)
        lists[slot.rawValue].append(Mention(name: name, evidence: evidence))
        return true
    }

    /// Removes a mention (a rule later found it belongs elsewhere).
    mutating func remove(_ slot: Slot, folded key: String) {
        let partner = partners.value(for: key)
        lists[slot.rawValue].removeAll {
            let k = Fold.key($0.name)
            return k == key || k == partner
        }
        keys[slot.rawValue].remove(key)
        if let partner { keys[slot.rawValue].remove(partner) }
    }

    /// Removes one name from a list, leaving its acronym or expansion partner.
    mutating func removeOnly(_ slot: Slot, folded key: String) {
        lists[slot.rawValue].removeAll { Fold.key($0.name) == key }
        keys[slot.rawValue].remove(key)
    }

    /// The final extraction: methods a paper proposes are not also "used",
    /// benchmarks it introduces are not also "evaluated on", and every list is
    /// in text order (title, abstract, comment; then offset).
    func extraction() -> Extraction {
        func ordered(_ slot: Slot, excluding other: Slot? = nil) -> [Mention] {
            var list = lists[slot.rawValue]
            if let other, !keys[other.rawValue].isEmpty {
                // The lists excluded from (proposes, uses, evaluatesOn) are keyed by
                // `Fold.key`, as ``contains(_:_:)`` folds: their kept keys answer.
                let listKey = keys[slot.rawValue].elements
                if listKey.contains(where: { contains(other, folded: $0) }) {
                    list = zip(list, listKey).filter { !contains(other, folded: $0.1) }.map(\.0)
                }
            }
            // Nothing to order (the usual case for most lists): no sort, no copies.
            guard list.count > 1 else { return list }
            // Rules mostly add in text order: a list already in order is kept as it is.
            var inOrder = true
            for k in 1..<list.count where Self.precedes(list[k].evidence, list[k - 1].evidence) {
                inOrder = false
                break
            }
            if inOrder { return list }
            return list.enumerated().sorted { a, b in
                let fa = Self.rank(a.element.evidence.field), fb = Self.rank(b.element.evidence.field)
                if fa != fb { return fa < fb }
                if a.element.evidence.start != b.element.evidence.start { return a.element.evidence.start < b.element.evidence.start }
                return a.offset < b.offset
            }.map(\.element)
        }
        return Extraction(proposes: ordered(.proposes, excluding: .introduces),
                          uses: ordered(.uses, excluding: .proposes),
                          evaluatesOn: ordered(.evaluatesOn, excluding: .introduces),
                          introduces: ordered(.introduces),
                          repositories: ordered(.repositories),
                          homepages: ordered(.homepages))
    }

    /// Whether `a` comes before `b` in text order (field, then offset).
    private static func precedes(_ a: Evidence, _ b: Evidence) -> Bool {
        let fa = rank(a.field), fb = rank(b.field)
        return fa != fb ? fa < fb : a.start < b.start
    }

    private static func rank(_ field: Evidence.Field) -> Int {
        switch field {
        case .title: return 0
        case .abstract: return 1
        case .comment: return 2
        }
    }
}

/// One value per ``Collector/Slot``, stored inline: an array of six lists
/// cost each paper an allocation (and its release) for the array itself.
struct PerSlot<Value> {
    private var proposes, uses, evaluatesOn, introduces, repositories, homepages: Value

    init(_ value: Value) {
        (proposes, uses, evaluatesOn, introduces, repositories, homepages) = (value, value, value, value, value, value)
    }

    /// The value of the slot with raw value `index`, read or changed in place.
    subscript(index: Int) -> Value {
        get {
            switch index {
            case 0: return proposes
            case 1: return uses
            case 2: return evaluatesOn
            case 3: return introduces
            case 4: return repositories
            default: return homepages
            }
        }
        _modify {
            switch index {
            case 0: yield &proposes
            case 1: yield &uses
            case 2: yield &evaluatesOn
            case 3: yield &introduces
            case 4: yield &repositories
            default: yield &homepages
            }
        }
    }
}
