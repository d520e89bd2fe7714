// swift-tools-version:6.1
// papergraph: a knowledge graph over research-paper abstracts.
//
// One library target per pipeline stage, so the dependency direction is visible
// here: Model ← Ontology ← Extract; Model ← Ingest / Store / Query / Export;
// PaperGraph (the pipeline) ties them together; `papergraph` is the thin CLI.
import PackageDescription
import Foundation

let package = Package(
    name: "papergraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "papergraph", targets: ["papergraph"]),
        .library(name: "PaperGraph", targets: ["PaperGraph"]),
        .library(name: "PaperGraphModel", targets: ["PaperGraphModel"]),
        .library(name: "PaperGraphOntology", targets: ["PaperGraphOntology"]),
        .library(name: "PaperGraphIngest", targets: ["PaperGraphIngest"]),
        .library(name: "PaperGraphExtract", targets: ["PaperGraphExtract"]),
        .library(name: "PaperGraphStore", targets: ["PaperGraphStore"]),
        .library(name: "PaperGraphQuery", targets: ["PaperGraphQuery"]),
        .library(name: "PaperGraphExport", targets: ["PaperGraphExport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // System libraries (C), each with a shim header.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc",
                       providers: [.apt(["libgraphviz-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),

        // Stages.
        .target(name: "PaperGraphModel"),
        .target(name: "PaperGraphOntology",
                dependencies: ["PaperGraphModel", "Yams"]),
        .target(name: "PaperGraphIngest",
                dependencies: ["PaperGraphModel", "CLibXML2", "CZlib"]),
        .target(name: "PaperGraphExtract",
                dependencies: ["PaperGraphModel", "PaperGraphOntology"]),
        .target(name: "PaperGraphStore",
                dependencies: ["PaperGraphModel", "CSQLite"]),
        .target(name: "PaperGraphQuery",
                dependencies: ["PaperGraphModel"]),
        .target(name: "PaperGraphExport",
                dependencies: ["PaperGraphModel", "PaperGraphOntology", "CGraphviz"]),
        .target(name: "PaperGraph",
                dependencies: ["PaperGraphModel", "PaperGraphOntology", "PaperGraphIngest",
                               "PaperGraphExtract", "PaperGraphStore", "PaperGraphQuery",
                               "PaperGraphExport"],
                resources: [.copy("Resources/daily-papers.txt")]),
        // Fuzz harnesses for every parser, an ordinary library so the test suite runs them too.
        .target(name: "PaperGraphFuzzing",
                dependencies: ["PaperGraphModel", "PaperGraphOntology", "PaperGraphIngest", "PaperGraphExtract",
                               "PaperGraphQuery"]),
        .executableTarget(name: "papergraph",
                          dependencies: ["PaperGraph", "PaperGraphExport",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // `make bench`: throughput, memory and latency beside the Python peer.
        .executableTarget(name: "papergraph-bench",
                          dependencies: ["PaperGraph",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // Checks several test targets share (libxml2 validation); not a product.
        .target(name: "PaperGraphTestSupport", dependencies: ["CLibXML2"]),

        // Tests: one target per library target; fixtures live beside them.
        .testTarget(name: "PaperGraphModelTests", dependencies: ["PaperGraphModel"]),
        .testTarget(name: "PaperGraphOntologyTests", dependencies: ["PaperGraphOntology"], exclude: ["Fixtures"]),
        .testTarget(name: "PaperGraphIngestTests", dependencies: ["PaperGraphIngest", "CLibXML2"], exclude: ["Fixtures"]),
        .testTarget(name: "PaperGraphExtractTests", dependencies: ["PaperGraphExtract"], exclude: ["Fixtures"]),
        .testTarget(name: "PaperGraphStoreTests", dependencies: ["PaperGraphStore", "CSQLite"]),
        .testTarget(name: "PaperGraphQueryTests", dependencies: ["PaperGraphQuery"], exclude: ["Fixtures"]),
        .testTarget(name: "PaperGraphExportTests", dependencies: ["PaperGraphExport", "CLibXML2", "CGraphviz", "PaperGraphTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "PaperGraphTests", dependencies: ["PaperGraph", "PaperGraphTestSupport", "CLibXML2"]),
        .testTarget(name: "PaperGraphFuzzingTests", dependencies: ["PaperGraphFuzzing"], exclude: ["Regressions"]),
    ]
)

// The libFuzzer driver exists only when asked for (`make fuzz` sets
// PAPERGRAPH_FUZZ=1 and builds with -sanitize=fuzzer): an ordinary build has
// no libFuzzer runtime to link `LLVMFuzzerRunDriver` against.
if ProcessInfo.processInfo.environment["PAPERGRAPH_FUZZ"] == "1" {
    package.products.append(.executable(name: "papergraph-fuzz", targets: ["papergraph-fuzz"]))
    package.targets.append(.executableTarget(name: "papergraph-fuzz", dependencies: ["PaperGraphFuzzing"]))
}
