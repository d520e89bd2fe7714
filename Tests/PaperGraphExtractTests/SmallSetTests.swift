import Testing
@testable import PaperGraphExtract

/// ``SmallSet`` and ``SmallMap`` switch from an array to hashing past
/// ``SmallSet/linearLimit`` items; either way they must answer as `Set` and
/// `Dictionary` do, keep insertion order, and keep the first pairing.
@Suite struct SmallSetTests {
    /// Inserts, repeats and removals across the switch, checked against a `Set` at every step.
    @Test(arguments: [3, SmallSet<String>.linearLimit, SmallSet<String>.linearLimit + 1, 200])
    func answersAsASet(count: Int) {
        var small = SmallSet<String>()
        var reference = Set<String>()
        var order: [String] = []
        for k in 0 ..< count {
            let name = "name \(k % (count / 2 + 1))"   // every name after the first half repeats
            let inserted = small.insert(name)
            #expect(inserted == reference.insert(name).inserted, "insert \(name)")
            if inserted { order.append(name) }
            if k % 5 == 4 {
                small.remove(order[0])
                reference.remove(order.removeFirst())
            }
            #expect(small.elements == order)
            #expect(small.isEmpty == reference.isEmpty)
        }
        for k in 0 ..< count + 2 {
            #expect(small.contains("name \(k)") == reference.contains("name \(k)"), "contains name \(k)")
        }
    }

    @Test(arguments: [2, SmallSet<String>.linearLimit + 1, 100])
    func mapKeepsTheFirstPairing(count: Int) {
        var small = SmallMap<String, Int>()
        var reference: [String: Int] = [:]
        for k in 0 ..< 2 * count {
            let key = "key \(k % count)"
            small.insertIfAbsent(key, k)
            if reference[key] == nil { reference[key] = k }
        }
        #expect(!small.isEmpty)
        for k in 0 ..< count + 2 {
            #expect(small.value(for: "key \(k)") == reference["key \(k)"], "key \(k)")
        }
    }
}
