import PaperGraphModel
import PaperGraphOntology

/// All gazetteer names (benchmarks and methods, every alias) compiled once into
/// one byte trie, walked from each word start of a field.
///
/// Keys are folded the way abstracts vary: ASCII letters lower-cased, and
/// spaces and hyphens dropped, so `chain-of-thought`, `Chain of Thought` and
/// `GSM-8K`/`GSM8K` meet one path. Case rules are checked on the original bytes
/// after a path ends: an `exact` form must match its letters as written.
/// Matches are leftmost-longest, must start and end on word boundaries, and may
/// take a plural `s`.
struct GazetteerMatcher: Sendable {
    struct Payload: Sendable {
        var kind: NodeKind
        var entry: Int
        /// Index of the surface form in ``GazetteerEntry/surfaceForms``.
        var form: Int
        /// The form's alphanumeric bytes as written, for exact-case checks.
        var exactBytes: [UInt8]?
    }

    struct Match {
        var kind: NodeKind
        var entry: Int
        var form: Int
        var start: Int
        var end: Int
    }

    /// Root fan-out table (256 entries); other nodes keep their edges in one
    /// flat array (`edgeStart[n]..<edgeStart[n + 1]`), so a walk touches no
    /// reference-counted storage.
    private let trie: FrozenTrie
    /// Payloads of node `n`: `payloads[payloadStart[n]..<payloadStart[n + 1]]`.
    private var payloads: [Payload] = []

    init(ontology: Ontology) {
        var builder = Builder()
        for (kind, list) in [(NodeKind.benchmark, ontology.benchmarks), (.method, ontology.methods)] {
            for (index, entry) in list.enumerated() {
                for (formIndex, form) in entry.surfaceForms.enumerated() {
                    builder.insert(form.text, payload: Payload(kind: kind, entry: index, form: formIndex,
                                                               exactBytes: form.caseRule == .exact ? Self.alnum(form.text) : nil))
                }
            }
        }
        var edgeStart: [Int32] = [], edgeByte: [UInt8] = [], edgeTarget: [Int32] = [], payloadStart: [Int32] = []
        for n in builder.edgeBytes.indices {
            edgeStart.append(Int32(edgeByte.count))
            edgeByte += builder.edgeBytes[n]
            edgeTarget += builder.edgeTargets[n]
            payloadStart.append(Int32(payloads.count))
            payloads += builder.payloads[n]
        }
        edgeStart.append(Int32(edgeByte.count))
        payloadStart.append(Int32(payloads.count))
        trie = FrozenTrie(root: builder.rootTable, edgeStart: edgeStart, edgeByte: edgeByte,
                          edgeTarget: edgeTarget, payloadStart: payloadStart)
    }

    /// The trie's arrays copied once into raw memory: the walk is the hot loop
    /// of extraction, and raw buffers spare it bounds checks and reference counting.
    private final class FrozenTrie: @unchecked Sendable {
        let root: UnsafeMutableBufferPointer<Int32>
        let edgeStart: UnsafeMutableBufferPointer<Int32>
        let edgeByte: UnsafeMutableBufferPointer<UInt8>
        let edgeTarget: UnsafeMutableBufferPointer<Int32>
        let payloadStart: UnsafeMutableBufferPointer<Int32>
        /// For nodes with many children, the offset of their 256-entry table in
        /// `dense` (else -1): the first levels of the trie fan out widely.
        let denseOffset: UnsafeMutableBufferPointer<Int32>
        let dense: UnsafeMutableBufferPointer<Int32>

        init(root: [Int32], edgeStart: [Int32], edgeByte: [UInt8], edgeTarget: [Int32], payloadStart: [Int32]) {
            func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
                let p = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, a.count))
                _ = p.initialize(from: a)
                return p
            }
            self.root = copy(root)
            self.edgeStart = copy(edgeStart)
            self.edgeByte = copy(edgeByte)
            self.edgeTarget = copy(edgeTarget)
            self.payloadStart = copy(payloadStart)
            var offsets = [Int32](repeating: -1, count: max(1, edgeStart.count - 1))
            var table: [Int32] = []
            for n in 0..<(edgeStart.count - 1) where edgeStart[n + 1] - edgeStart[n] > 6 {
                offsets[n] = Int32(table.count)
                var row = [Int32](repeating: -1, count: 256)
                for k in Int(edgeStart[n])..<Int(edgeStart[n + 1]) { row[Int(edgeByte[k])] = edgeTarget[k] }
                table += row
            }
            self.denseOffset = copy(offsets)
            self.dense = copy(table)
        }

        deinit {
            root.deallocate(); edgeStart.deallocate(); edgeByte.deallocate()
            edgeTarget.deallocate(); payloadStart.deallocate(); denseOffset.deallocate(); dense.deallocate()
        }

        @inline(__always) func step(_ node: Int32, _ c: UInt8) -> Int32 {
            if node == 0 { return root[Int(c)] }
            let n = Int(node)
            let d = denseOffset[n]
            if d >= 0 { return dense[Int(d) + Int(c)] }
            var k = Int(edgeStart[n])
            let end = Int(edgeStart[n + 1])
            while k < end {
                if edgeByte[k] == c { return edgeTarget[k] }
                k += 1
            }
            return -1
        }

        @inline(__always) func hasPayload(_ node: Int32) -> Bool {
            payloadStart[Int(node)] != payloadStart[Int(node) + 1]
        }
    }

    /// The trie while it is built, with growable per-node lists.
    private struct Builder {
        var rootTable = [Int32](repeating: -1, count: 256)
        var edgeBytes: [[UInt8]] = [[]]
        var edgeTargets: [[Int32]] = [[]]
        var payloads: [[Payload]] = [[]]

        mutating func insert(_ text: String, payload: Payload) {
            var node: Int32 = 0
            var any = false
            for c in text.utf8 where !GazetteerMatcher.isSkipped(c) {
                node = child(of: node, Bytes.lower(c))
                any = true
            }
            guard any else { return }
            payloads[Int(node)].append(payload)
        }

        private mutating func child(of node: Int32, _ c: UInt8) -> Int32 {
            if node == 0, rootTable[Int(c)] >= 0 { return rootTable[Int(c)] }
            let n = Int(node)
            if node != 0, let k = edgeBytes[n].firstIndex(of: c) { return edgeTargets[n][k] }
            let new = Int32(payloads.count)
            edgeBytes.append([]); edgeTargets.append([]); payloads.append([])
            if node == 0 { rootTable[Int(c)] = new } else {
                edgeBytes[n].append(c)
                edgeTargets[n].append(new)
            }
            return new
        }
    }

    private static func alnum(_ s: String) -> [UInt8] {
        s.utf8.filter { Bytes.isAlnum($0) || $0 >= 0x80 || $0 == 0x2A || $0 == 0x2B }
    }

    /// Whether a byte is dropped from keys: spaces, hyphens, and the joiners `_`, `'`.
    @inline(__always) static func isSkipped(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x2D || c == 0x5F || c == 0x09 || c == 0x0A
    }

    /// All leftmost-longest matches in `text`, in order.
    func matches(in text: FieldText) -> [Match] {
        var out: [Match] = []
        text.bytes.withUnsafeBufferPointer { b in
            for token in text.tokens where token.kind == .word {
                // Only word starts that are not inside a hyphenated compound (`Self-PRM`).
                let s = token.start
                if s > 0, b[s - 1] == 0x2D || b[s - 1] == 0x2A { continue }
                if let last = out.last, last.end > s { continue }
                if let m = longest(from: s, in: b) { out.append(m) }
            }
        }
        return out
    }

    private func longest(from s: Int, in b: UnsafeBufferPointer<UInt8>) -> Match? {
        var node: Int32 = 0
        var i = s
        var best: Match?
        let n = b.count
        while i < n {
            let c = b[i]
            if Self.isSkipped(c) {
                // A separator may be skipped only between word bytes of one phrase.
                if i + 1 < n, Bytes.isSpace(b[i + 1]) || b[i + 1] == 0x2D { return best }
                i += 1
                continue
            }
            node = trie.step(node, Bytes.lower(c))
            if node < 0 { break }
            i += 1
            if trie.hasPayload(node) {
                var end = i
                if let m = accept(node: node, start: s, end: &end, in: b) {
                    if best == nil || m.end > best!.end { best = m }
                }
            }
        }
        return best
    }

    private func accept(node: Int32, start: Int, end: inout Int, in b: UnsafeBufferPointer<UInt8>) -> Match? {
        var e = end
        // Allow a plural `s`/`es` (GANs, transformers).
        if !Self.isBoundaryAfter(b, e) {
            if e < b.count, b[e] == 0x73, Self.isBoundaryAfter(b, e + 1) { e += 1 }
            else if e + 1 < b.count, b[e] == 0x65, b[e + 1] == 0x73, Self.isBoundaryAfter(b, e + 2) { e += 2 }
            else { return nil }
        }
        let written = b[start..<end]
        for index in Int(trie.payloadStart[Int(node)])..<Int(trie.payloadStart[Int(node) + 1]) {
            let p = payloads[index]
            if let exact = p.exactBytes {
                var k = 0
                var ok = true
                for c in written where Bytes.isAlnum(c) || c >= 0x80 || c == 0x2A || c == 0x2B {
                    // The first letter may be capitalised at a sentence start (`Deep RL`).
                    if k >= exact.count || (exact[k] != c && !(k == 0 && Bytes.isLowerASCII(exact[0]) && Bytes.lower(c) == exact[0])) {
                        ok = false; break
                    }
                    k += 1
                }
                guard ok, k == exact.count else { continue }
            }
            end = e
            return Match(kind: p.kind, entry: p.entry, form: p.form, start: start, end: e)
        }
        return nil
    }

    /// A name ends where no letter or digit follows, and not before `-X`/`-9`
    /// (then it is part of a longer name: `MATH-500`, `MATH-Vision`) or `*`.
    @inline(__always) static func isBoundaryAfter(_ b: UnsafeBufferPointer<UInt8>, _ e: Int) -> Bool {
        guard e < b.count else { return true }
        let c = b[e]
        if Bytes.isAlnum(c) || c == 0x2A || c == 0x2B || c == 0x5E { return false }
        if c >= 0xC0 { return false }
        if c == 0x2D, e + 1 < b.count, Bytes.isUpper(b[e + 1]) || Bytes.isDigit(b[e + 1]) { return false }
        if c == 0x2E, e + 1 < b.count, Bytes.isDigit(b[e + 1]) { return false }
        return true
    }
}
