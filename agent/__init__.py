"""The interviewer: a LangGraph state machine, its critic and the terminal session."""
