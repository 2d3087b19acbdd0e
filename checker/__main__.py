"""`python -m checker` is the `check` command."""
import sys

from checker.cli import command, main

if sys.modules["__main__"].__dict__ is globals():  # the program itself
    command()
else:  # run by another program (runpy, python -m cProfile -m checker), which goes on after it
    sys.exit(main())
