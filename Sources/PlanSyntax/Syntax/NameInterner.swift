#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of each long name mentioned, made once. A plan names the same
/// skill thousands of times (`needs skill "project management"`): each
/// mention after the first is then a lookup of the bytes in the source and
/// a retain of the one String, not an allocation, and every mention shares
/// its storage, so that a large plan keeps each long name it mentions once,
/// beside the declaration's own. Declarations do not come here: most names
/// declared are never mentioned, and looking each up among thousands was a
/// cache miss per declaration.
///
/// Names of up to 15 bytes are not kept: a String holds those inline, with
/// nothing to allocate or share.
public struct NameInterner: Sendable {
    /// 0 is empty; else the hash in the high half and the text's place in
    /// `texts` + 1 in the low, so that a probe rarely compares bytes.
    private var slots: [UInt64] = []
    private var texts: [String] = []

    public init() {}

    /// The longest name a String holds without allocating.
    static let inlineLength = 15

    /// The String for `bytes`, which hold valid UTF-8 (a name the lexer
    /// accepted): the one made before for the same bytes, if any.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > NameInterner.inlineLength else { return String(decoding: bytes, as: UTF8.self) }
        let hash = NameInterner.hash(bytes)
        if !slots.isEmpty {
            let mask = slots.count - 1
            var probe = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[probe]
                if slot == 0 { break }
                if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                    let known = texts[Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1]
                    if NameInterner.spells(known, bytes) { return known }
                }
                probe = (probe + 1) & mask
            }
        }
        let made = String(decoding: bytes, as: UTF8.self)
        texts.append(made)
        // At most three quarters full keeps probe sequences short.
        if texts.count * 4 > slots.count * 3 { grow() }
        place(UInt64(hash) << 32 | UInt64(UInt32(truncatingIfNeeded: texts.count)))
        return made
    }

    /// Whether `text` is exactly `bytes`.
    private static func spells(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { stored in
            guard stored.count == bytes.count, let storedStart = stored.baseAddress, let start = bytes.baseAddress else {
                return stored.count == bytes.count
            }
            return memcmp(storedStart, start, bytes.count) == 0
        }
    }

    /// FNV-1a over eight bytes at a time, the last ones zero-padded with
    /// the length above them, then MurmurHash3's finalizer.
    ///
    /// The same hash, and the same packed slots below, as NameTable's in
    /// PlanKit (Model/Plan.swift), which this layer cannot see. Kept as a
    /// copy on purpose: one shared function in PlanCore, called across
    /// modules, made `plan check` execute 1.1-1.5% more instructions
    /// (Benchmarks/README.md). A change to one is a change to both.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let raw = UnsafeRawBufferPointer(bytes)
        var state: UInt64 = 0xCBF2_9CE4_8422_2325
        var offset = 0
        while offset + 8 <= raw.count {
            state = (state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01B3
            state ^= state >> 29
            offset += 8
        }
        var rest: UInt64 = 0
        var shift: UInt64 = 0
        while offset < raw.count {
            rest |= UInt64(raw[offset]) << shift
            shift += 8
            offset += 1
        }
        state = (state ^ (rest | UInt64(truncatingIfNeeded: raw.count) << 56)) &* 0x100_0000_01B3
        state ^= state >> 33
        state &*= 0xFF51_AFD7_ED55_8CCD
        state ^= state >> 33
        return UInt32(truncatingIfNeeded: state)
    }

    private mutating func place(_ packed: UInt64) {
        let mask = slots.count - 1
        var probe = Int(truncatingIfNeeded: packed >> 32) & mask
        while slots[probe] != 0 { probe = (probe + 1) & mask }
        slots[probe] = packed
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: max(64, old.count * 2))
        for packed in old where packed != 0 { place(packed) }
    }
}
