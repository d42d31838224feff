import Foundation
import Testing
@testable import RLTermCLI

@Suite("sweep: grids, commands, the Slurm script, and checking every run as train does")
struct SweepCommandTests {
    @Test("every combination, seeds fastest, each run in its own directory under its setting's folder")
    func grid() throws {
        let command = try SweepCommand.parse(["--env", "cartpole", "--algo", "dqn,fqi", "--seeds", "1-2", "--set", "lr=1e-3,3e-4",
                                              "--steps", "500", "--out", "sw", "--", "--eval-every", "100"])
        let runs = try command.grid().runs
        #expect(runs.count == 8 && runs.map(\.index) == Array(0..<8))
        #expect(runs.map(\.directory).prefix(4) == ["sw/dqn_cartpole_lr=1e-3/seed=1", "sw/dqn_cartpole_lr=1e-3/seed=2",
                                                    "sw/dqn_cartpole_lr=3e-4/seed=1", "sw/dqn_cartpole_lr=3e-4/seed=2"])
        #expect(runs[7].command(program: "rlterm") == "rlterm train --env cartpole --algo fqi --seed 2 --set lr=3e-4 "
                + "--steps 500 --eval-every 100 --log-dir sw/fqi_cartpole_lr=3e-4/seed=2")
        try command.check(runs)
    }

    @Test("map paths become folder names; words a shell would split are quoted")
    func quoting() throws {
        #expect(SweepGrid.pathPart("envs/my maze.txt") == "my-maze")
        let run = SweepRun(index: 0, directory: "a b", arguments: ["train", "--log-dir", "a b"])
        #expect(run.command(program: "/opt/rl term") == "'/opt/rl term' train --log-dir 'a b'")
    }

    @Test("a value train would refuse stops the sweep before anything is printed, naming the run", arguments: [
        (["--env", "cartpole", "--algo", "dqn", "--set", "lr=1e-3,5"], "α (lr) must be a number in (0, 1], got 5"),
        (["--env", "cartpole", "--algo", "dqn,vpg", "--set", "lr=1e-3"], "lr is not a hyperparameter of vpg"),
        (["--env", "nowhere", "--algo", "dqn", "--steps", "100"], "nowhere"),
        (["--env", "cartpole", "--algo", "dqn", "--steps", "0"], "--steps must be a whole number ≥ 1"),
        (["--env", "cartpole", "--algo", "dqn", "--", "--gamma", "2"], "γ (gamma) must be a number in [0, 1]"),
    ])
    func refused(arguments: [String], message: String) throws {
        let command = try SweepCommand.parse(arguments)
        do {
            try command.check(try command.grid().runs)
            Issue.record("expected a refusal")
        } catch let failure as CommandFailure {
            #expect(failure.status == .usage || failure.status == .noInput, "\(failure.message)")
            #expect(failure.message.contains(message), "\(failure.message)")
            #expect(failure.message.hasPrefix("run "))
        }
    }

    @Test("malformed lists and reserved options are usage errors", arguments: [
        ["--env", "cartpole", "--algo", "dqn", "--seeds", "3-1"],
        ["--env", "cartpole", "--algo", "dqn", "--seeds", "1,,2"],
        ["--env", "cartpole", "--algo", "dqn,", "--seeds", "1"],
        ["--env", "cartpole", "--algo", "dqn", "--set", "lr"],
        ["--env", "cartpole", "--algo", "dqn", "--set", "lr=1,"],
    ])
    func malformed(arguments: [String]) throws {
        let command = try SweepCommand.parse(arguments)
        #expect(throws: CommandFailure.self) { try command.grid() }
    }

    @Test("options the sweep sets itself cannot follow '--', and --run excludes --slurm", arguments: [
        ["--env", "cartpole", "--algo", "dqn", "--", "--log-dir", "x"],
        ["--env", "cartpole", "--algo", "dqn", "--", "--seed=3"],
        ["--env", "cartpole", "--algo", "dqn", "--run", "--slurm", "x.sh"],
        ["--env", "cartpole", "--algo", "dqn", "--run", "-j", "0"],
    ])
    func reserved(arguments: [String]) {
        #expect(throws: (any Error).self) { try SweepCommand.parse(arguments) }
    }

    @Test("the Slurm script: an array over every run, one case line per task index, extra #SBATCH lines")
    func slurm() throws {
        let runs = try SweepCommand.parse(["--env", "cartpole", "--algo", "dqn", "--seeds", "0-2", "--out", "sw"]).grid().runs
        let lines = SlurmScript.text(runs: runs, program: "rlterm", root: "sw", extra: ["--time=00:10:00"])
            .split(separator: "\n").map(String.init)
        #expect(lines.first == "#!/bin/bash")
        #expect(lines.filter { $0.hasPrefix("#SBATCH") } == [
            "#SBATCH --job-name=rlterm-sweep", "#SBATCH --array=0-2", "#SBATCH --cpus-per-task=1",
            "#SBATCH --output=sw/slurm-%A_%a.out", "#SBATCH --time=00:10:00",
        ])
        for run in runs {
            #expect(lines.contains("\(run.index)) exec \(run.command(program: "rlterm")) ;;"))
        }
    }
}
