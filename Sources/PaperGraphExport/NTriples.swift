import PaperGraphModel
import PaperGraphOntology

/// RDF N-Triples with the ontology's IRIs: `<ns>Paper` classes,
/// `<ns>EVALUATES_ON` predicates, `<ns><property>` data properties.
///
/// Instances live under `<base>/resource/<Kind>/<key>`, where `base` is the
/// namespace without its trailing `#` or `/`. Every node gets `rdf:type` and
/// `rdfs:label`; list properties become one triple per element; ints, doubles
/// and booleans are typed literals. Evidence stays out (it needs reification);
/// GraphML and JSON carry it.
enum NTriples {
    static let rdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    static let rdfsLabel = "<http://www.w3.org/2000/01/rdf-schema#label>"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    static func text(_ graph: KnowledgeGraph, namespace: String) -> String {
        let order = StableOrder(graph)
        var base = namespace
        while base.hasSuffix("#") || base.hasSuffix("/") { base.removeLast() }
        let resource = base + "/resource/"
        func subject(_ index: Int) -> String {
            let node = graph.nodes[index]
            return "<" + iri(resource + node.kind.rawValue + "/" + percentEncoded(node.id.key)) + ">"
        }
        func term(_ name: String) -> String { "<" + iri(namespace + percentEncoded(name)) + ">" }

        var out = ""
        out.reserveCapacity(graph.nodeCount * 300)
        for index in order.nodes {
            let node = graph.nodes[index]
            let s = subject(index)
            out += "\(s) \(rdfType) \(term(node.kind.rawValue)) .\n"
            out += "\(s) \(rdfsLabel) \(RDFText.literal(node.name)) .\n"
            for name in node.properties.keys.sorted() where !PropertyColumns.reserved.contains(name) {
                let p = term(name)
                switch node.properties[name]! {
                case .string(let v): out += "\(s) \(p) \(RDFText.literal(v)) .\n"
                case .strings(let list):
                    for v in list { out += "\(s) \(p) \(RDFText.literal(v)) .\n" }
                case .int(let v): out += "\(s) \(p) \"\(v)\"^^<\(xsd)integer> .\n"
                case .double(let v) where v.isFinite: out += "\(s) \(p) \"\(v)\"^^<\(xsd)double> .\n"
                case .double: continue
                case .bool(let v): out += "\(s) \(p) \"\(v)\"^^<\(xsd)boolean> .\n"
                }
            }
        }
        for index in order.edges {
            let edge = graph.edges[index]
            out += "\(subject(edge.from)) \(term(edge.relation.rawValue)) \(subject(edge.to)) .\n"
        }
        return out
    }

    /// Percent-encodes what may not appear in one IRI path segment.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let keep = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            out += keep ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        return out
    }

    /// Escapes any character N-Triples forbids inside `<…>` that slipped into
    /// the namespace itself.
    static func iri(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
                for byte in String(scalar).utf8 { out += String(format: "%%%02X", byte) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

import Foundation
