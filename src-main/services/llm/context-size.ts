/**
 * Tokens of context the copilot loads a model with (less where the model was
 * trained on less). A turn's prompt — system prompt, question, up to four tool
 * results and the answer — needs about 4,000–5,000; with less, node-llama-cpp
 * shifts the context mid-turn, which drops the system prompt and re-evaluates
 * everything (measured: 41 s instead of 1–2 s for the answer on 2 CPU threads).
 */
export const COPILOT_CONTEXT_SIZE = 8192;
