extension MemorySurface {
    /// The cells that differ from `previous`, grouped into runs of equal style along each row; every cell
    /// when there is no previous frame or its size differs. Writing these runs over `previous` yields
    /// this frame, which is all a terminal needs to be sent.
    public func changedRuns(since previous: MemorySurface?) -> [CellRun] {
        let before = previous.flatMap { $0.width == width && $0.height == height ? $0.cells : nil }
        func changed(_ index: Int) -> Bool { before.map { $0[index] != cells[index] } ?? true }
        var runs: [CellRun] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let start = y * width + x
                guard changed(start) else {
                    x += 1
                    continue
                }
                var end = x + 1
                while end < width, changed(y * width + end), cells[y * width + end].style == cells[start].style {
                    end += 1
                }
                let text = String(cells[start..<(y * width + end)].map(\.character))
                runs.append(CellRun(x: x, y: y, text: text, style: cells[start].style))
                x = end
            }
        }
        return runs
    }
}
