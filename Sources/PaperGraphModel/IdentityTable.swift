/// The graph's index of node identities: ``NodeID`` → node index.
///
/// Why not `[NodeID: Int]`: indexing the 1.56M nodes of a 1M-paper graph that way
/// took ~0.9 s of a load, about 600 ns per node: hashing a `String` through
/// `Hasher`, and writing keys, values and occupancy to three places in a 70 MB
/// table. Here a slot is one 64-bit word (32 bits of the identity's hash, 32 bits of
/// the node index), the key bytes are hashed with a byte-wise hash, and the
/// identity itself stays in the node array: an insert touches one cache line of
/// the table.
///
/// Probing is linear; the table is kept at most half full. A hash match is
/// confirmed against the node's own identity, so hash collisions cost a compare,
/// never a wrong answer. The hash is seeded per process, so a crafted corpus
/// cannot make every name collide.
struct IdentityTable: Sendable {
    /// 0 when empty; else the hash's high 32 bits above (node index + 1).
    private var slots: [UInt64] = []
    private(set) var count = 0

    init() {}

    /// Room for `capacity` identities without growing.
    init(capacity: Int) {
        reserveCapacity(capacity)
    }

    /// The index of the node with identity `id`, if present.
    func index(of id: NodeID, in nodes: [Node]) -> Int? {
        guard !slots.isEmpty else { return nil }
        return probe(id, Self.hash(id), in: nodes).existing
    }

    /// Records that `nodes[index]` has identity `id`, unless a node with that
    /// identity is already recorded.
    /// - Returns: the index already recorded for `id`, or nil when `index` was recorded.
    mutating func insert(_ id: NodeID, at index: Int, in nodes: [Node]) -> Int? {
        precondition(index >= 0 && index < Int(UInt32.max), "node index \(index) out of the table's range")
        if (count + 1) * 2 > slots.count { reserveCapacity(count + 1) }
        let hash = Self.hash(id)
        let (position, existing) = probe(id, hash, in: nodes)
        if let existing { return existing }
        slots[position] = hash & Self.tagMask | UInt64(index + 1)
        count += 1
        return nil
    }

    /// Walks `id`'s probe sequence: the index recorded for it, or the empty slot
    /// where it would go. The table must have at least one empty slot.
    private func probe(_ id: NodeID, _ hash: UInt64, in nodes: [Node]) -> (position: Int, existing: Int?) {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        let tag = hash & Self.tagMask
        while true {
            let slot = slots[position]
            if slot == 0 { return (position, nil) }
            if slot & Self.tagMask == tag {
                let index = Int(slot & Self.indexMask) - 1
                if nodes[index].id == id { return (position, index) }
            }
            position = (position + 1) & mask
        }
    }

    /// Grows the table to hold `capacity` identities at most half full.
    mutating func reserveCapacity(_ capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        guard size > slots.count else { return }
        let old = slots
        slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        // The slot's tag is the high half of the hash the position came from; the
        // position needs the low half, which a slot does not keep. So positions are
        // derived from the tag alone when rehashing, and on lookup too.
        for slot in old where slot != 0 {
            var position = Int(truncatingIfNeeded: slot >> 32) & mask
            while slots[position] != 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
    }

    private static let tagMask: UInt64 = 0xffff_ffff_0000_0000
    private static let indexMask: UInt64 = 0x0000_0000_ffff_ffff

    /// A process-seeded hash of kind and key whose high 32 bits are also where the
    /// identity's probing starts (see ``reserveCapacity(_:)``).
    static func hash(_ id: NodeID) -> UInt64 {
        var hash = seed ^ UInt64(truncatingIfNeeded: id.kind.ordinal + 1)
        var key = id.key
        key.withUTF8 { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        // Murmur3's finaliser spreads FNV's weak high bits over the whole word, then
        // the high half is copied down so a position and its tag agree.
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return (hash & tagMask) | (hash >> 32)
    }

    /// Fixed for the process's life, different from run to run.
    private static let seed = UInt64.random(in: 1...UInt64.max) | 0xcbf2_9ce4_8422_2325
}

extension NodeKind {
    /// The kind's place in `allCases`: a small number for arrays per kind and hashes.
    var ordinal: Int {
        switch self {
        case .paper: return 0
        case .method: return 1
        case .benchmark: return 2
        case .repository: return 3
        }
    }
}
