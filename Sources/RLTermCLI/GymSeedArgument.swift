import RLCore

/// Reads a `--gym-seed` argument: gymnasium's `env.reset(seed=N)` takes any non-negative integer, so the text
/// is read as decimal digits of any length (18446744073709551616 included).
enum GymSeedArgument {
    static func parse(_ text: String) throws(CommandFailure) -> GymSeed {
        guard let seed = GymSeed(text) else {
            throw CommandFailure("--gym-seed must be a non-negative whole number, got '\(text)'", status: .usage)
        }
        return seed
    }
}
