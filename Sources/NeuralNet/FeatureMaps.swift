/// The rectified outputs of a network's convolution for one input: `count` maps of `height` × `width`,
/// map after map and row after row within a map, the order the dense layers read them in.
public struct FeatureMaps: Sendable, Equatable {
    public let count: Int
    public let height: Int
    public let width: Int
    /// `count · height · width` activations, each ≥ 0 (they are past the ReLU).
    public let values: [Float]

    public init(count: Int, height: Int, width: Int, values: [Float]) {
        precondition(count > 0 && height > 0 && width > 0, "feature maps need a positive shape")
        precondition(values.count == count * height * width,
                     "\(values.count) activations for \(count) maps of \(height)×\(width)")
        self.count = count
        self.height = height
        self.width = width
        self.values = values
    }

    /// The activation of map `map` at row `y`, column `x`.
    public func value(map: Int, y: Int, x: Int) -> Float {
        values[(map * height + y) * width + x]
    }
}
