"""`python -m icpolicy` is the icpolicy command."""

from icpolicy.cli.launch import main

main()
