/// A Slurm job-array script for a sweep: `#SBATCH --array=0-(N−1)`, and a `case` on `SLURM_ARRAY_TASK_ID`
/// with one line per task index, each `exec`ing that run's `rlterm train` command. Standard output and error
/// of task i go to `<root>/slurm-<job>_<i>.out`; each `extra` line becomes one more `#SBATCH` directive.
enum SlurmScript {
    static func text(runs: [SweepRun], program: String, root: String, extra: [String]) -> String {
        var lines = [
            "#!/bin/bash",
            "# \(runs.count) runs of 'rlterm train' written by 'rlterm sweep'; submit with: sbatch <this file>",
            "#SBATCH --job-name=rlterm-sweep",
            "#SBATCH --array=0-\(runs.count - 1)",
            "#SBATCH --cpus-per-task=1",
            "#SBATCH --output=\(root)/slurm-%A_%a.out",
        ]
        lines += extra.map { "#SBATCH \($0)" }
        lines += ["set -euo pipefail", "case \"${SLURM_ARRAY_TASK_ID:?submit with sbatch: SLURM_ARRAY_TASK_ID is not set}\" in"]
        lines += runs.map { "\($0.index)) exec \($0.command(program: program)) ;;" }
        lines += ["*) echo \"no run has task index $SLURM_ARRAY_TASK_ID (0-\(runs.count - 1))\" >&2; exit 64 ;;", "esac"]
        return lines.joined(separator: "\n") + "\n"
    }
}
