"""The way from a generated tree to an installed plugin: package, pre-flight, signing, debug, export."""
