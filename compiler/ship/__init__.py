"""The way from a generated tree to an installed plugin: package, pre-flight, signing, debug, export.
Modules here return values and raise ShipError; only the CLI prints."""

from compiler.errors import UserError


class ShipError(UserError):
    """A shipping step cannot go on; the message says why in one line (never with a secret in it)."""
