import Foundation
import PaperGraphFuzzing

/// The harness named by `PAPERGRAPH_FUZZ_TARGET`, read once.
let selectedHarness: FuzzHarness? = ProcessInfo.processInfo.environment["PAPERGRAPH_FUZZ_TARGET"]
    .flatMap(FuzzHarness.init(rawValue:))

/// libFuzzer's entry point. The driver references this symbol even when it is
/// started through `LLVMFuzzerRunDriver`, so it must exist under this name.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let harness = selectedHarness else { return 0 }
    FuzzHarness.run(harness, UnsafeBufferPointer(start: size > 0 ? data : nil, count: size))
    return 0
}
