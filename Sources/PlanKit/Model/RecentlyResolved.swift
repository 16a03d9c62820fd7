import PlanSyntax

/// Names resolved before, by the String itself: a plan names its skills
/// and values over and over (`needs skill "project management"` on every
/// goal), each time in the one String the parser made for it, so most
/// lookups are one of these, with no hash of the name. Equal bits are the
/// same String; a miss only costs the lookup. Each entry holds its String,
/// so that no other String can be made where a name remembered was, and so
/// come to share its bits. Whatever reads many references of a plan that
/// does not change under it (the checks' pass over every reference, a
/// check that resolves one clause, the links) keeps one while it reads.
///
/// An entry per slot, the slot picked by the String's bits: a plan of
/// hundreds of skills keeps most of them, where the last few names alone
/// missed on nearly every reference of a rich plan.
struct RecentlyResolved {
    private struct Entry {
        var name: String
        var bits: (UInt64, UInt64)
        var kind: EntityKind
        var index: Int?
    }
    private static let slotBits = 8
    /// All empty at first: no String's bits are all zero.
    private var entries = [Entry](repeating: Entry(name: "", bits: (0, 0), kind: .value, index: nil),
                                  count: 1 << slotBits)

    mutating func index(of kind: EntityKind, named name: String, in plan: Plan) -> Int? {
        let bits = withUnsafeBytes(of: name) { $0.loadUnaligned(as: (UInt64, UInt64).self) }
        let slot = Int(truncatingIfNeeded: ((bits.0 ^ (bits.1 &* 31)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.slotBits))
        // Read in place: copying the entry would retain its String.
        let found: Int?? = entries.withUnsafeBufferPointer { entries in
            entries[slot].bits == bits && entries[slot].kind == kind ? .some(entries[slot].index) : .none
        }
        if let found { return found }
        let index = plan.index(of: kind, named: name)
        entries[slot] = Entry(name: name, bits: bits, kind: kind, index: index)
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
