// swift-tools-version:6.0
import PackageDescription

// rlterm is licensed under the Apache License, Version 2.0 (LICENSE).

// Layers (docs/ARCHITECTURE.md): each target may import only the ones below it.
//   rlterm ─> RLTermCLI ─> Watch ─> TerminalUI ─> CNCurses
//      │         │           └────> Training ─> Agents ─> NeuralNet ─> RLCore, CNeuralNetShims (C: MXCSR flush-to-zero, AVX helpers)
//      │         ├─> Sharing ─> Training     └─────> Environments ─> RLCore, CLibm (C: glibc's pow, called at run time)
//      │         ├─> Analysis ─> Training (runs' learning curves for `rlterm plot`)
//      │         └─> Experiments (its IntegerList and TextColumns, for `rlterm sweep`)
//      └────> Experiments ─> Training, Agents, Environments
//      └────> Training, Environments
// Only NeuralNet gets CPU-specific code generation (see neuralNetSettings); Environments stays plain IEEE
// double code because CartPole is checked bit for bit against gymnasium.

// NeuralNet's GEMM kernels use SIMD8<Float>.addingProduct: without FMA in the target, release builds for
// baseline x86-64 turn every lane into a libm fmaf call (a DQN update took 4 ms instead of 25 µs).
// -fno-math-errno lets squareRoot() (a clang-imported sqrtf) become vsqrtps in Adam instead of an
// errno-setting call. docs/BENCHMARKS.md has the measurements.
#if arch(x86_64)
let neuralNetSettings: [SwiftSetting] = [
    .unsafeFlags(["-Xcc", "-mavx2", "-Xcc", "-mfma", "-Xcc", "-fno-math-errno"]),
]
#else
let neuralNetSettings: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-fno-math-errno"])]
#endif

let package = Package(
    name: "rlterm",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rlterm", targets: ["rlterm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "RLCore"),
        // Acrobot squares through glibc's pow as numpy does; a Swift pow(x, 2) would be folded into x * x.
        .target(name: "CLibm", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "Environments", dependencies: ["RLCore", "CLibm"]),
        .target(name: "CNeuralNetShims"),
        .target(name: "NeuralNet", dependencies: ["RLCore", "CNeuralNetShims"], swiftSettings: neuralNetSettings),
        .target(name: "Agents", dependencies: ["RLCore", "NeuralNet"]),
        .target(name: "Training", dependencies: ["RLCore", "Environments", "NeuralNet", "Agents"]),
        // The papers' experiments behind `rlterm reproduce`, built on the engine's environments and agents.
        .target(name: "Experiments", dependencies: ["RLCore", "Environments", "NeuralNet", "Agents", "Training"]),
        // ncursesw from the system (Debian: libncurses-dev). No pkgConfig: Debian's ncursesw.pc adds -D flags
        // that SwiftPM rejects with a warning on every build; the shim header defines what it needs itself.
        // Classroom mode's wire protocol, socket server and client: snapshots and commands over a Unix socket,
        // knowing nothing of curses (docs/ARCHITECTURE.md).
        .target(name: "Sharing", dependencies: ["RLCore", "Environments", "NeuralNet", "Agents", "Training"]),
        // Learning curves of finished runs (Monitor files, run.json) aggregated over seeds for `rlterm plot`.
        .target(name: "Analysis", dependencies: ["RLCore", "Training"]),
        .systemLibrary(name: "CNCurses"),
        .target(name: "TerminalUI", dependencies: ["CNCurses"]),
        // The live terminal UI: the training engine's snapshots turned into TerminalUI's screens, keys into commands.
        .target(name: "Watch", dependencies: ["TerminalUI", "Training", "Agents", "Environments"]),
        // The commands (argument parsing, wiring, exit statuses) as a library, so tests can parse and map errors.
        .target(
            name: "RLTermCLI",
            dependencies: [
                "RLCore", "Environments", "NeuralNet", "Agents", "Training", "Experiments", "Analysis", "TerminalUI", "Watch", "Sharing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "rlterm",
            dependencies: [
                "RLTermCLI", "RLCore", "Environments", "NeuralNet", "CNeuralNetShims", "Agents", "Training", "Experiments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RLCoreTests", dependencies: ["RLCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "EnvironmentsTests", dependencies: ["Environments", "RLCore", "CorpusSupport"],
            resources: [.copy("Fixtures")]
        ),
        // Counts malloc calls on the current thread so a test can prove a training update allocates nothing.
        .target(name: "CMallocCounter", path: "Tests/CMallocCounter"),
        // Reads the bad-file corpus (Tests/Corpus) and the messages its expected.tsv tables give.
        .target(name: "CorpusSupport", path: "Tests/CorpusSupport"),
        .testTarget(
            name: "NeuralNetTests",
            dependencies: ["NeuralNet", "RLCore", "CMallocCounter"],
            // PyTorch's numbers and the Python that wrote them, read by path from the tests (no bundle).
            exclude: ["interop_check.py", "conv_interop_check.py", "Fixtures"]
        ),
        .testTarget(name: "AgentsTests", dependencies: ["Agents", "Environments", "RLCore", "NeuralNet", "CMallocCounter"]),
        .testTarget(
            name: "TrainingTests",
            dependencies: [
                "Training", "Agents", "Environments", "RLCore", "NeuralNet", "CMallocCounter", "CorpusSupport",
            ]
        ),
        .testTarget(
            name: "ExperimentsTests", dependencies: ["Experiments", "Training", "Agents", "Environments", "RLCore", "NeuralNet"]
        ),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "RLCore", "Training"], resources: [.copy("Fixtures")]),
        // Environments only to draw the MinAtar goldens' boards from real seeded games.
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Environments"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RLTermCLITests",
            dependencies: ["RLTermCLI", "Training", "Analysis", "TerminalUI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "SharingTests", dependencies: ["Sharing", "Training", "Agents", "Environments", "RLCore", "NeuralNet"]),
        .testTarget(name: "WatchTests", dependencies: ["Watch", "TerminalUI", "Training", "Agents", "Environments"]),
    ],
    swiftLanguageModes: [.v6]
)
