"""`python -m compiler` entry point."""

from compiler.cli import main

raise SystemExit(main())
