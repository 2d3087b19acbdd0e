"""Built-in rules (installed as ``checker.rules``); one module per rule, vocabulary in data/."""
