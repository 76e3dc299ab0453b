"""The embedder names the tool accepts, importable without loading any embedding code (fast CLI checks)."""

EMBEDDER_NAMES: tuple[str, ...] = ("minilm", "hashing", "openai")
