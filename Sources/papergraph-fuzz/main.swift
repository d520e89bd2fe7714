// The libFuzzer driver for papergraph's parsers. Built only with
// `PAPERGRAPH_FUZZ=1` and `-sanitize=fuzzer,address` (see `make fuzz`); the
// harness is chosen by `PAPERGRAPH_FUZZ_TARGET` (a `FuzzHarness` name) and
// every other argument is libFuzzer's own (`-max_total_time=60 corpus/ seeds/`).
// With `PAPERGRAPH_FUZZ_WRITE_SEEDS=dir` it writes the harness's seeds there and exits.
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
// `make fuzz` asks for the seed corpus first: the harness knows its seeds.
if let dir = ProcessInfo.processInfo.environment["PAPERGRAPH_FUZZ_WRITE_SEEDS"] {
    for seed in FuzzSeeds.inputs(for: selectedHarness!) {
        let path = "\(dir)/\(seed.name)"
        guard FileManager.default.createFile(atPath: path, contents: Data(seed.bytes)) else {
            FileHandle.standardError.write(Data("papergraph-fuzz: cannot write seed \(path)\n".utf8))
            exit(1)
        }
    }
    exit(0)
}
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    LLVMFuzzerTestOneInput(data, size)
})
