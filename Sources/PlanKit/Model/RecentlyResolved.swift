import PlanSyntax

/// Names resolved before, by the String itself: a plan names its skills
/// and values over and over (`needs skill "project management"` on every
/// goal), each time in the one String the parser made for it, so most
/// lookups are one of these, with no hash of the name. Equal bits are the
/// same String; a miss only costs the lookup. Each entry holds its String,
/// so that no other String can be made where a name remembered was, and so
/// come to share its bits. Whatever reads many references of a plan that
/// does not change under it keeps one while it reads: the checks' passes
/// share the one their links lend (`Links.withMemory`).
///
/// An entry per slot, the slot picked by the String's bits, in a table for
/// each kind made at its first lookup and sized to the kind's entities:
/// four slots a name, so that few names share one, from 256 to 16,384
/// (384 KB). A plan of 5,000 skills kept a fifth of them in the 256 slots
/// all kinds once shared, so nearly every `needs` of its goals was looked
/// up again.
struct RecentlyResolved {
    /// 24 bytes: the String is the bits compared, and a plan's positions
    /// fit 32 bits (one that does not is not remembered).
    private struct Entry {
        /// First, so that its bits are the entry's first 16 bytes.
        var name: String
        var index: Int32
        static let unknown: Int32 = -1
        /// No name was put here yet; an empty name asked matches the slot's
        /// String, so a slot tells it apart by this.
        static let empty = Entry(name: "", index: .min)
    }
    /// Every kind's table, one after another: tables held apart in an
    /// array of arrays cost a retain and a release of one at each lookup.
    private var entries: [Entry] = []
    /// By kind ordinal, where the kind's table starts in `entries` and the
    /// bits of its slot count; none until a lookup, no bits until the kind
    /// is first asked for, so that one not used costs no allocation.
    private var tables: [(start: Int, slotBits: Int)] = []

    /// Inlined where a pass asks, as nearly every lookup is a hit: the
    /// rest, which looks the name up in the plan, is kept apart.
    @inline(__always)
    mutating func index(of kind: EntityKind, named name: String, in plan: Plan) -> Int? {
        let bits = Self.bits(of: name)
        let ordinal = kind.ordinal
        if ordinal < tables.count, tables[ordinal].slotBits != 0 {
            let slot = Self.slot(bits, in: tables[ordinal])
            // Read in place: copying the entry would retain its String.
            let found: Int?? = entries.withUnsafeBufferPointer { entries in
                guard let entry = entries.baseAddress.map({ $0 + slot }) else { return .none }
                let index = entry.pointee.index
                guard index != Entry.empty.index, UnsafeRawPointer(entry).loadUnaligned(as: (UInt64, UInt64).self) == bits else {
                    return .none
                }
                return .some(index == Entry.unknown ? nil : Int(index))
            }
            if let found { return found }
        }
        return remember(kind, named: name, bits, in: plan)
    }

    @inline(never)
    private mutating func remember(_ kind: EntityKind, named name: String, _ bits: (UInt64, UInt64), in plan: Plan) -> Int? {
        let ordinal = kind.ordinal
        if tables.isEmpty { tables = Array(repeating: (0, 0), count: EntityKind.byOrdinal.count) }
        if tables[ordinal].slotBits == 0 { addTable(ordinal, for: plan.count(of: kind)) }
        let index = plan.index(of: kind, named: name)
        if let stored = index.map(Int32.init(exactly:)) ?? Entry.unknown {
            entries[Self.slot(bits, in: tables[ordinal])] = Entry(name: name, index: stored)
        }
        return index
    }

    private static func bits(of name: String) -> (UInt64, UInt64) {
        withUnsafeBytes(of: name) { $0.loadUnaligned(as: (UInt64, UInt64).self) }
    }

    /// MurmurHash3's finalizer over both words: a String's bits are an
    /// address and a length, and the addresses of names made one after
    /// another step alike. Of 5,000 such names in 16,384 slots, a multiply
    /// alone left 2,176 alone in theirs, where a random pick leaves about
    /// 3,684 (ResolvedOnceTests).
    @inline(__always)
    private static func slot(_ bits: (UInt64, UInt64), in table: (start: Int, slotBits: Int)) -> Int {
        var mixed = bits.0 ^ (bits.1 &* 0x9E37_79B9_7F4A_7C15)
        mixed ^= mixed >> 33
        mixed &*= 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        return table.start + Int(truncatingIfNeeded: mixed >> UInt64(64 - table.slotBits))
    }

    private mutating func addTable(_ ordinal: Int, for entities: Int) {
        var slotBits = 8
        while slotBits < 14, 1 << slotBits < 4 * entities { slotBits += 1 }
        tables[ordinal] = (entries.count, slotBits)
        entries.append(contentsOf: repeatElement(Entry.empty, count: 1 << slotBits))
    }

    /// `Plan.resolve`: the first of `kinds` that declares `name`.
    mutating func resolve(_ name: String, among kinds: [EntityKind], in plan: Plan) -> (kind: EntityKind, index: Int)? {
        for kind in kinds {
            if let index = index(of: kind, named: name, in: plan) { return (kind, index) }
        }
        return nil
    }
}
