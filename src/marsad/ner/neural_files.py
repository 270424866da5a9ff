"""File names of the optional BiLSTM half of a model directory (importable without numpy)."""

VECTORS_FILE = "vectors.npy"
VOCAB_FILE = "vocab.txt"
CHARS_FILE = "chars.txt"
ENCODER_FILE = "encoder.onnx"
ONNX_FILE = "tagger.onnx"
NEURAL_FILES = (ENCODER_FILE, ONNX_FILE, VECTORS_FILE, VOCAB_FILE, CHARS_FILE)
# Optional: the learned transition and start scores of a network trained with a CRF output layer (its graph then
# gives unnormalized tag scores, not log-probabilities).
TRANSITIONS_FILE = "transitions.npz"
