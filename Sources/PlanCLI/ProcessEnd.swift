/// What a command holds when it returns and the process ends: never freed.
/// The kernel takes a process's memory back whole at exit, so tearing a
/// large plan down entity by entity first is work nobody sees (compilers
/// skip it too: clang's `-disable-free`). Freeing a plan of 10,000 goals
/// was about a twentieth of `plan check`.
///
/// Only for what lives until `main` exits: `runPlan` is called once, by
/// the executable, which exits with its status.
enum ProcessEnd {
    private final class Kept<Value> {
        let value: Value
        init(_ value: consuming Value) { self.value = value }
    }

    /// Keeps `value` to the end of the process.
    static func keep<Value>(_ value: consuming Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }
}
