"""Each spec's plugin processes, started once per run: conftest.py runs a spec's checks on one worker,
one after another, and releases its processes after the last."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from compiler.build import compile_spec
from compiler.write import write_tree
from tests.conformance.specs import BUILT, ROOT, spec_of_view
from tests.integration.dify_runner import DifyPlugin
from tests.integration.maibot_runner import MaiBotHost

# The committed plugins under test; CONFORMANCE_GENERATED points at another generated/ (an older one).
GENERATED = Path(os.environ.get("CONFORMANCE_GENERATED") or ROOT / "generated")
READ_TIMEOUT = 2  # seconds: Dify's MAX_REQUEST_TIMEOUT


class Pool:
    """Each spec's Dify plugin and MaiBot host, started on first use and kept until `release`."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.started: dict[tuple[str, str], DifyPlugin | MaiBotHost] = {}
        self.stopping: list[MaiBotHost] = []

    def dify(self, spec: str) -> DifyPlugin:
        if (spec, "dify") not in self.started:
            folder = Path(tempfile.mkdtemp(prefix=f"{spec}-", dir=self.workdir))
            self.started[spec, "dify"] = DifyPlugin(self.tree(spec) / "dify", folder, READ_TIMEOUT)
        return self.started[spec, "dify"]

    def maibot(self, spec: str) -> MaiBotHost:
        if (spec, "maibot") not in self.started:
            self.started[spec, "maibot"] = MaiBotHost(self.tree(spec) / "maibot")
        return self.started[spec, "maibot"]

    def tree(self, spec: str) -> Path:
        """The spec's plugin trees: the committed ones, or a test-only spec's, built here once a run."""
        spec = spec_of_view(spec)
        if spec not in BUILT:
            return GENERATED / spec
        root = self.workdir / "built" / spec
        if not root.exists():
            write_tree(root, compile_spec(BUILT[spec])[1])
        return root

    def release(self, spec: str) -> None:
        """Stop the spec's processes; a MaiBot host stops its runner first, which takes a few seconds,
        so the checks go on meanwhile (close() waits for it)."""
        for key in [k for k in self.started if k[0] == spec]:
            started = self.started.pop(key)
            if isinstance(started, MaiBotHost):
                started.process.stdin.close()
                self.stopping.append(started)
            else:
                started.close()

    def close(self) -> None:
        for spec in {k[0] for k in self.started}:
            self.release(spec)
        for host in self.stopping:
            host.close()
