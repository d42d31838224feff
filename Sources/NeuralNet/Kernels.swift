import CNeuralNetShims
import Foundation

/// Which vector unit the network kernels use, chosen once per process (see `Kernels.active`).
public enum KernelChoice: String, Sendable, CaseIterable {
    /// 16-lane AVX-512 GEMM tiles and tanh (C, per-function target attributes); everything else as `avx2`.
    case avx512
    /// The Swift SIMD8 kernels, compiled with AVX2 and FMA on x86-64.
    case avx2
    /// The Swift SIMD8 kernels on other architectures.
    case portable
}

/// The kernel choice for this process: the widest vector unit the CPU has, unless the environment variable
/// `RLTERM_KERNELS` names another available one (so tests and users can pin a choice).
///
/// The choices compute every matrix product with the same summation order (each output one chain of fused
/// multiply-adds in index order), so for the same seed they give the same results bit for bit; only the
/// speed differs. docs/ARCHITECTURE.md, "Kernels", says so and how it is tested.
public enum Kernels {
    public static let environmentVariable = "RLTERM_KERNELS"

    /// The choices this CPU can run, widest first.
    public static let available: [KernelChoice] = {
        #if arch(x86_64)
            return rlterm_cpu_has_avx512() ? [.avx512, .avx2] : [.avx2]
        #else
            return [.portable]
        #endif
    }()

    /// The choice in effect: `RLTERM_KERNELS` if it names an available choice, otherwise the widest.
    /// `requestProblem` explains a request that was not honoured; the command line refuses to run with one.
    public static let active: KernelChoice = resolve(ProcessInfo.processInfo.environment[environmentVariable]).choice

    /// Why `RLTERM_KERNELS` was not honoured, or nil when it was (or is unset).
    public static var requestProblem: String? {
        resolve(ProcessInfo.processInfo.environment[environmentVariable]).problem
    }

    static func resolve(_ requested: String?) -> (choice: KernelChoice, problem: String?) {
        let widest = available[0]
        guard let requested, !requested.isEmpty else { return (widest, nil) }
        let names = available.map(\.rawValue).joined(separator: ", ")
        guard let choice = KernelChoice(rawValue: requested) else {
            return (widest, "\(environmentVariable)=\(requested) is not a kernel choice; this CPU has: \(names)")
        }
        guard available.contains(choice) else {
            return (widest, "\(environmentVariable)=\(requested) is not available on this CPU, which has: \(names)")
        }
        return (choice, nil)
    }

    /// Whether products go to the AVX-512 GEMM; read on every product, so it is a stored constant.
    static let usesAVX512 = active == .avx512
}
