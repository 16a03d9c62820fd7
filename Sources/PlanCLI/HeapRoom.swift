#if canImport(Glibc)
import Glibc
import CMalloc
#endif

/// Memory for the model of a large plan, made resident before the plan is
/// read. Linux maps a page of the heap at its first write, one page fault
/// for each 4 KiB: 1,300 faults for 10,000 one-line goals, 8% of the
/// check's time on this project's virtual machines, where a fault costs
/// about 1.4 µs. `MADV_POPULATE_WRITE` maps the same pages in one call
/// (Benchmarks/README.md, "Room on the heap").
enum HeapRoom {
    /// The heap a plan's check uses is 5.4 to 5.9 times its text for the
    /// benchmark's shapes at 10,000 goals (massif), and about as much for
    /// log entries with notes; 1.3 times for a file of nothing but comments,
    /// whose room then goes mostly unused. Four instead of five saved half
    /// as many faults; six saved the rest but no time, for a higher peak
    /// (Benchmarks/README.md, "Where 0.7x stops").
    static let bytesPerByteOfText = 5
    /// Below this the faults saved are within the noise: 0.06 ms of 3 ms
    /// for 500 one-line goals (53 KB), 0.27 ms of 5.5 ms for 2,000 (213 KB).
    static let smallestText = 64 << 10
    /// glibc takes a block from the heap, not a mapping of its own, only
    /// below its largest mmap threshold, 32 MiB on 64 bits.
    static let largestRoom = 31 << 20

    /// Makes room for the model of a plan of `textBytes`, and returns the
    /// pages it made resident (none on other systems, or for a small plan):
    /// to ask the kernel about, never to read, as the block is freed at once.
    /// glibc keeps it at the top of its heap and carves the model's
    /// allocations from it.
    @discardableResult
    static func make(forTextOf textBytes: Int) -> UnsafeRawBufferPointer {
        #if canImport(Glibc)
        guard textBytes >= smallestText else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let bytes = textBytes > largestRoom / bytesPerByteOfText ? largestRoom : textBytes * bytesPerByteOfText
        // From the heap, and kept there when freed: the thresholds glibc
        // moves to by itself once a block of 32 MiB has been freed. The
        // model's large arrays then come from the room too.
        _ = shim_fix_mmap_threshold(32 << 20)
        _ = shim_fix_trim_threshold(64 << 20)
        guard let block = malloc(bytes) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        defer { free(block) }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: block) + page - 1) & -page
        let end = (Int(bitPattern: block) + bytes) & -page
        guard end > first, let start = UnsafeMutableRawPointer(bitPattern: first) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        // A kernel older than 5.14 refuses the advice: the pages are then
        // mapped a fault at a time, as without it.
        guard madvise(start, end - first, MADV_POPULATE_WRITE) == 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: start, count: end - first)
        #else
        return UnsafeRawBufferPointer(start: nil, count: 0)
        #endif
    }
}
