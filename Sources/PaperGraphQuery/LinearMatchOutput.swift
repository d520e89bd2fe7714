/// The RETURN of a ``LinearMatchPlan``: DISTINCT, SKIP, LIMIT and the row limit,
/// applied to matches as ``ProjectionStage`` and ``ResultStage`` apply them to
/// rows (same order of checks, same errors), keeping node indices only.
struct LinearMatchOutput {
    private let context: ExecutionContext
    private let catalog: GraphCatalog
    private let maxRows: Int
    private let projection: Projection
    private let slotPositions: [Int]
    /// Every row kept: with DISTINCT, also the rows SKIP dropped (the first
    /// `skipped`), since later rows must still be compared with them.
    private var store: NodeColumns
    private var skipped = 0
    private var distinct: DistinctNodeRows?
    /// The property columns the output reads, one per key, checked out of the catalog until ``close()``.
    private let checkedOut: [PropertyColumn]
    /// Per output column of a property: its slot and column (filled in for every row kept).
    private let filled: [(slot: Int, column: PropertyColumn)]
    /// What `filled`'s columns know of each node, read without counting references.
    private let fillEntries: [UnsafePointer<PropertyColumn.Entry>]
    /// The current match's node per slot.
    private var slots: [Int]

    /// What ``warm(_:at:)`` read, kept so the reads are not optimised away.
    private var warmed: Int32 = 0
    private var started = false
    private var done = false
    private var skipRemaining = 0
    private var limitRemaining = Int.max

    init(_ plan: LinearMatchPlan, context: ExecutionContext) {
        self.context = context
        catalog = context.catalog
        maxRows = context.limits.maxRows
        projection = plan.projection
        slotPositions = plan.slotPositions
        var checkedOut: [PropertyColumn] = []
        let properties = plan.columns.map { column -> PropertyColumn? in
            guard case .property(_, let key) = column else { return nil }
            if let held = checkedOut.first(where: { $0.key == key }) { return held }
            checkedOut.append(context.catalog.checkOutColumn(of: key))
            return checkedOut.last
        }
        self.checkedOut = checkedOut
        filled = zip(plan.columns, properties).compactMap { column, property in property.map { (column.slot, $0) } }
        fillEntries = filled.map(\.column.knownEntries)
        let sources = zip(plan.columns, properties).map { column, property -> NodeColumns.Source in
            property.map { .property(slot: column.slot, $0) } ?? .node(slot: column.slot)
        }
        let width = plan.slotPositions.count
        store = NodeColumns(sources: sources, width: width)
        distinct = plan.projection.distinct
            ? DistinctNodeRows(columns: plan.columns, properties: properties, width: width,
                               nodeCount: context.graph.nodeCount)
            : nil
        slots = Array(repeating: 0, count: plan.slotPositions.count)
    }

    private mutating func start() throws {
        guard !started else { return }
        started = true
        skipRemaining = try projection.count(projection.skip, "SKIP", context) ?? 0
        limitRemaining = try projection.count(projection.limit, "LIMIT", context) ?? Int.max
    }

    /// Reads ahead what DISTINCT will read for the nodes at odd indices of
    /// `candidates` (an expansion's far ends, negative where none) at pattern `position`.
    mutating func warm(_ candidates: [Int32], at position: Int) {
        guard distinct != nil, let slot = slotPositions.firstIndex(of: position) else { return }
        warmed &+= distinct!.warm(candidates, slot: slot)
    }

    /// Fills the row's nodes into the columns of its properties (see ``PropertyColumn``)
    /// where they are not yet: `node` gives the node in a slot.
    @inline(__always)
    private func fill(_ node: (Int) -> Int) {
        for k in filled.indices where fillEntries[k][node(filled[k].slot)].slot == 0 {
            filled[k].column.fill(node(filled[k].slot), in: catalog)
        }
    }

    /// Reads, retaining nothing, what filling in the far ends at odd indices
    /// `range` of `ends` will read; returns a value only so the reads are not dropped.
    private func warmFill(_ ends: [Int32], _ range: Range<Int>) -> Int32 {
        var sum: Int32 = 0
        for entries in fillEntries {
            for i in stride(from: range.lowerBound, to: range.upperBound, by: 2) where ends[i] >= 0 {
                sum &+= entries[Int(ends[i])].slot
            }
        }
        return sum
    }

    /// Takes one complete match (a node per pattern position); false once LIMIT is reached.
    mutating func push(_ bound: [Int]) throws -> Bool {
        if !started { try start() }
        if done { return false }
        for slot in slots.indices { slots[slot] = bound[slotPositions[slot]] }
        if distinct != nil, !distinct!.insert(slots, catalog: catalog) { return true }
        return try keep()
    }

    /// Takes the complete matches that `bound` and each far end in `ends` make,
    /// the end going into pattern `position`: `ends` holds (relationship, far end
    /// or -1) pairs, each counted as an expansion as the search counts them, up
    /// to the match that reaches LIMIT (then false). DISTINCT overwrites far ends
    /// it finds seen before with -1.
    mutating func push(ends: inout [Int32], at position: Int, _ state: inout LinearSearch.State) throws -> Bool {
        let returned = slotPositions.firstIndex(of: position)
        for slot in slots.indices where slot != returned { slots[slot] = state.bound[slotPositions[slot]] }
        var i = 1
        if slots.count == 1, returned != nil {
            // One node per row, the far end: the common `RETURN [DISTINCT] p.title`.
            // DISTINCT first, in tight passes over the far ends (which only change
            // what DISTINCT has seen: the query ends where this loop stops), over
            // all of them at once unless a LIMIT may stop the loop early, then a
            // chunk at a time. Without DISTINCT, a chunk at a time, a bare read of
            // what filling the rows into their columns will read, so the misses overlap.
            let batch = 2 * (distinct == nil || projection.limit != nil ? DistinctNodeRows.chunk : ends.count)
            var decided = 0
            while i < ends.count {
                if i >= decided {
                    decided = Swift.min(i - 1 + batch, ends.count)
                    if distinct != nil {
                        distinct!.admit(&ends, i ..< decided, catalog: catalog)
                        if !started { try start() }
                        if skipRemaining == 0 && limitRemaining == Int.max {
                            // Nothing left for SKIP or LIMIT to decide: every far end
                            // DISTINCT admitted is a row, so they are kept at once.
                            try state.tick(context, count: (decided - i + 1) / 2)
                            state.expansions += (decided - i + 1) / 2
                            try keep(ends: ends, i ..< decided)
                            i = decided + 1
                            continue
                        }
                    } else if !filled.isEmpty {
                        warmed &+= warmFill(ends, i ..< decided)
                    }
                }
                let node = Int(ends[i])
                i += 2
                state.expansions += 1
                try state.tick(context)
                if node < 0 { continue }
                if !started { try start() }
                if done { return false }
                if !(try keep(node)) { return false }
            }
            return true
        }
        while i < ends.count {
            let node = Int(ends[i])
            i += 2
            state.expansions += 1
            try state.tick(context)
            if node < 0 { continue }
            if !started { try start() }
            if done { return false }
            if let returned { slots[returned] = node }
            if distinct != nil, !distinct!.insert(slots, catalog: catalog) { continue }
            if !(try keep()) { return false }
        }
        return true
    }

    /// SKIP, LIMIT and the row limit for the row in `slots`, which DISTINCT let through.
    private mutating func keep() throws -> Bool {
        guard let keeps = try admitted() else { return false }
        if keeps {
            if distinct == nil { fill { slots[$0] } }
        } else if distinct == nil {
            return true
        }
        store.append(slots)
        return !done
    }

    /// ``keep()`` for a one-node row.
    private mutating func keep(_ node: Int) throws -> Bool {
        guard let keeps = try admitted() else { return false }
        if keeps {
            if distinct == nil { fill { _ in node } }
        } else if distinct == nil {
            return true
        }
        store.append(node)
        return !done
    }

    /// ``keep(_:)`` for every far end at odd indices `range` of `ends` (negative:
    /// none), once SKIP is spent and there is no LIMIT: only the row limit is left to apply.
    private mutating func keep(ends: [Int32], _ range: Range<Int>) throws {
        store.append(ends: ends, range)
        guard store.count - skipped <= maxRows else { throw tooManyRows }
    }

    /// Applies SKIP, LIMIT and the row limit to the next row: whether it is a
    /// result row (false: SKIP drops it), nil when LIMIT was reached before it.
    /// The caller stores the row unless SKIP dropped it without DISTINCT
    /// (with DISTINCT, later rows are still compared with it).
    private mutating func admitted() throws -> Bool? {
        if skipRemaining > 0 {
            skipRemaining -= 1
            if distinct != nil { skipped += 1 }
            return false
        }
        guard limitRemaining > 0 else {
            done = true
            return nil
        }
        limitRemaining -= 1
        guard store.count - skipped < maxRows else { throw tooManyRows }
        if limitRemaining == 0 { done = true }
        return true
    }

    private var tooManyRows: QueryError {
        QueryError(.tooManyRows, "the query returns more than \(maxRows) rows (--max-rows); "
                   + "add LIMIT, aggregate, or raise the limit")
    }

    /// The result, once the search is over.
    mutating func finish() throws -> QueryRows {
        try start()
        return QueryRows(.nodes(skipped == 0 ? store : store.dropping(first: skipped)))
    }

    /// Returns the property columns to the catalog; called whether or not the search finished.
    func close() { for column in checkedOut { catalog.checkIn(column) } }
}
