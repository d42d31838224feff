extension AgentOptions {
    /// The Ψ `algorithm` uses: `psi` if set and one it implements, else its default.
    func psi(for algorithm: Algorithm) throws(AlgorithmError) -> Psi {
        guard let psi else { return algorithm.defaultPsi! }
        guard algorithm.psiChoices.contains(psi) else {
            throw .unsupportedPsi(algorithm: algorithm.name, psi: psi, supported: algorithm.psiChoices)
        }
        return psi
    }
}
