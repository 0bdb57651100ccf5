/// Reading glibc's malloc trace (`mtrace`): one line per malloc, free or realloc.
///
/// A line is `[@ caller ]+ address size` for an allocation (malloc, calloc, memalign & co.),
/// `[@ caller ]- address` for a free, `< old` then `> new size` for a realloc, and `= Start` /
/// `= End` around a trace.
enum MallocTrace {
    /// How many heap allocations the trace holds: its `+` lines and the `>` half of its reallocs.
    ///
    ///     MallocTrace.allocations(in: "= Start\n@ ./a:[0x1] + 0x55 0x10\n@ ./a:[0x2] - 0x55\n= End\n") // 1
    static func allocations(in trace: some StringProtocol) -> Int {
        var count = 0
        for line in trace.split(separator: "\n") {
            // Counted from the end: the caller part may hold anything, spaces included.
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let kind = fields[fields.count - 3]
            if kind == "+" || kind == ">" { count += 1 }
        }
        return count
    }
}
