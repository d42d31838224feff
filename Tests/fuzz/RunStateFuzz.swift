import Agents
import Environments
import NeuralNet
import RLCore
import Training

/// The hyperparameters that size what a trainer allocates, and the most the fuzzer lets an input ask for. A
/// mutated `hyperparameters` entry may ask for a memory of 10⁹ transitions; building that would spend the run in
/// allocation (or stop it at the RSS limit) without reading one more byte of the file, which is what is under
/// test. The seeds stay far below these bounds.
let sizeBounds: [HyperparameterKey: Double] = [
    .hiddenSize: 64, .hiddenLayers: 3, .batchSize: 256, .bufferSize: 4096, .collectSteps: 4096,
    .stepsPerEpoch: 4096, .environments: 8, .herK: 8,
]

/// Environments the harness builds: the fixed ones and the built-in maps. A name that is a path would make the
/// fuzzer read files named by its input, which tests the map parser (its own target), not this reader.
let buildableEnvironments = Set(EnvironmentRegistry.fixedNames + BuiltinMaps.all.map(\.name))

/// libFuzzer entry point for the run checkpoint reader (`RunStateFile`) and the restore behind `--resume`:
/// every input is read as a run checkpoint; one that parses and whose metadata describes a small run (the
/// algorithm, environment, hyperparameters and options `Trainer` is built from, as run.json would give them)
/// is restored into a freshly built trainer of that configuration, which must either take every part or refuse
/// the file with a typed error. A crash, a trap or a sanitizer report anywhere in that path is a finding.
/// The seeds (`Tests/fuzz/seeds/runstate`) are real run checkpoints of every algorithm, so mutations reach the
/// restores of memories, rollouts, environments and generators, not only the header.
@_cdecl("LLVMFuzzerTestOneInput")
public func runStateFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let state = try? RunStateFile.read(bytes: bytes, path: "fuzz.safetensors"),
          let recipe = try? AgentCheckpoint.Recipe(metadata: state.metadata, path: "fuzz.safetensors"),
          buildableEnvironments.contains(recipe.environment.name),
          sizeBounds.allSatisfy({ key, bound in
              !recipe.hyperparameters.keys.contains(key) || recipe.hyperparameters[key] <= bound
          })
    else { return 0 }
    // A budget past any step count a file can hold, so the restore is never refused as a finished run before
    // its parts are read.
    let configuration = TrainingConfiguration(environment: recipe.environment, hyperparameters: recipe.hyperparameters,
                                              options: recipe.options, steps: 1 << 62, seed: 1, evaluationEpisodes: 2)
    _ = try? Trainer(restoring: state, configuration: configuration, resumePoint: nil)
    return 0
}
