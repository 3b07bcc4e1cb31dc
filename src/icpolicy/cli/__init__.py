"""The icpolicy command line: `main` is the click group (app.py); each module beside adds its
commands (imported when a command is run or listed: app.COMMANDS).  The `icpolicy` command
starts in launch.py, which runs a plain search without importing click."""

__all__ = ["main"]


def __getattr__(name: str):
    if name == "main":  # when asked for: importing icpolicy.cli.launch must not import click
        from icpolicy.cli.app import main

        return main
    raise AttributeError(f"module 'icpolicy.cli' has no attribute {name!r}")
