extension Array {
    /// The element at `index`, nil past either end: views drawn from values that arrive from elsewhere (a
    /// snapshot, a share frame) read them without trusting their lengths.
    public subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
