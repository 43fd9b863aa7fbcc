"""The command's user contract: help a newcomer understands, and one-sentence errors instead of tracebacks."""

from __future__ import annotations

import http.server
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner

from orcid_guide import cli as cli_module
from orcid_guide.cli import cli, main
from orcid_guide.sandbox.describe import describe
from orcid_guide.sandbox.launcher import RunningSandbox


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


def test_help_names_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--help"], capsys)
    assert status == 0
    for command in ("serve", "build", "shoot", "sandbox"):
        assert command in out


def test_an_unknown_tutorial_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["shoot", "no_such_tutorial"], capsys)
    assert status == 1
    assert err.startswith("Error: There is no tutorial named 'no_such_tutorial'; known tutorials: ")
    assert "create_orcid_id" in err
    assert "Traceback" not in err + out
    assert err.count("\n") == 1


def test_a_missing_browser_is_one_sentence(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORCID_GUIDE_CHROMIUM", "/nonexistent/chromium")
    status, _, err = run(["shoot", "create_orcid_id"], capsys)
    assert status == 1
    assert err == ("Error: ORCID_GUIDE_CHROMIUM points to /nonexistent/chromium, which is not an executable browser.\n")


def test_no_browser_on_path_is_one_sentence(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ORCID_GUIDE_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    status, _, err = run(["shoot"], capsys)
    assert status == 1
    assert err.startswith("Error: Chromium was not found on PATH; install Debian's chromium-headless-shell")


def test_a_busy_port_is_one_sentence_for_serve(busy_port: int, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["serve", "--no-shoot", "--port", str(busy_port)], capsys)
    assert status == 1
    assert err == f"Error: Port {busy_port} is already in use; stop what runs there or pass --port.\n"


def test_a_busy_port_is_one_sentence_for_the_sandbox(busy_port: int, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["sandbox", "--orcid-port", str(busy_port), "--lucris-port", "0"], capsys)
    assert status == 1
    assert err == (
        f"Error: Port {busy_port} for the ORCID emulator is already in use; "
        "stop what runs there or pick another port.\n"
    )


def test_the_sandbox_target_asks_for_credentials_first(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ORCID_SANDBOX_EMAIL", raising=False)
    status, _, err = run(["shoot", "--target", "sandbox"], capsys)
    assert status == 1
    assert "set ORCID_SANDBOX_EMAIL and ORCID_SANDBOX_PASSWORD" in err


def test_the_sandbox_target_stops_at_the_network_boundary_with_one_sentence(
    busy_port: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A listening socket that never answers HTTP stands in for a network that cannot reach ORCID.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        unused = closed.getsockname()[1]
    monkeypatch.setenv("ORCID_SANDBOX_URL", f"http://127.0.0.1:{unused}")
    monkeypatch.setenv("ORCID_SANDBOX_EMAIL", "tester@example.org")
    monkeypatch.setenv("ORCID_SANDBOX_PASSWORD", "secret")
    status, _, err = run(["shoot", "--target", "sandbox"], capsys)
    assert status == 1
    assert err.startswith(f"Error: Could not reach the ORCID sandbox at http://127.0.0.1:{unused} (")
    assert err.endswith("check the network or use --target mock.\n")


def test_update_is_refused_on_the_real_sandbox(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["shoot", "--update", "--target", "sandbox"], capsys)
    assert status == 1
    assert "--update cannot be used with --target sandbox" in err


def test_the_sandbox_description_gives_urls_accounts_and_api_clients(sandbox: RunningSandbox) -> None:
    text = describe(sandbox)
    assert f"ORCID emulator: {sandbox.orcid_url}" in text
    assert f"Mock LUCRIS:    {sandbox.lucris_url}" in text
    assert f"Crossref:       {sandbox.crossref_url}" in text
    assert f"DataCite:       {sandbox.datacite_url}" in text
    assert "e.de.vries@leiden.example" in text and "evries" in text
    for client in ("APP-LUCRIS0LEIDEN0", "APP-CROSSREF000000", "APP-DATACITE000000", "APP-PUBLICDEMO0000"):
        assert client in text
    assert "public-demo-secret" in text


def test_version_names_the_package() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"orcid-guide, version {version('orcid-guide')}\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["serve", "--no-shoot", "--port", "70000"],
        ["sandbox", "--orcid-port", "-1"],
        ["sandbox", "--lucris-port", "65536"],
    ],
)
def test_a_port_out_of_range_is_one_sentence(argv: list[str]) -> None:
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 1
    port = argv[-1]
    assert result.output == (
        f"Error: Port {port} does not exist; use a port from 1 to 65535 (or 0 for any free port).\n"
    )


def test_serve_on_port_0_prints_the_port_it_really_serves_on(monkeypatch: pytest.MonkeyPatch) -> None:
    answers: list[tuple[str, int]] = []

    def serve_one_request(server: http.server.ThreadingHTTPServer) -> None:
        thread = threading.Thread(target=server.serve_forever)
        thread.start()
        try:
            url = f"http://127.0.0.1:{server.server_port}/"
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    status = response.status
            except urllib.error.HTTPError as error:  # no site built: a 404 still proves the port serves
                status = error.code
                error.close()
            answers.append((url, status))
        finally:
            server.shutdown()
            thread.join()
            server.server_close()

    monkeypatch.setattr(cli_module, "_build_site", lambda project, site: None)
    monkeypatch.setattr(cli_module, "_serve_until_stopped", serve_one_request)
    result = CliRunner().invoke(cli, ["serve", "--no-shoot", "--port", "0"])
    assert result.exit_code == 0, result.output
    [(url, status)] = answers
    assert status in (200, 404)
    assert f"Serving the guide on {url} " in result.output
    assert ":0/" not in result.output


@pytest.mark.parametrize(("argv", "shot"), [(["build"], True), (["build", "--no-shoot"], False)])
def test_build_runs_the_tutorials_before_the_site_unless_told_not_to(
    argv: list[str], shot: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # CI builds the site after its shoot shards ran every tutorial: --no-shoot must not run them a second time.
    done: list[str] = []
    monkeypatch.setattr(cli_module, "_shoot_or_fail", lambda *args, **options: done.append("shoot"))
    monkeypatch.setattr(cli_module, "_build_site", lambda project, site: done.append(f"site {site}"))
    result = CliRunner().invoke(cli, [*argv, "--site-dir", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert done == [*(["shoot"] if shot else []), f"site {tmp_path / 'site'}"]
