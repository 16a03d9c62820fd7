#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PlanCLI

/// Room on the heap for a large plan's model, made resident in one call
/// before the plan is read (Sources/PlanCLI/HeapRoom.swift).
@Suite struct HeapRoomTests {
    #if os(Linux)
    @Test func theRoomForALargePlanIsResidentBeforeAnythingTouchesIt() {
        let text = 3 << 20
        let room = HeapRoom.make(forTextOf: text)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        // Room for the model, less the pages the block only partly covers.
        #expect(room.count >= text * HeapRoom.bytesPerByteOfText - 2 * page)
        #expect(residentPages(of: room) == room.count / page)
    }

    @Test func theRoomStopsAtWhatGlibcKeepsOnItsHeap() {
        let room = HeapRoom.make(forTextOf: 40 << 20)
        #expect(room.count <= HeapRoom.largestRoom)
        #expect(room.count >= HeapRoom.largestRoom - 2 * Int(sysconf(Int32(_SC_PAGESIZE))))
    }
    #endif

    @Test func aSmallPlanGetsNoRoom() {
        #expect(HeapRoom.make(forTextOf: HeapRoom.smallestText - 1).count == 0)
    }

    /// How many pages of `room` are in memory, by mincore(2).
    private func residentPages(of room: UnsafeRawBufferPointer) -> Int {
        guard let start = room.baseAddress else { return 0 }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var flags = [UInt8](repeating: 0, count: room.count / page)
        let status = flags.withUnsafeMutableBufferPointer {
            mincore(UnsafeMutableRawPointer(mutating: start), room.count, $0.baseAddress)
        }
        #expect(status == 0)
        return flags.filter { $0 & 1 == 1 }.count
    }
}
