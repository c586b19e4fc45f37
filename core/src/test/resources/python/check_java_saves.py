"""Checks the files PythonInteropTest wrote with jtorch, using real PyTorch.

    /usr/bin/python3 check_java_saves.py <folder jtorch wrote> <fixture folder>

Prints one line per check and "ALL OK" at the end; any failed check raises (exit status 1).
"""
import json
import os
import struct
import sys

import torch

java, fixtures = sys.argv[1], sys.argv[2]


def load(name, weights_only=True):
    return torch.load(os.path.join(java, name), weights_only=weights_only)


def same_bits(a, b):
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.is_floating_point():
        view = {2: torch.int16, 4: torch.int32, 8: torch.int64}[a.element_size()]
        return torch.equal(a.contiguous().view(view), b.contiguous().view(view))
    return torch.equal(a, b)


# 1. A state dict loaded from a Python file and saved again by Java equals the original, in order.
original = torch.load(os.path.join(fixtures, "state_dict.pt"), weights_only=True)
copy = load("state_dict.pt")
assert list(copy.keys()) == list(original.keys()), (list(copy.keys()), list(original.keys()))
for k in original:
    assert same_bits(original[k], copy[k]), k
print("state_dict ok")

# 2. One tensor per dtype, bit for bit (NaN, -0.0, inf, extremes).
original = torch.load(os.path.join(fixtures, "dtypes.pt"), weights_only=True)
copy = load("dtypes.pt")
for k in original:
    assert same_bits(original[k], copy[k]), k
print("dtypes ok")

# 3. Views saved by Java share one storage in Python too.
shared = load("shared.pt")
x = torch.arange(20.0)
assert torch.equal(shared["a"], x)
assert torch.equal(shared["b"], x[5:15].view(2, 5))
assert torch.equal(shared["c"], x.view(4, 5).t()) and shared["c"].stride() == (1, 5)
assert shared["b"].storage().data_ptr() == shared["a"].storage().data_ptr()
assert shared["c"].storage().data_ptr() == shared["a"].storage().data_ptr()
print("shared ok")

# 4. Nested containers with the types weights_only=True accepts in PyTorch 1.13.
nested = load("nested.pt")
assert nested["epoch"] == 3 and nested["big"] == 2 ** 40 and nested["neg"] == -7 and nested["huge"] == -(2 ** 80)
assert nested["name"] == "r\u00e9sum\u00e9" and nested["none"] is None and nested["flags"] == [True, False]
assert nested["pair"][0] == 1 and torch.equal(nested["pair"][1], torch.tensor([1, 2], dtype=torch.int64))
assert isinstance(nested["pair"], tuple)
assert nested["inner"]["deep"] == ["x", [1, 2]]
assert isinstance(nested["param"], torch.nn.Parameter) and nested["param"].requires_grad
assert torch.equal(nested["param"].data, torch.ones(2, 2))
assert nested["scalar"].dim() == 0 and nested["scalar"].item() == 2.5
assert nested["empty"].shape == (0, 3)
assert nested["dtype"] is torch.float16
assert type(nested) is __import__("collections").OrderedDict
print("nested ok")

# 5. Values PyTorch 1.13's weights_only reader does not know (floats, bytes, sets) load with the full unpickler.
extras = load("extras.pt", weights_only=False)
assert extras == {"lr": 0.5, "bytes": b"\x00\xc8A", "set": {1, 2}}, extras
print("extras ok")

# 6. A safetensors file, parsed by hand by the format's rules.
codes = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16, "I64": torch.int64,
         "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8, "BOOL": torch.bool}
with open(os.path.join(java, "weights.safetensors"), "rb") as f:
    raw = f.read()
(n,) = struct.unpack("<Q", raw[:8])
assert (8 + n) % 8 == 0, n
text = raw[8:8 + n].decode("utf-8")
assert text == text.rstrip(" ") + " " * (len(text) - len(text.rstrip(" ")))
header = json.loads(text)
assert header.pop("__metadata__") == {"format": "pt", "source": "jtorch"}
data = raw[8 + n:]
spans = sorted((v["data_offsets"], k) for k, v in header.items())
end = 0
for (begin, stop), k in spans:
    assert begin == end, (k, begin, end)
    end = stop
assert end == len(data)
tensors = {}
for k, v in header.items():
    begin, stop = v["data_offsets"]
    dtype = codes[v["dtype"]]
    assert begin % torch.empty(0, dtype=dtype).element_size() == 0, k
    chunk = bytearray(data[begin:stop])
    t = torch.frombuffer(chunk, dtype=dtype) if chunk else torch.empty(0, dtype=dtype)
    tensors[k] = t.reshape(v["shape"])
assert list(header.keys()) == ["embedding", "mask", "ids", "half", "brain"], list(header.keys())
assert torch.equal(tensors["embedding"], torch.arange(6.0).reshape(2, 3))
assert torch.equal(tensors["mask"], torch.tensor([True, False, True]))
assert torch.equal(tensors["ids"], torch.tensor([-1, 2 ** 40], dtype=torch.int64))
assert torch.equal(tensors["half"], torch.tensor([0.5, -2.0], dtype=torch.float16))
assert torch.equal(tensors["brain"], torch.tensor([1.5, 3.0], dtype=torch.bfloat16))
print("safetensors ok")

print("ALL OK")
