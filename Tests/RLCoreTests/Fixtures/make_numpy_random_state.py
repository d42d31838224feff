"""Writes numpy_random_state.json: draws of numpy's legacy RandomState for rlterm's NumpyRandomState tests.

Run `python3 make_numpy_random_state.py` here (numpy 2.4.6, CPython 3.11.7 on Linux x86-64). A test helper,
not a runtime dependency. Each draw is one string,
`rand HEXFLOAT @POSITION` or `randint LOW HIGH = VALUE @POSITION`, where POSITION is the number of 32-bit words
drawn since seeding (700 draws per seed pass the first regeneration of MT19937's 624-word state).
"""
import json

import numpy as np


class WordCounter:
    """Counts the words a RandomState has drawn, from its key position and the regenerations seen so far
    (look at least once every 624 words, so that no regeneration goes unseen)."""

    def __init__(self, random):
        self.random = random
        self.twists = 0
        self.last = self._state()

    def _state(self):
        _, key, pos, _, _ = self.random.get_state()
        return key[0], pos

    def position(self):
        key0, pos = self._state()
        if pos < self.last[1] or key0 != self.last[0]:
            self.twists += 1
        self.last = (key0, pos)
        return self.twists * 624 + pos - 624


def entry(seed):
    random = np.random.RandomState(seed)
    counter = WordCounter(random)
    draws = []
    ranges = [(0, 2), (0, 10), (1, 6), (0, 7), (0, 1), (3, 4), (0, 8), (-5, 5), (0, 1000), (0, 2**31)]
    for i in range(700):
        if i % 3 == 0:
            value = random.rand()
            draws.append(f"rand {float(value).hex()} @{counter.position()}")
        else:
            low, high = ranges[i % len(ranges)]
            value = int(random.randint(low, high))
            draws.append(f"randint {low} {high} = {value} @{counter.position()}")
    return {"seed": seed, "draws": draws}


def main():
    seeds = [0, 42, 2**32 - 1]
    with open("numpy_random_state.json", "w") as out:
        json.dump({"numpy": np.__version__, "seeds": [entry(s) for s in seeds]}, out, separators=(",", ":"))
        out.write("\n")


if __name__ == "__main__":
    main()
