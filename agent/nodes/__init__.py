"""Graph nodes, one module per step of the interview (wired in agent/graph.py)."""
