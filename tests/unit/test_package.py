"""`.difypkg` packages and their signatures, judged by a re-implementation of the daemon's decoder
(tests/daemon_decoder.py), not by the packager's own checks."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from compiler.build import compile_spec, subtree
from compiler.cli import main
from compiler.ship.package import PackageError, package
from compiler.ship.signing import SigningError, generate_keys, sign, verify
from compiler.write import write_tree
from tests import daemon_decoder as daemon
from tests.sample import per_spec
from tests import package_stem

ACME = package_stem("acme")

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted((ROOT / "specs").glob("*.yaml"))


@pytest.fixture(scope="module")
def keys() -> tuple[bytes, bytes]:
    return generate_keys(2048)  # 4096 by default; smaller keeps the test fast and signs the same way


def committed_checksum(folder: Path) -> str:
    """The daemon's checksum over the committed tree, walked here without the packager's code (the
    committed trees hold nothing their .difyignore leaves out but caches a test run may leave)."""
    files = {}
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and "__pycache__" not in rel.split("/") and not rel.endswith(".pyc"):
            files[rel] = path.read_bytes()
    digest = hashlib.sha256()
    for rel in sorted(files):
        digest.update(hashlib.sha256(rel.encode()).digest() + hashlib.sha256(files[rel]).digest())
    return digest.hexdigest()


@pytest.mark.slow
@pytest.mark.parametrize("spec", per_spec(SPECS))
def test_every_shipped_spec_packs_into_what_the_daemon_installs(spec: Path, tmp_path: Path):
    provider, files = compile_spec(spec)
    write_tree(tmp_path, subtree(files, "dify"))
    made = package(tmp_path)
    decoded = daemon.decode(made.data)
    assert decoded.identity == made.identity
    assert made.checksum == committed_checksum(ROOT / "generated" / provider.name / "dify")
    assert made.filename == f"{provider.name}-{provider.version}.difypkg"
    infos = zipfile.ZipFile(io.BytesIO(made.data)).infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {(i.compress_type, i.date_time, i.extra, i.is_dir()) for i in infos} == {
        (zipfile.ZIP_STORED, (1980, 0, 0, 0, 0, 0), b"", False)
    }
    assert package(tmp_path).data == made.data  # reproducible


@pytest.fixture
def acme(tmp_path: Path) -> Path:
    folder = tmp_path / "acme"
    shutil.copytree(ROOT / "generated" / "acme" / "dify", folder, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def refusal(folder: Path) -> str:
    with pytest.raises(PackageError) as caught:
        package(folder)
    return str(caught.value)


def test_a_missing_icon_is_refused(acme: Path):
    (acme / "_assets" / "icon_s_dark.svg").unlink()
    assert "manifest.yaml: icon_dark 'icon_s_dark.svg' is not a file in _assets/" in refusal(acme)


def test_an_over_long_description_is_refused(acme: Path):
    edit(acme / "manifest.yaml", '"Chat, vision and embedding models from Acme AI."', "x" * 1100)
    assert "description.en_US has 1100 characters; the daemon takes under 1024" in refusal(acme)


def test_a_bad_author_is_refused(acme: Path):
    edit(acme / "manifest.yaml", "author: acme-labs", "author: Acme Labs")
    assert "author 'Acme Labs' must match ^[a-z0-9_-]{1,64}$" in refusal(acme)


def test_an_env_file_is_left_out_or_refused(acme: Path):
    (acme / ".env").write_text("REMOTE_INSTALL_KEY=secret\n", encoding="utf-8")
    assert ".env" not in package(acme).files  # the generated .difyignore leaves it out
    edit(acme / ".difyignore", ".env\n", "")
    assert ".env: an environment file may hold secrets" in refusal(acme)


def test_negations_never_bring_a_file_back(acme: Path):
    """The daemon acts on excluding patterns only (fs.go): `!README.md` does not re-include it."""
    (acme / ".difyignore").write_text("*.md\n!README.md\n# a comment\n", encoding="utf-8")
    files = package(acme).files
    assert "README.md" not in files and "PRIVACY.md" not in files and ".difyignore" in files


def test_the_daemon_refuses_a_directory_entry(acme: Path):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive, zipfile.ZipFile(io.BytesIO(package(acme).data)) as good:
        archive.writestr(zipfile.ZipInfo("provider/"), b"")
        for info in good.infolist():
            archive.writestr(info, good.read(info))
    with pytest.raises(daemon.Refused, match="is a directory"):
        daemon.decode(data.getvalue())


def test_the_package_command_writes_name_version_and_prints_the_identity(tmp_path: Path, capsys):
    assert main(["package", str(ROOT / "specs" / "acme.yaml"), "--dist", str(tmp_path), "--no-serve"]) == 0
    line = capsys.readouterr().out.strip()
    written, note = tmp_path / f"{ACME}.difypkg", tmp_path / f"{ACME}.submission.md"
    identity = daemon.decode(written.read_bytes()).identity
    assert line == f"{written}: {identity}, pre-flight clean, PR text in {note}"
    assert f"{written}: {identity}" in note.read_text()
    bad = str(ROOT / "tests" / "bad_specs" / "no-models.yaml")
    assert main(["package", bad, "--dist", str(tmp_path), "--no-serve"]) == 2
    assert sorted(os.listdir(tmp_path)) == [written.name, note.name]  # a bad spec writes nothing


def test_a_signature_verifies_with_the_daemons_algorithm(acme: Path, keys):
    private, public = keys
    signed = sign(package(acme).data, private, 1700000000, "community")
    decoded = daemon.decode(signed)
    assert daemon.verified(decoded, public)
    assert json.loads(decoded.files[".verification.dify.json"]) == {"authorized_category": "community"}
    assert list(decoded.files)[-1] == ".verification.dify.json"
    assert json.loads(decoded.comment)["time"] == 1700000000
    assert verify(signed, [public]) == "community"
    assert sign(package(acme).data, private, 1700000000, "community") == signed  # a fixed time: the same bytes


def test_a_file_changed_after_signing_fails(acme: Path, keys):
    private, public = keys
    signed = sign(package(acme).data, private, 1700000000, "partner")
    tampered = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(signed)) as good, zipfile.ZipFile(tampered, "w") as archive:
        for info in good.infolist():
            data = good.read(info)
            archive.writestr(info, data + b"# changed\n" if info.filename == "main.py" else data)
        archive.comment = good.comment
    assert not daemon.verified(daemon.decode(tampered.getvalue()), public)
    with pytest.raises(SigningError, match="changed after signing"):
        verify(tampered.getvalue(), [public])
    other = generate_keys(2048)[1]
    assert not daemon.verified(daemon.decode(signed), other)


def test_keys_are_pkcs1_with_nothing_after_the_block(keys):
    private, public = keys
    assert private.startswith(b"-----BEGIN RSA PRIVATE KEY-----") and private.endswith(
        b"-----END RSA PRIVATE KEY-----\n"
    )
    assert public.startswith(b"-----BEGIN RSA PUBLIC KEY-----")
    with pytest.raises(SigningError, match="bytes after the RSA PRIVATE KEY block"):
        sign(b"", private + b"\n", 1)
    with pytest.raises(SigningError, match="category must be one of partner, community"):
        sign(b"", private, 1, "langgenius")


def test_a_signed_package_is_named_as_one(tmp_path: Path, keys, capsys):
    """package --key writes NAME-VERSION.signed.difypkg (and no unsigned twin), its note beside it naming
    the signed file; sign writes X.signed.difypkg; verify passes it (exit 0) and fails another key's (exit 1)."""
    private, public = keys
    (tmp_path / "k.private.pem").write_bytes(private)
    (tmp_path / "k.public.pem").write_bytes(public)
    dist = tmp_path / "dist"
    spec = str(ROOT / "specs" / "acme.yaml")
    assert (
        main(
            [
                "package",
                spec,
                "--dist",
                str(dist),
                "--key",
                str(tmp_path / "k.private.pem"),
                "--time",
                "1",
                "--no-serve",
            ]
        )
        == 0
    )
    signed, note = dist / f"{ACME}.signed.difypkg", dist / f"{ACME}.submission.md"
    assert sorted(os.listdir(dist)) == [signed.name, note.name]
    identity = daemon.decode(signed.read_bytes()).identity
    assert capsys.readouterr().out.startswith(f"{signed}: {identity} (signed, community), pre-flight clean")
    assert f"{signed}: {identity}" in note.read_text() and f"adds only {ACME}.difypkg under" in note.read_text()
    assert main(["verify", str(signed), "--key", str(tmp_path / "k.public.pem")]) == 0
    (tmp_path / "other.public.pem").write_bytes(generate_keys(2048)[1])
    assert main(["verify", str(signed), "--key", str(tmp_path / "other.public.pem")]) == 1
    assert f"{signed}: error: not verified: the signature does not match" in capsys.readouterr().err
    plain = tmp_path / "plain" / f"{ACME}.difypkg"
    assert main(["package", spec, "--dist", str(plain.parent), "--no-preflight"]) == 0
    assert main(["sign", str(plain), "--key", str(tmp_path / "k.private.pem"), "--time", "1"]) == 0
    assert sorted(os.listdir(plain.parent)) == [plain.name, f"{ACME}.signed.difypkg"]
    assert (plain.parent / f"{ACME}.signed.difypkg").read_bytes() == signed.read_bytes()  # the same signature


def test_keygen_never_overwrites_and_keeps_the_private_key_private(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr("compiler.ship.signing.KEY_BITS", 1024)
    monkeypatch.setattr("compiler.ship.signing.generate_keys.__defaults__", (1024,))
    assert main(["keygen", str(tmp_path / "k")]) == 0
    assert (tmp_path / "k.private.pem").stat().st_mode & 0o777 == 0o600
    before = (tmp_path / "k.private.pem").read_bytes()
    assert main(["keygen", str(tmp_path / "k")]) == 2
    assert f"error: {tmp_path / 'k.private.pem'} already exists; nothing written" in capsys.readouterr().err
    assert (tmp_path / "k.private.pem").read_bytes() == before
