#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `transform` over `items` on `jobs` POSIX threads, results in the order
/// of `items`. Plain pthreads, as the rest of PlanCLI uses the C library
/// directly: Dispatch would bring Foundation's runtime with it. Each thread
/// takes the next item when it is free, so one slow plan holds up only its
/// own thread; the results do not depend on which thread ran what.
func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int,
                                                   _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
    let threads = max(1, min(jobs, items.count))
    guard threads > 1 else { return items.map(transform) }
    let work = ParallelWork(items: items, transform: transform)
    var started: [pthread_t] = []
    for _ in 1..<threads {
        let box = Unmanaged.passRetained(work as AnyObject).toOpaque()
        var thread = pthread_t()
        // A thread that cannot be made leaves its share to the others.
        if pthread_create(&thread, nil, { pointer in
            guard let pointer else { return nil }
            let work = Unmanaged<AnyObject>.fromOpaque(pointer).takeRetainedValue() as? any ParallelRunnable
            work?.run()
            return nil
        }, box) == 0 {
            started.append(thread)
        } else {
            Unmanaged<AnyObject>.fromOpaque(box).release()
        }
    }
    work.run()
    for thread in started { pthread_join(thread, nil) }
    return work.results()
}

private protocol ParallelRunnable: AnyObject {
    func run()
}

/// The items, the next one to take, and a slot for each result. Every slot
/// is written by exactly one thread, and read only after all are joined.
private final class ParallelWork<Item: Sendable, Result: Sendable>: ParallelRunnable, @unchecked Sendable {
    let items: [Item]
    let transform: @Sendable (Item) -> Result
    private var next = 0
    /// On the heap: a mutex must not move, and a stored property may.
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let slots: UnsafeMutablePointer<Result?>

    init(items: [Item], transform: @escaping @Sendable (Item) -> Result) {
        self.items = items
        self.transform = transform
        slots = UnsafeMutablePointer<Result?>.allocate(capacity: items.count)
        slots.initialize(repeating: nil, count: items.count)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
    }

    deinit {
        slots.deinitialize(count: items.count)
        slots.deallocate()
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    private func take() -> Int? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        guard next < items.count else { return nil }
        next += 1
        return next - 1
    }

    func run() {
        while let index = take() {
            slots[index] = transform(items[index])
        }
    }

    func results() -> [Result] {
        (0..<items.count).compactMap { slots[$0] }
    }
}

/// The processors this process may run on, for `--jobs`' default.
func onlineProcessors() -> Int {
    max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}
