import Foundation
import Testing
import PaperGraphModel

/// An edge keeps its evidence either as items or encoded (as a store loads it);
/// which one must not show: the same evidence reads, compares and hashes the same.
@Suite struct EncodedEvidenceTests {
    static let items = [
        Evidence(rule: "gazetteer", field: .abstract, sentence: "We evaluate on MATH and GSM8K.", start: 15, end: 19),
        Evidence(rule: "benchmark-list", field: .title, sentence: "Reasoning on MATH", start: 13, end: 17),
    ]

    /// Each edge's evidence as JSON, back to back in one block, and where each edge's is.
    static func block(_ perEdge: [[Evidence]]) throws -> (EncodedEvidence, [Range<Int>]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for evidence in perEdge {
            let start = bytes.count
            if !evidence.isEmpty { bytes += try JSONEncoder().encode(evidence) }
            ranges.append(start ..< bytes.count)
        }
        let block = EncodedEvidence(bytes: bytes) { (try? JSONDecoder().decode([Evidence].self, from: Data($0))) ?? [] }
        return (block, ranges)
    }

    @Test func encodedAndDecodedEdgesAreOneEdge() throws {
        let (block, ranges) = try Self.block([[], Self.items, [Self.items[1]]])
        let encoded = Edge(from: 3, relation: .evaluatesOn, to: 7, evidence: ranges[1], of: block)
        let decoded = Edge(from: 3, relation: .evaluatesOn, to: 7, evidence: Self.items)
        #expect(encoded.evidence == Self.items)
        #expect(encoded.evidenceCount == 2 && decoded.evidenceCount == 2)
        #expect(encoded == decoded)
        #expect(encoded.hashValue == decoded.hashValue)
        #expect(Set([encoded, decoded]).count == 1)
        #expect((encoded.from, encoded.relation, encoded.to) == (3, .evaluatesOn, 7))

        let other = Edge(from: 3, relation: .evaluatesOn, to: 7, evidence: ranges[2], of: block)
        #expect(other != encoded && other.evidence == [Self.items[1]])
        let empty = Edge(from: 3, relation: .evaluatesOn, to: 7, evidence: ranges[0], of: block)
        #expect(empty.evidence.isEmpty && empty.evidenceCount == 0 && empty == Edge(from: 3, relation: .evaluatesOn, to: 7))
        #expect(Edge(from: 4, relation: .evaluatesOn, to: 7, evidence: ranges[1], of: block) != decoded)
    }

    @Test func writingEvidenceReplacesTheEncodedOne() throws {
        let (block, ranges) = try Self.block([Self.items])
        var edge = Edge(from: 0, relation: .uses, to: 1, evidence: ranges[0], of: block)
        edge.evidence.append(Self.items[0])
        #expect(edge.evidence == Self.items + [Self.items[0]])
        edge.evidence = []
        #expect(edge.evidence.isEmpty)
        // The block is untouched: other edges still read their own evidence from it.
        #expect(Edge(from: 0, relation: .uses, to: 1, evidence: ranges[0], of: block).evidence == Self.items)
    }

    @Test func largeNodeIndicesSurviveTheCompactEnds() {
        let edge = Edge(from: Int(Int32.max), relation: .proposes, to: 0)
        #expect(edge.from == Int(Int32.max) && edge.to == 0)
    }
}
