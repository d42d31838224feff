// swift-tools-version:6.0
import PackageDescription

// Layers (docs/ARCHITECTURE.md): each target may import only the ones below it.
//   rlterm ─> TerminalUI ─> CNCurses
//      ├────> Agents ─> Environments ─> RLCore   (Agents also imports RLCore directly)
//      └────> Environments ─> RLCore
let package = Package(
    name: "rlterm",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rlterm", targets: ["rlterm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "RLCore"),
        .target(name: "Environments", dependencies: ["RLCore"]),
        .target(name: "Agents", dependencies: ["RLCore", "Environments"]),
        // ncursesw from the system (Debian: libncurses-dev). No pkgConfig: Debian's ncursesw.pc adds -D flags
        // that SwiftPM rejects with a warning on every build; the shim header defines what it needs itself.
        .systemLibrary(name: "CNCurses"),
        .target(name: "TerminalUI", dependencies: ["CNCurses"]),
        .executableTarget(
            name: "rlterm",
            dependencies: [
                "RLCore", "Environments", "Agents", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RLCoreTests", dependencies: ["RLCore"]),
        .testTarget(name: "EnvironmentsTests", dependencies: ["Environments"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AgentsTests", dependencies: ["Agents", "Environments", "RLCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
    ],
    swiftLanguageModes: [.v6]
)
