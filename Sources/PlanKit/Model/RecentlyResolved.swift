import PlanSyntax

/// The last few names resolved, by the String itself: a plan names its
/// few skills and values over and over (`needs skill "project
/// management"` on every goal), each time in the one String the parser
/// made for it, so most lookups are one of these, with no hash of the
/// name. Equal bits are the same String; a miss only costs the lookup.
/// Each entry holds its String, so that no other String can be made
/// where a name remembered was, and so come to share its bits. The checks
/// and the links (who serves a value) each keep one while they read every
/// reference of a plan that does not change under them.
struct RecentlyResolved {
    private struct Entry {
        var name: String
        var bits: (UInt64, UInt64)
        var kind: EntityKind
        var index: Int?
    }
    /// Four at first empty: no String's bits are all zero.
    private var entries = [Entry](repeating: Entry(name: "", bits: (0, 0), kind: .value, index: nil), count: 4)
    private var next = 0

    mutating func index(of kind: EntityKind, named name: String, in plan: Plan) -> Int? {
        let bits = withUnsafeBytes(of: name) { $0.loadUnaligned(as: (UInt64, UInt64).self) }
        // Read in place: iterating the entries would copy, and so retain, each one's String.
        let found: Int?? = entries.withUnsafeBufferPointer { entries in
            for entry in entries.indices where entries[entry].bits == bits && entries[entry].kind == kind {
                return .some(entries[entry].index)
            }
            return .none
        }
        if let found { return found }
        let index = plan.index(of: kind, named: name)
        entries[next] = Entry(name: name, bits: bits, kind: kind, index: index)
        next = (next + 1) % entries.count
        return index
    }

    /// `Plan.resolve`: the first of `kinds` that declares `name`.
    mutating func resolve(_ name: String, among kinds: [EntityKind], in plan: Plan) -> (kind: EntityKind, index: Int)? {
        for kind in kinds {
            if let index = index(of: kind, named: name, in: plan) { return (kind, index) }
        }
        return nil
    }
}
