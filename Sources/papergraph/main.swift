import PaperGraph
do {
    let o = try Ontology.load(from: "ontology")
    print(o.benchmarks.count, o.methods.count, o.links)
} catch { print(error) }
