extension AgentOptions {
    /// The Ψ an algorithm uses: `psi` if set and among `supported`, else `fallback`.
    func psi(for algorithm: String, supported: [Psi], fallback: Psi) throws(AlgorithmError) -> Psi {
        guard let psi else { return fallback }
        guard supported.contains(psi) else { throw .unsupportedPsi(algorithm: algorithm, psi: psi, supported: supported) }
        return psi
    }
}
