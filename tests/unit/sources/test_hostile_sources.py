"""Hostile plugins: each is refused with one located error and nothing written; text that would break
out of the written spec stays inert."""

from __future__ import annotations

import stat
import zipfile

import pytest

from compiler.errors import UserError
from compiler.load import load_spec
from compiler.sources import archive
from compiler.sources.dify_plugin import import_plugin
from tests.unit.sources.plugins import MANIFEST, PROVIDER, model_yaml, spec_in, write_plugin


def package(path, members):
    """A .difypkg of the test plugin's files plus `members` (name -> bytes, or (ZipInfo, bytes))."""
    plain = write_plugin(path.parent / "tree")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for file in sorted(plain.rglob("*")):
            if file.is_file():
                out.write(file, file.relative_to(plain).as_posix())
        for name, data in members.items():
            out.writestr(name, data) if isinstance(name, str) else out.writestr(name, data)
    return path


def link_member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"../evil.yaml": b"x"}, "leaves the plugin folder"),
        ({"models/../../evil.yaml": b"x"}, "leaves the plugin folder"),
        ({"/etc/evil.yaml": b"x"}, "absolute or non-POSIX"),
        ({"C:\\evil.yaml": b"x"}, "absolute or non-POSIX"),
        ({link_member("models/llm/link.yaml"): b"/etc/passwd"}, "symbolic link"),
        ({"models/llm/bomb.yaml": b"\0" * (4 * 1024 * 1024)}, "zip bomb"),
        ({"big.bin": bytes(range(256)) * (archive.MAX_ENTRY_BYTES // 256 + 1)}, "over"),
    ],
)
def test_hostile_package(tmp_path, members, message):
    pkg = package(tmp_path / "p.difypkg", members)
    before = sorted(tmp_path.rglob("*"))
    with pytest.raises(UserError, match=message) as caught:
        import_plugin(pkg)
    assert caught.value.diagnostics()[0].file == str(pkg)
    assert sorted(tmp_path.rglob("*")) == before


def test_too_many_files(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_FILES", 20)
    pkg = package(tmp_path / "p.difypkg", {f"extra/{n}.txt": b"x" for n in range(20)})
    with pytest.raises(UserError, match="more than 20"):
        import_plugin(pkg)


def test_total_size_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 4096)
    pkg = package(tmp_path / "p.difypkg", {"extra/a.bin": bytes(range(256)) * 20})
    with pytest.raises(UserError, match="inflates to more than 4096"):
        import_plugin(pkg)


def test_a_good_package_imports_like_its_folder(tmp_path):
    pkg = package(tmp_path / "p.difypkg", {})
    assert import_plugin(pkg).data == import_plugin(tmp_path / "tree").data


def test_folder_links_are_not_followed(tmp_path):
    root = write_plugin(tmp_path / "plugin")
    (tmp_path / "secret.yaml").write_text("model: stolen\n")
    (root / "models/llm/stolen.yaml").symlink_to(tmp_path / "secret.yaml")
    assert "stolen" not in [m["name"] for m in import_plugin(root).data["models"]]


BOMB = "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n"


@pytest.mark.parametrize(
    ("files", "where", "line", "message"),
    [
        ({"models/llm/a1.yaml": BOMB}, "models/llm/a1.yaml", None, "anchors and aliases"),
        (
            {"models/llm/a1.yaml": model_yaml("acme-1", 8) + "model: twice\n"},
            "models/llm/a1.yaml",
            None,
            "duplicate key",
        ),
        ({"provider/acmeplug.yaml": PROVIDER + "label: again\n"}, "provider/acmeplug.yaml", None, "duplicate key"),
        ({"manifest.yaml": MANIFEST + "x: !!python/object:os.system {}\n"}, "manifest.yaml", 12, "tags are not"),
        ({"models/llm/a2.yaml": b"model: \xff\n"}, "models/llm/a2.yaml", 1, "not UTF-8"),
        ({"models/llm/llm.py": "def broken(:\n"}, "models/llm/llm.py", 1, "does not parse"),
    ],
)
def test_hostile_yaml_and_code(tmp_path, files, where, line, message):
    root = write_plugin(tmp_path / "plugin", files)
    with pytest.raises(UserError, match=message) as caught:
        import_plugin(root)
    diagnostic = caught.value.diagnostics()[0]
    assert diagnostic.file == f"{root}/{where}"
    assert line is None or diagnostic.line == line
    assert diagnostic.line is not None


BREAKOUT = [
    "x\n# injected: true",
    'x\'\n"y": {z: 1}',
    "]: [&a *a",
    "--- !!python/object:os.system",
    "tab\there\u2028line\rcarriage",
    "#not a comment",
]


@pytest.mark.parametrize("evil", BREAKOUT)
def test_text_cannot_break_out_of_the_written_spec(tmp_path, evil):
    label = (
        evil.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )
    label = label.replace("\u2028", "\\L")
    model = model_yaml("acme-1", 8).replace("label: {en_US: acme-1}", f'label: {{en_US: "{label}"}}')
    manifest = MANIFEST.replace("version: 0.0.3", f'version: 0.0.3\n# "{label}"')
    root = write_plugin(tmp_path / "plugin", {"models/llm/a1.yaml": model, "manifest.yaml": manifest})
    imported = import_plugin(root)
    written = load_spec(spec_in(imported, tmp_path))
    kept = next(m for m in written.data["models"] if m["name"] == "acme-1")["label"]
    assert kept == next(m for m in imported.data["models"] if m["name"] == "acme-1")["label"]
    assert set(written.data) == set(imported.data)


def test_a_model_name_that_breaks_out_survives(tmp_path):
    name = 'evil"\n  - name: injected'
    model = model_yaml("x", 8).replace("model: x", 'model: "evil\\"\\n  - name: injected"')
    root = write_plugin(tmp_path / "plugin", {"models/llm/a1.yaml": model})
    written = load_spec(spec_in(import_plugin(root), tmp_path))
    assert name in [m["name"] for m in written.data["models"]]
    assert "injected" not in [m["name"] for m in written.data["models"]]


def test_an_icon_outside_the_assets_is_refused(tmp_path):
    (tmp_path / "secret.svg").write_bytes(b"<svg/>")
    provider = PROVIDER.replace("icon_small: {en_US: icon_s.svg}", "icon_small: {en_US: ../../secret.svg}")
    manifest = MANIFEST.replace("icon: icon_s.svg", "icon: ../../secret.svg")
    root = write_plugin(tmp_path / "plugin", {"provider/acmeplug.yaml": provider, "manifest.yaml": manifest})
    with pytest.raises(UserError, match="not in _assets"):
        import_plugin(root)
