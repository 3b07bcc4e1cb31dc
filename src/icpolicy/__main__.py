"""`python -m icpolicy` is the icpolicy command."""

from icpolicy.cli import main

main()
