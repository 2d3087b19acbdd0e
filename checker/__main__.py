"""`python -m checker` is the `check` command."""
from checker.cli import command

command()
