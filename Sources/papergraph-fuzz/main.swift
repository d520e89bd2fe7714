// The libFuzzer driver for papergraph's parsers. Built only with
// `PAPERGRAPH_FUZZ=1` and `-sanitize=fuzzer,address` (see `make fuzz`); the
// harness is chosen by `PAPERGRAPH_FUZZ_TARGET` (a `FuzzHarness` name) and
// every other argument is libFuzzer's own (`-max_total_time=60 corpus/ seeds/`).
import Foundation
import PaperGraphFuzzing

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

guard selectedHarness != nil else {
    let names = FuzzHarness.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("papergraph-fuzz: set PAPERGRAPH_FUZZ_TARGET to one of: \(names)\n".utf8))
    exit(2)
}
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    LLVMFuzzerTestOneInput(data, size)
})
