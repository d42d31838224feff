// Generated from envs/*.txt by Tests/EnvironmentsTests/BuiltinMapsTests.swift; do not edit by hand.
// After changing envs/, run: RLTERM_REGENERATE_MAPS=1 swift test --filter BuiltinMaps

/// The maps shipped in envs/, compiled in so that `--env NAME` works from any directory.
public enum BuiltinMaps {
    /// (name, file text) of each envs/NAME.txt, sorted by name.
    public static let all: [(name: String, text: String)] = [
        (
            "cliffwalking",
            #"""
# Cliff Walking (Sutton & Barto, Example 6.6), as gymnasium's CliffWalking-v1.
# Walk from S to G along the top of a cliff. Every step costs 1; stepping into
# the cliff (C) costs 100 and puts you back on S, but the episode goes on.
# The shortest path runs right along the edge: 13 steps, return -13.
name: Cliff Walking

# Each step costs 1, and so does the last step, into G.
step_reward: -1
goal_reward: -1
cliff_reward: -100

# CliffWalking-v1 has no time limit. Training with exploration may still want one.
max_steps: none

map:
............
............
............
SCCCCCCCCCCG

"""#
        ),
        (
            "fourrooms",
            #"""
# Four rooms, after the layout of Sutton, Precup & Singh (1999), "Between MDPs and
# semi-MDPs": four rooms joined by four one-cell doorways, 11x11 inside the walls.
# Start in the top-left room; the goal is in the bottom-right room.
# Reward 1 at the goal and 0 elsewhere, so only discounting (gamma < 1) rewards a
# short path.
name: Four Rooms

max_steps: 500

map:
#############
#S....#.....#
#.....#.....#
#...........#
#.....#.....#
#.....#.....#
##.####.....#
#.....###.###
#.....#.....#
#.....#.....#
#...........#
#.....#....G#
#############

"""#
        ),
        (
            "frozenlake4x4",
            #"""
SFFF
FHFH
FFFH
HFFG

"""#
        ),
        (
            "frozenlake8x8",
            #"""
# FrozenLake 8x8: gymnasium's FrozenLake8x8-v1 map ("8x8" in gymnasium's FrozenLakeEnv.MAPS).
# Walk from S to G over the ice (F) without falling into a hole (H).
# Reward 1 for reaching G, 0 otherwise; falling into a hole ends the episode.
name: FrozenLake 8x8

# gymnasium's FrozenLake slips by default; rlterm maps slip only when asked.
# Write "slippery: true" here, or pass --slippery, for gymnasium's default.
slippery: false

# FrozenLake8x8-v1's time limit (FrozenLake-v1 on the 4x4 map has 100, rlterm's default).
max_steps: 200

map:
SFFFFFFF
FFFFFFFF
FFFHFFFF
FFFFFHFF
FFFHFFFF
FHHFFFHF
FHFFHFHF
FFFHFFFG

"""#
        ),
        (
            "maze",
            #"""
# A small maze. Every step costs 1, including the last one into G, which ends the
# episode: the return is minus the length of the path. Walls (#) cannot be entered.
name: Maze

step_reward: -1
goal_reward: -1
max_steps: 200

map:
###########
#S..#.....#
###.#.###.#
#...#...#.#
#.#####.#.#
#.#.....#.#
#.#.#####.#
#...#...#.#
#.###.#.#.#
#.....#..G#
###########

"""#
        ),
    ]
}
