import StreamLog

/// What the log refused or could not report during a run (a refused append, a failed fetch, a
/// group it cannot describe): each said once in the feed when it first happens, and counted for
/// the headless summary's warnings. Never dropped silently.
struct LogProblems {
    /// One kind of problem: where it happened and the log's answer.
    struct Problem: Equatable {
        /// The topic or group it concerns (the feed line's subject).
        let subject: String
        /// What was attempted and the log's error, e.g. `append to 'orders' refused: …`.
        let text: String
        /// How many times it happened.
        var count: Int
    }

    /// The problems in the order they first happened.
    private(set) var all: [Problem] = []

    /// Counts a problem; true when it is new (the feed should say it).
    mutating func note(subject: String, _ text: String) -> Bool {
        if let index = all.firstIndex(where: { $0.subject == subject && $0.text == text }) {
            all[index].count += 1
            return false
        }
        all.append(Problem(subject: subject, text: text, count: 1))
        return true
    }

    /// The summary's warning lines, one a problem with its count; empty when there was none.
    var summaryLines: [String] {
        guard !all.isEmpty else { return [] }
        return ["", "warnings — what the log refused or could not report:"]
            + all.map { "• \($0.text)" + ($0.count > 1 ? " (\($0.count)×)" : "") }
    }
}
