import Foundation
import Testing
@testable import PaperGraphFuzzing

/// A short, deterministic in-process run of every fuzz harness, so a reader that
/// starts crashing on malformed input is caught by `swift test`, not only by
/// `make fuzz`. Passing means: every call returned (no trap, no hang).
@Suite struct HarnessSmokeTests {
    /// Mutated inputs per harness; with the seeds this stays around a second in debug.
    static let mutations = 60
    /// Mutations start from a seed's first bytes, keeping each run cheap.
    static let mutationBase = 4096

    @Test(arguments: FuzzHarness.allCases)
    func seedsAndMutations(_ harness: FuzzHarness) {
        let seeds = FuzzSeeds.inputs(for: harness)
        #expect(!seeds.isEmpty, "no fixture seeds the \(harness) harness")
        for seed in seeds { FuzzHarness.run(harness, seed.bytes) }

        let bases = seeds.map { Array($0.bytes.prefix(Self.mutationBase)) }
        var mutator = Mutator(seed: 0x5EED &+ UInt64(FuzzHarness.allCases.firstIndex(of: harness)!))
        for _ in 0..<Self.mutations {
            let seed = bases[mutator.below(bases.count)], other = bases[mutator.below(bases.count)]
            FuzzHarness.run(harness, mutator.mutate(seed, with: other))
        }
    }

    @Test(arguments: FuzzHarness.allCases)
    func degenerateInputs(_ harness: FuzzHarness) {
        for bytes: [UInt8] in [[], [0], [0xFF, 0xFE], Array("\n\n\n".utf8), [UInt8](repeating: 0x3C, count: 5000)] {
            FuzzHarness.run(harness, bytes)
        }
    }
}
