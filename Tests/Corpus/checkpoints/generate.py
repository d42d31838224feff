#!/usr/bin/env python3
"""Writes the damaged-checkpoint corpus next to this script (see README.md there).

Two small valid checkpoints are built from scratch in rlterm's layout (a DQN agent on cartpole and an
actor-critic agent on frozenlake4x4); every other file is one of them with one thing broken. The output
is deterministic, so running this again reproduces the committed files byte for byte.
"""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))

DQN_HYPERPARAMETERS = {
    "alpha": 0.6, "batch-size": 64, "beta0": 0.4, "buffer-size": 50000, "eps-end": 0.04, "eps-fraction": 0.12,
    "eps-start": 1, "gamma": 0.99, "gradient-steps": 1, "her-k": 4, "hidden": 8, "layers": 1,
    "learning-starts": 1000, "lr": 0.0023, "max-grad-norm": 10, "target-period": 100, "tau": 1, "train-freq": 1,
}
AC_HYPERPARAMETERS = {
    "ent-coef": 0, "gamma": 0.99, "hidden": 8, "layers": 0, "pi-lr": 0.003, "steps-per-epoch": 4, "vf-iters": 1,
    "vf-lr": 0.01,
}
OPTIONS = {"bootstrapCritic": False, "double": False, "hindsight": "none", "noReplay": False, "noTarget": False,
           "replay": "uniform"}


def compact(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def spec(name, bits=10, states=10):
    return compact({"bits": bits, "name": name, "slippery": False, "states": states})


def weights(count, seed):
    """Small distinct values, exactly representable in float32."""
    return [((index * 37 + seed * 11) % 17 - 8) / 16.0 for index in range(count)]


class Checkpoint:
    """A header (tensor entries and metadata) and the data section, in rlterm's safetensors layout."""

    def __init__(self, algorithm, environment, observations, actions, hyperparameters, networks):
        self.metadata = {
            "action_count": str(actions), "algorithm": algorithm, "environment": environment,
            "environment.spec": spec(environment), "hyperparameters": compact(hyperparameters),
            "observation_size": str(observations), "options": compact(OPTIONS), "rlterm_version": "0.1.0",
            "seed": "0", "timesteps": "1000",
        }
        self.tensors = {}
        self.data = b""
        for seed, (prefix, sizes, activation) in enumerate(networks):
            self.metadata[prefix + ".sizes"] = ",".join(map(str, sizes))
            self.metadata[prefix + ".activation"] = activation
            for layer in range(len(sizes) - 1):
                for kind, shape in (("weight", [sizes[layer + 1], sizes[layer]]), ("bias", [sizes[layer + 1]])):
                    count = shape[0] * (shape[1] if len(shape) > 1 else 1)
                    self.add(f"{prefix}.{2 * layer}.{kind}", shape, weights(count, seed + layer))

    def add(self, name, shape, values):
        begin = len(self.data)
        self.data += struct.pack(f"<{len(values)}f", *values)
        self.tensors[name] = {"dtype": "F32", "shape": shape, "data_offsets": [begin, len(self.data)]}

    def header(self):
        header = dict(self.tensors)
        header["__metadata__"] = self.metadata
        text = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
        return text + b" " * (-len(text) % 8)

    def bytes(self, header=None):
        header = self.header() if header is None else header
        return struct.pack("<Q", len(header)) + header + self.data

    def float_offset(self, name, index):
        """The file offset of element `index` of tensor `name`."""
        return 8 + len(self.header()) + self.tensors[name]["data_offsets"][0] + 4 * index


def dqn():
    return Checkpoint("dqn", "cartpole", 4, 2, DQN_HYPERPARAMETERS, [("q", [4, 8, 2], "relu")])


def ac():
    return Checkpoint("ac", "frozenlake4x4", 16, 4, AC_HYPERPARAMETERS,
                      [("pi", [16, 4], "tanh"), ("v", [16, 1], "tanh")])


def with_metadata(**changes):
    checkpoint = dqn()
    for key, value in changes.items():
        key = key.replace("__", ".")
        if value is None:
            del checkpoint.metadata[key]
        else:
            checkpoint.metadata[key] = value
    return checkpoint.bytes()


def with_entry(name, **changes):
    checkpoint = dqn()
    checkpoint.tensors[name] = dict(checkpoint.tensors[name], **changes)
    return checkpoint.bytes()


def with_float(name, index, value, base=dqn):
    checkpoint = base()
    data = bytearray(checkpoint.bytes())
    offset = checkpoint.float_offset(name, index)
    data[offset:offset + 4] = struct.pack("<f", value)
    return bytes(data)


def with_header_text(text):
    return struct.pack("<Q", len(text)) + text + dqn().data


def files():
    valid = dqn().bytes()
    header_length = len(dqn().header())
    hyperparameters = dict(DQN_HYPERPARAMETERS)
    yield "valid-dqn.safetensors", valid
    yield "valid-ac.safetensors", ac().bytes()
    # Truncation and header length.
    yield "empty.safetensors", b""
    yield "seven-bytes.safetensors", valid[:7]
    yield "truncated-in-header.safetensors", valid[:8 + header_length // 2]
    yield "truncated-in-data.safetensors", valid[:-3]
    yield "header-length-beyond-file.safetensors", struct.pack("<Q", len(valid)) + valid[8:]
    yield "header-length-max.safetensors", b"\xff" * 8 + valid[8:]
    yield "header-length-zero.safetensors", struct.pack("<Q", 0) + valid[8:]
    yield "trailing-bytes.safetensors", valid + b"\0\0\0\0"
    # The JSON header.
    yield "header-not-json.safetensors", with_header_text(b"{\"q.0.weight\": {\"dtype\": \"F32\", " + b" " * 6)
    yield "header-json-array.safetensors", with_header_text(b"[1, 2, 3]")
    yield "header-invalid-utf8.safetensors", with_header_text(b"{\"\xff\xfe\": 1}  ")
    yield "header-deeply-nested.safetensors", with_header_text(b"[" * 100000 + b"]" * 100000)
    yield "header-nul-bytes.safetensors", with_header_text(b"\0" * 64)
    yield "metadata-not-strings.safetensors", with_metadata(timesteps=1000)
    checkpoint = dqn()
    checkpoint.tensors["q.0.bias"] = [8]
    yield "entry-not-object.safetensors", checkpoint.bytes()
    # Entries: dtype, shape, offsets.
    yield "dtype-f16.safetensors", with_entry("q.0.weight", dtype="F16")
    yield "dtype-f64.safetensors", with_entry("q.2.bias", dtype="F64")
    yield "dtype-missing.safetensors", with_entry("q.0.bias", dtype=None)
    yield "shape-transposed.safetensors", with_entry("q.0.weight", shape=[4, 8])
    yield "shape-wrong-size.safetensors", with_entry("q.0.weight", shape=[8, 5])
    yield "shape-negative.safetensors", with_entry("q.0.bias", shape=[-8])
    yield "shape-fraction.safetensors", with_entry("q.0.bias", shape=[7.5])
    yield "shape-overflow.safetensors", with_entry("q.0.weight", shape=[2 ** 40, 2 ** 40, 2 ** 40])
    yield "offsets-beyond-data.safetensors", with_entry("q.2.bias", data_offsets=[224, 240])
    yield "offsets-inverted.safetensors", with_entry("q.2.bias", data_offsets=[232, 224])
    yield "offsets-negative.safetensors", with_entry("q.0.weight", data_offsets=[-128, 0])
    yield "offsets-three.safetensors", with_entry("q.2.bias", data_offsets=[224, 232, 240])
    yield "offsets-overlapping.safetensors", with_entry("q.0.bias", data_offsets=[120, 152])
    checkpoint = dqn()
    checkpoint.data = checkpoint.data[:224] + b"\0\0\0\0" + checkpoint.data[224:]
    checkpoint.tensors["q.2.bias"]["data_offsets"] = [228, 236]
    yield "offsets-gap.safetensors", checkpoint.bytes()
    yield "offsets-huge.safetensors", with_entry("q.2.bias", data_offsets=[2 ** 63 - 8, 2 ** 63])
    # Tensors against the network.
    checkpoint = dqn()
    del checkpoint.tensors["q.2.bias"]
    checkpoint.data = checkpoint.data[:224]
    yield "tensor-missing.safetensors", checkpoint.bytes()
    checkpoint = dqn()
    checkpoint.add("q.4.weight", [2, 2], [0.0] * 4)
    yield "tensor-unexpected.safetensors", checkpoint.bytes()
    # Values.
    yield "nan-weight.safetensors", with_float("q.0.weight", 5, float("nan"))
    yield "infinite-bias.safetensors", with_float("q.2.bias", 1, float("inf"))
    yield "nan-critic.safetensors", with_float("v.0.weight", 3, float("nan"), base=ac)
    # Metadata.
    empty = dqn()
    empty.metadata = {}
    yield "metadata-missing.safetensors", empty.bytes()
    yield "metadata-no-algorithm.safetensors", with_metadata(algorithm=None)
    yield "metadata-no-environment.safetensors", with_metadata(environment__spec=None)
    yield "algorithm-unknown.safetensors", with_metadata(algorithm="ppo")
    yield "algorithm-mismatch.safetensors", with_metadata(algorithm="vpg")
    yield "environment-unknown.safetensors", with_metadata(environment__spec=spec("atari-pong"))
    yield "environment-spec-not-json.safetensors", with_metadata(environment__spec="{\"name\": cartpole}")
    yield "environment-missing-map.safetensors", with_metadata(environment__spec=spec("maps/gone.txt"))
    yield "environment-device.safetensors", with_metadata(environment__spec=spec("/dev/zero"))
    yield "bits-zero.safetensors", with_metadata(environment__spec=spec("bitflip", bits=0))
    yield "states-huge.safetensors", with_metadata(environment__spec=spec("cliffwalk", states=1000000))
    yield "observation-size-mismatch.safetensors", with_metadata(observation_size="5")
    yield "action-count-mismatch.safetensors", with_metadata(action_count="3")
    yield "sizes-mismatch.safetensors", with_metadata(q__sizes="4,16,2")
    yield "activation-unknown.safetensors", with_metadata(q__activation="gelu")
    yield "hyperparameters-not-json.safetensors", with_metadata(hyperparameters="gamma=0.99")
    hyperparameters["gamma"] = 1.5
    yield "hyperparameter-out-of-range.safetensors", with_metadata(hyperparameters=compact(hyperparameters))
    yield "hyperparameter-unknown.safetensors", with_metadata(hyperparameters=compact({"temperature": 1}))
    yield "options-bad-replay.safetensors", with_metadata(options=compact(dict(OPTIONS, replay="lifo")))


def main():
    for name, data in files():
        with open(os.path.join(HERE, name), "wb") as file:
            file.write(data)


if __name__ == "__main__":
    main()
