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

    /// The byte trie of all folded names (see ``FrozenTrie``).
    private let trie: FrozenTrie
    /// What each name in the trie stands for (see ``FrozenTrie/payloads(of:)``).
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
        trie = FrozenTrie(builder, payloads: &payloads)
    }

    /// The trie in one flat array of cells, copied once into raw memory: the
    /// walk is the hot loop of extraction, and raw buffers spare it bounds
    /// checks and reference counting.
    ///
    /// A node at address `a` is a header `cells[a]` = `index << 8 | edge count`
    /// (count 255: a node with many children), then its edges
    /// `code << 8 | byte` (or its 256-entry row of codes); its payloads are
    /// found by `index` in `payloadStart`, off the walk's path. A *code*
    /// is `address << 2 | hasRow << 1 | hasPayload`, -1 for none: the walk
    /// learns whether a name ends there, and whether the node has a row, without
    /// another load. A step into a node with a row reads only its row entry, not
    /// its header, which lies in another cache line: profiles showed the header
    /// read as the walk's main cache miss. A node without a row has its header
    /// and edges in one line. Nodes are laid out breadth-first, so the levels
    /// every walk goes through sit together. Address 0 is the root, a node with a
    /// 256-entry row like any other (code ``rootCode``), so a step needs no test for it.
    private final class FrozenTrie: @unchecked Sendable {
        let cells: UnsafeMutableBufferPointer<Int32>
        /// Payloads of the node with index `n`: `payloadStart[n]..<payloadStart[n + 1]`.
        let payloadStart: UnsafeMutableBufferPointer<Int32>
        private static var dense: Int32 { 0xFF }
        /// Nodes with more children than this get a 256-entry row.
        private static var denseFanOut: Int { 3 }
        /// The root's code: address 0, with a row, no payload.
        static var rootCode: Int32 { 2 }

        init(_ builder: Builder, payloads: inout [Payload]) {
            var order = builder.rootTable.filter { $0 >= 0 }
            var head = 0
            while head < order.count {
                order += builder.edgeTargets[Int(order[head])]
                head += 1
            }
            var address = [Int32](repeating: -1, count: builder.payloads.count)
            var size = 257
            for n in order {
                address[Int(n)] = Int32(size)
                let fanOut = builder.edgeBytes[Int(n)].count
                size += 1 + (fanOut > Self.denseFanOut ? 256 : fanOut)
            }
            // Codes shifted by 8 must fit 31 bits; so must node indices.
            precondition(size < 1 << 21, "gazetteer trie too large for 24-bit child codes")
            func code(_ n: Int32) -> Int32 {
                guard n >= 0 else { return -1 }
                let hasRow: Int32 = builder.edgeBytes[Int(n)].count > Self.denseFanOut ? 2 : 0
                return address[Int(n)] << 2 | hasRow | (builder.payloads[Int(n)].isEmpty ? 0 : 1)
            }
            var cells = [Int32](repeating: -1, count: size)
            // The root has no payloads (keys are not empty); its index is unused.
            cells[0] = Self.dense
            for c in 0..<256 { cells[1 + c] = code(builder.rootTable[c]) }
            var payloadStart: [Int32] = []
            for (index, n) in order.enumerated() {
                let a = Int(address[Int(n)])
                let bytes = builder.edgeBytes[Int(n)], targets = builder.edgeTargets[Int(n)]
                payloadStart.append(Int32(payloads.count))
                payloads += builder.payloads[Int(n)]
                if bytes.count > Self.denseFanOut {
                    cells[a] = Int32(index) << 8 | Self.dense
                    for (c, t) in zip(bytes, targets) { cells[a + 1 + Int(c)] = code(t) }
                } else {
                    cells[a] = Int32(index) << 8 | Int32(bytes.count)
                    for (k, (c, t)) in zip(bytes, targets).enumerated() { cells[a + 1 + k] = code(t) << 8 | Int32(c) }
                }
            }
            payloadStart.append(Int32(payloads.count))
            self.cells = .allocate(capacity: size)
            _ = self.cells.initialize(from: cells)
            self.payloadStart = .allocate(capacity: payloadStart.count)
            _ = self.payloadStart.initialize(from: payloadStart)
        }

        deinit {
            cells.deallocate()
            payloadStart.deallocate()
        }

        /// The code of the child of the node with code `node` by byte `c`, or -1.
        @inline(__always) func step(_ node: Int32, _ c: UInt8) -> Int32 {
            let a = Int(node >> 2)
            if node & 2 != 0 { return cells[a &+ 1 &+ Int(c)] }
            let fanOut = cells[a] & 0xFF
            var k = a &+ 1
            let end = k &+ Int(fanOut)
            while k < end {
                let e = cells[k]
                if UInt8(truncatingIfNeeded: e) == c { return e >> 8 }
                k &+= 1
            }
            return -1
        }

        /// Indices in ``GazetteerMatcher/payloads`` of the names ending at the node with code `node`.
        @inline(__always) func payloads(of node: Int32) -> Range<Int> {
            let index = Int(cells[Int(node >> 2)] >> 8)
            return Int(payloadStart[index])..<Int(payloadStart[index + 1])
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
        // Room for a field's usual few matches: growing from one doubles thrice.
        out.reserveCapacity(8)
        // The fold table is opened once per field, not per word start: each
        // access to a static goes through its lazy-initialisation check.
        Self.walkBytes.withUnsafeBufferPointer { fold in
            text.bytes.withUnsafeBufferPointer { b in
                for token in text.tokens where token.kind == .word {
                    // Only word starts that are not inside a hyphenated compound (`Self-PRM`).
                    let s = token.start
                    if s > 0, b[s - 1] == 0x2D || b[s - 1] == 0x2A { continue }
                    if let last = out.last, last.end > s { continue }
                    if let m = longest(from: s, in: b, fold: fold) { out.append(m) }
                }
            }
        }
        return out
    }

    /// Each byte as the walk reads it: ASCII letters lower-cased, and
    /// ``skipMark`` for the bytes ``isSkipped(_:)`` drops (0xFF never occurs in
    /// UTF-8), so one load answers both questions.
    private static let walkBytes: [UInt8] = (0...255).map { c in
        isSkipped(UInt8(c)) ? skipMark : Bytes.lower(UInt8(c))
    }
    private static var skipMark: UInt8 { 0xFF }

    /// The longest match starting at byte `s`; `fold` is ``walkBytes``.
    private func longest(from s: Int, in b: UnsafeBufferPointer<UInt8>, fold: UnsafeBufferPointer<UInt8>) -> Match? {
        var node = FrozenTrie.rootCode
        var i = s
        var best: Match?
        let n = b.count
        while i < n {
            let c = fold[Int(b[i])]
            if c == Self.skipMark {
                // A separator may be skipped only between word bytes of one phrase.
                if i &+ 1 < n, Bytes.isSpace(b[i &+ 1]) || b[i &+ 1] == 0x2D { return best }
                i &+= 1
                continue
            }
            let code = trie.step(node, c)
            if code < 0 { break }
            node = code
            i &+= 1
            if code & 1 != 0 {
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
        for index in trie.payloads(of: node) {
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
