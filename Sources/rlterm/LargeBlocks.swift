#if canImport(Glibc)
import Glibc
#endif

/// Makes every large heap block a mapping of its own, returned to the system when it is freed.
///
/// glibc starts by mapping blocks of 128 KiB and more on their own, but once such a block is freed it raises that
/// threshold to the block's size (up to 32 MiB) and serves later blocks of that size from the thread's arena, which
/// keeps freed pages for reuse. The terminal UI replaces agents: each switch frees a replay memory of tens of
/// megabytes and allocates the next elsewhere in the training thread's arena, so the process's resident memory
/// grew by each hole it left. Measured in the five-minute soak (Tests/soak/soak.sh): the arena held 110 MB with
/// 21 MB in use, and resident memory at each visit of DQN on fourrooms went 96 → 149 → 191 MB. Setting the
/// threshold explicitly turns the adjustment off (mallopt(3)). Blocks this large are replay memories, datasets and
/// network tables, allocated once per agent, never per step, so mapping each costs nothing that matters.
enum LargeBlocks {
    /// The smallest block that gets a mapping of its own: 1 MiB.
    static let threshold: Int32 = 1 << 20

    static func mapEachOnItsOwn() {
        #if canImport(Glibc)
        typealias SetOption = @convention(c) (Int32, Int32) -> Int32
        // M_MMAP_THRESHOLD in glibc's malloc.h, which Swift's Glibc module does not import.
        let mmapThresholdOption: Int32 = -3
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: SetOption.self)(mmapThresholdOption, threshold)
        #endif
    }
}
