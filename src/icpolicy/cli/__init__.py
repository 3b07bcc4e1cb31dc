"""The icpolicy command line: `main` is the click group; each module beside adds its commands
(imported when a command is run or listed: app.COMMANDS)."""

from icpolicy.cli.app import main

__all__ = ["main"]
