/// Which cells changed between two frames: the one diff the terminal presenter and the asciicast
/// frame encoder both draw from.
extension Grid {
    /// A run of neighbouring changed cells on one row.
    public struct ChangedRun: Hashable, Sendable {
        /// The row.
        public var y: Int
        /// The changed columns, never empty.
        public var columns: Range<Int>

        public init(y: Int, columns: Range<Int>) {
            self.y = y
            self.columns = columns
        }
    }

    /// The runs of cells that differ from `old`, top to bottom and left to right within a row.
    ///
    /// Empty when nothing changed; `nil` when the sizes differ, so every cell must be drawn
    /// (``everyRow``).
    ///
    ///     // old row 0 "abcde", new row 0 "aXcYZ"
    ///     new.changedRuns(since: old) // [ChangedRun(y: 0, columns: 1..<2), ChangedRun(y: 0, columns: 3..<5)]
    ///
    /// - Complexity: O(cells).
    public func changedRuns(since old: Grid) -> [ChangedRun]? {
        guard old.size == size else { return nil }
        let cols = size.cols
        var runs: [ChangedRun] = []
        cells.withUnsafeBufferPointer { new in
            old.cells.withUnsafeBufferPointer { old in
                for y in 0..<size.rows {
                    let start = y * cols
                    var x = 0
                    while x < cols {
                        guard new[start + x] != old[start + x] else {
                            x += 1
                            continue
                        }
                        let first = x
                        while x < cols, new[start + x] != old[start + x] { x += 1 }
                        runs.append(ChangedRun(y: y, columns: first..<x))
                    }
                }
            }
        }
        return runs
    }

    /// Every row whole, as runs: what a full repaint draws.
    public var everyRow: [ChangedRun] {
        size.cols == 0 ? [] : (0..<size.rows).map { ChangedRun(y: $0, columns: 0..<size.cols) }
    }
}
