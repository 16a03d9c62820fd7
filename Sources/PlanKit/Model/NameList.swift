import PlanCore
import PlanSyntax

/// What a list clause holds (`serves a, b`, `needs skill x at 3`, `tags`):
/// its items in the order first written, each name once.
///
/// Adding names must cost a lookup each, not a pass over the list: a plan
/// may add one name at a time to a list of thousands (an `update goal g
/// serves vN` a line, or a goal with a `serves` line per value). So a long
/// list keeps an index of its names beside it, in the same value: copied
/// with it, changed with it, gone with it, and no state outside the plan.
/// A short list, what nearly every declaration writes, has none: its few
/// names are found sooner by looking than by hashing, and ten thousand
/// goals need not carry a table each.
public struct NameList<Item: ListItem>: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    private var storage: Storage

    /// One word, as the array alone was: a goal has six lists, and a plan
    /// copies its goals.
    private enum Storage: Sendable {
        /// The items, searched when one is added.
        case short([Item])
        /// The items with their index.
        case long(Indexed)
    }

    /// A long list and where each name stands in it. Copies of the list
    /// share it until one of them changes, which then changes a copy of its
    /// own first (`isKnownUniquelyReferenced`), as an array's storage does;
    /// that is what makes the mutable class safe to send.
    private final class Indexed: @unchecked Sendable {
        var items: [Item]
        /// When `items` names one twice (a list built whole, as a test
        /// does), the later place counts.
        var positions: [String: Int]

        init(_ items: [Item]) {
            self.items = items
            positions = Dictionary(items.enumerated().map { ($1.listedName, $0) }, uniquingKeysWith: { _, last in last })
        }

        init(copying other: Indexed) {
            items = other.items
            positions = other.positions
        }

        func add(_ added: [Item]) {
            for item in added {
                if let position = positions[item.listedName] {
                    if let replacement = item.replacing(items[position]) { items[position] = replacement }
                } else {
                    positions[item.listedName] = items.count
                    items.append(item)
                }
            }
        }
    }

    /// Up to this many items, a list is searched rather than hashed.
    static var shortList: Int { 16 }

    public init() {
        storage = .short([])
    }

    /// The items as given, repeats and all: `merge` is what keeps each name once.
    public init(_ items: [Item]) {
        storage = .short(items)
    }

    public init(arrayLiteral items: Item...) {
        storage = .short(items)
    }

    /// The items, as written.
    public var items: [Item] {
        switch storage {
        case .short(let items): items
        case .long(let indexed): indexed.items
        }
    }

    /// Whether the list carries its index (for the tests of its memory).
    var isIndexed: Bool {
        if case .long = storage { true } else { false }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Item {
        switch storage {
        case .short(let items): items[position]
        case .long(let indexed): indexed.items[position]
        }
    }

    public var count: Int {
        switch storage {
        case .short(let items): items.count
        case .long(let indexed): indexed.items.count
        }
    }

    public var isEmpty: Bool { count == 0 }

    /// A pass over the list is a pass over its array.
    public func makeIterator() -> IndexingIterator<[Item]> {
        items.makeIterator()
    }

    /// Adds the items whose names are not listed yet, in their order; an
    /// item whose name is listed may take its place (a need's explicit level).
    /// While it changes, the list lets go of its storage, so that the copy
    /// it holds is the only one and changes in place.
    public mutating func merge(_ added: [Item]) {
        switch storage {
        case .short(var items):
            if items.isEmpty, added.count <= Self.shortList, !Self.hasRepeats(added) {
                storage = .short(added)
                return
            }
            storage = .short([])
            if items.count + added.count <= Self.shortList {
                for item in added {
                    if let index = items.firstIndex(where: { $0.listedName == item.listedName }) {
                        if let replacement = item.replacing(items[index]) { items[index] = replacement }
                    } else {
                        items.append(item)
                    }
                }
                storage = .short(items)
                return
            }
            let indexed = Indexed(items)
            indexed.add(added)
            storage = .long(indexed)
        case .long(var indexed):
            storage = .short([])
            if !isKnownUniquelyReferenced(&indexed) { indexed = Indexed(copying: indexed) }
            indexed.add(added)
            storage = .long(indexed)
        }
    }

    /// Whether a short list names anything twice.
    private static func hasRepeats(_ items: [Item]) -> Bool {
        // Asked of every list clause of a plan: in place, with no slice or
        // closure made per item.
        guard items.count > 1 else { return false }
        return items.withUnsafeBufferPointer { items in
            for later in 1..<items.count {
                let name = items[later].listedName
                for earlier in 0..<later where items[earlier].listedName == name { return true }
            }
            return false
        }
    }
}

/// An item of a list clause, known by a name.
public protocol ListItem: Sendable {
    var listedName: String { get }
    /// What stands in the list when `self` comes again after `listed`, the
    /// item with its name already there; nil leaves `listed` as it is.
    func replacing(_ listed: Self) -> Self?
}

extension Name: ListItem {
    public var listedName: String { text }
    /// A name listed again changes nothing.
    public func replacing(_ listed: Name) -> Name? { nil }
}

extension SkillNeed: ListItem {
    public var listedName: String { skill.text }
    /// A skill needed again keeps its place; an explicit `at` changes its level.
    public func replacing(_ listed: SkillNeed) -> SkillNeed? { level == nil ? nil : self }
}
