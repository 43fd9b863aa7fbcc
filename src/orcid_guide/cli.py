"""The ``orcid-guide`` command: serve, build, shoot, merge, sandbox and check-upstream."""

from __future__ import annotations

import contextlib
import errno
import http.server
import os
import sys
import threading
import time
from pathlib import Path

import click

from orcid_guide.engine.shards import parse_shard
from orcid_guide.engine.shots import ShotResult
from orcid_guide.engine.text_baselines import changed_words
from orcid_guide.errors import UserError
from orcid_guide.project import Project, load_project
from orcid_guide.run.shoot import ShootReport, shoot
from orcid_guide.run.workers import default_jobs
from orcid_guide.targets import TARGETS


def _say(line: str) -> None:
    click.echo(f"  {line}")


def _summarise(report: ShootReport, project: Project) -> None:
    for name in report.unchanged:
        click.echo(f"{name}: skipped, unchanged since its last good run (--force runs it)")
    for result in report.results:
        verdict = "FAILED" if result.failure else "ok"
        click.echo(f"{result.name}: {verdict} in {result.seconds:.1f} s, {len(result.shots)} screenshots")
        for number, step, reason in result.skipped:
            click.echo(f"  step {number} ({step}) skipped: {reason}")
    new, changed = report.count("new"), report.count("changed")
    click.echo(f"Screenshots: {new} new, {changed} changed, {report.count('same')} unchanged.")
    for path in report.removed:
        click.echo(f"Removed the baseline of a step that no longer exists: {path.relative_to(project.root)}")
    for path in report.stale:
        click.echo(f"A baseline belongs to no step any more (--update removes it): {path.relative_to(project.root)}")
    for shot in report.drifted:
        click.echo(f"Changed: {shot.tutorial}/{shot.name} ({_change_words(shot)}), baseline kept.")
    for failure in report.failures:
        click.echo(f"FAILED: {failure}")
    if report.review is not None and (new or changed or report.failures):
        click.echo(f"Review page: {report.review.relative_to(project.root)}")


def _change_words(shot: ShotResult) -> str:
    parts = []
    pairs = changed_words(list(shot.text_changes))
    if pairs:
        old, new = pairs[0]
        more = f" and {len(pairs) - 1} more lines" if len(pairs) > 1 else ""
        parts.append(f"text {old!r} became {new!r}{more}")
    elif shot.text_changes:
        parts.append("text: " + shot.text_changes[0].lstrip("+-"))
    if shot.comparison.status == "changed":
        pixels = shot.comparison
        parts.append("its size changed" if pixels.size_changed else f"{pixels.changed_pixels} pixels changed")
    return "; ".join(parts)


def _shoot_or_fail(
    project: Project,
    names: list[str],
    update: bool,
    target: str,
    *,
    force: bool = False,
    jobs: int = 1,
    shard: tuple[int, int] | None = None,
) -> ShootReport:
    """Run and summarise; a failed tutorial or a changed screenshot not accepted ends the command non-zero."""
    report = shoot(project, names, update=update, target=target, progress=_say, force=force, jobs=jobs, shard=shard)
    _summarise(report, project)
    problems = _problems(len(report.drifted), len(report.failures))
    if problems:
        review = report.review.relative_to(project.root) if report.review else "the review page"
        accept = "; accept the changes with 'orcid-guide shoot --update'" if report.drifted else ""
        raise UserError(f"{problems}: see {review}{accept}.")
    return report


def _problems(changed: int, failed: int) -> str:
    """What went wrong in a run, as the start of its one sentence ('' when nothing did)."""
    problems = []
    if changed:
        problems.append(f"{changed} screenshot{'s' if changed > 1 else ''} changed")
    if failed:
        problems.append(f"{failed} tutorial{'s' if failed > 1 else ''} failed")
    return " and ".join(problems)


def _build_site(project: Project, site: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    click.echo("Building the site (English and Dutch) …")
    try:
        config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(site), strict=True)
        build(config)
    except MkDocsException as error:
        raise UserError(f"The site did not build: {error}") from error
    click.echo(f"Site written to {site.relative_to(project.root) if site.is_relative_to(project.root) else site}.")


class _OneSentence(click.ClickException):
    """A UserError on its way out through click: printed as 'Error: …' on stderr, exit status 1."""


class _Commands(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UserError as error:
            raise _OneSentence(str(error)) from error


def _check_port(ctx: click.Context, param: click.Parameter, value: int) -> int:
    if not 0 <= value <= 65535:
        raise UserError(f"Port {value} does not exist; use a port from 1 to 65535 (or 0 for any free port).")
    return value


_FORCE = click.option(
    "--force", is_flag=True, help="Run every tutorial, also those unchanged since their last good run."
)


def _check_jobs(ctx: click.Context, param: click.Parameter, value: str | None) -> int:
    if value is None:
        return default_jobs()
    if not value.strip().lstrip("-").isdigit():
        raise UserError(f"--jobs takes a number of tutorials to run side by side, such as 2; {value!r} is not one.")
    if int(value) < 1:
        raise UserError(f"--jobs {int(value)} runs nothing; give at least 1 (the default is the number of cores).")
    return int(value)


_JOBS = click.option(
    "--jobs",
    metavar="N",
    default=None,
    callback=_check_jobs,
    help="How many tutorials run side by side, each with its own browser and sandbox [default: the number of cores].",
)


def _check_shard(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    return parse_shard(value) if value is not None else None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="orcid-guide", prog_name="orcid-guide")
def cli() -> None:
    """The ORCID and LUCRIS guide: run its executable tutorials, make its screenshots, build and serve it.

    Start with 'orcid-guide serve'. Run from the project folder (or below it).
    """


@cli.command("shoot")
@click.argument("tutorials", nargs=-1)
@click.option("--update", is_flag=True, help="Rewrite the baselines of screenshots that changed.")
@click.option(
    "--target",
    type=click.Choice(TARGETS),
    default="mock",
    show_default=True,
    help="mock: the embedded ORCID emulator and mock LUCRIS; sandbox: the real ORCID sandbox.",
)
@_FORCE
@_JOBS
@click.option(
    "--shard",
    metavar="I/N",
    callback=_check_shard,
    help="Run only shard I of N (every Nth tutorial of the sorted names), to spread a run over CI runners.",
)
def shoot_command(
    tutorials: tuple[str, ...], update: bool, target: str, force: bool, jobs: int, shard: tuple[int, int] | None
) -> None:
    """Run tutorials in Chromium and compare their screenshots with the baselines.

    Runs every tutorial unless TUTORIALS names some, skipping those whose inputs have not changed since their
    last good run. Always writes a review page (build/review/index.html) with what failed first, then baseline,
    new and difference for each screenshot that changed. Exits non-zero when a tutorial failed or a screenshot
    changed and was not accepted with --update.
    """
    _shoot_or_fail(load_project(), list(tutorials), update, target, force=force, jobs=jobs, shard=shard)


@cli.command("merge")
@click.argument("builds", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--into",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build"),
    show_default=True,
    help="The build folder to merge into.",
)
def merge_command(builds: tuple[Path, ...], into: Path) -> None:
    """Merge the build folders of shards ('shoot --shard I/N') into one report, review page and runs.json.

    Exits non-zero when a tutorial of any shard failed or a screenshot changed and was not accepted.
    """
    from orcid_guide.run.merge import merge_builds

    merged = merge_builds(list(builds), into)
    report = merged.report
    click.echo(f"Merged {len(builds)} build folders into {into}: {len(report.tutorials)} tutorials.")
    for entry in report.tutorials:
        click.echo(f"{entry.name}: {entry.status}")
    failed, drifted = report.failed, report.drifted
    for name, shot in drifted:
        click.echo(f"Changed: {name}/{shot.name}, baseline kept.")
    for entry in failed:
        if entry.failure is not None:
            click.echo(f"FAILED: {entry.failure.message}")
    problems = _problems(len(drifted), len(failed))
    if problems:
        raise UserError(f"{problems}: see {merged.review}.")
    click.echo(f"Review page: {merged.review}")


@cli.command("build")
@click.option(
    "--site-dir", type=click.Path(path_type=Path), default=None, help="Where to write the site (default: site/)."
)
@_FORCE
@_JOBS
@click.option(
    "--no-shoot",
    is_flag=True,
    help="Build from the committed screenshots without running the tutorials (CI, after its shoot shards).",
)
def build_command(site_dir: Path | None, force: bool, jobs: int, no_shoot: bool) -> None:
    """Run every tutorial against the embedded sandbox, then build the site in both languages.

    Stops without building the site when a tutorial failed or a screenshot changed, so the site never shows
    outdated screenshots; accept changes with 'orcid-guide shoot --update' first.
    """
    project = load_project()
    started = time.perf_counter()
    if not no_shoot:
        _shoot_or_fail(project, [], update=False, target="mock", force=force, jobs=jobs)
    _build_site(project, site_dir or project.root / "site")
    click.echo(f"Done in {time.perf_counter() - started:.1f} s.")


@cli.command("serve")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    callback=_check_port,
    help="Port to serve on (on 127.0.0.1); 0 picks a free one.",
)
@click.option("--no-shoot", is_flag=True, help="Build from the committed screenshots without running the tutorials.")
def serve_command(port: int, no_shoot: bool) -> None:
    """Build the guide, then serve it on http://127.0.0.1:8000 until you press Ctrl+C."""
    project = load_project()
    server = _bind_site_server(port, project.root / "site")  # before the slow part, so a busy port fails fast
    port = server.server_port  # the one the system picked for --port 0
    if not no_shoot:
        _shoot_or_fail(project, [], update=False, target="mock", jobs=default_jobs())
    _build_site(project, project.root / "site")
    click.echo(f"Serving the guide on http://127.0.0.1:{port}/ (Dutch: http://127.0.0.1:{port}/nl/); Ctrl+C stops.")
    _serve_until_stopped(server)


def _serve_until_stopped(server: http.server.ThreadingHTTPServer) -> None:
    try:
        server.serve_forever()
    finally:
        server.server_close()


def _bind_site_server(port: int, site: Path) -> http.server.ThreadingHTTPServer:
    from orcid_guide.site_server import site_server

    try:
        return site_server(port, site)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise UserError(f"Port {port} is already in use; stop what runs there or pass --port.") from error
        raise


@cli.command("sandbox")
@click.option("--orcid-port", default=8100, show_default=True, callback=_check_port, help="Port of the ORCID emulator.")
@click.option("--lucris-port", default=8200, show_default=True, callback=_check_port, help="Port of mock LUCRIS.")
@click.option(
    "--crossref-port", default=8300, show_default=True, callback=_check_port, help="Port of the sandbox's Crossref."
)
@click.option(
    "--datacite-port", default=8400, show_default=True, callback=_check_port, help="Port of the sandbox's DataCite."
)
@click.option(
    "--fixed/--live",
    default=False,
    help="--fixed uses the tutorials' fixed clock and iD sequence; --live (default) the real clock.",
)
@click.option(
    "--add-menu",
    type=click.Choice(["classic", "new"]),
    default="classic",
    show_default=True,
    help="Which of ORCID's two 'Add' menu labelings the emulator shows.",
)
@click.option(
    "--backup-email-prompt",
    is_flag=True,
    default=False,
    help="Show ORCID's 'Add a backup email address' interstitial to records with one email address.",
)
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the apps' databases in this folder across runs (default: start afresh every time).",
)
def sandbox_command(
    orcid_port: int,
    lucris_port: int,
    crossref_port: int,
    datacite_port: int,
    fixed: bool,
    add_menu: str,
    backup_email_prompt: bool,
    data: Path | None,
) -> None:
    """Run the ORCID emulator, mock LUCRIS, Crossref and DataCite on loopback until Ctrl+C, to try the flows by hand."""

    from orcid_guide.sandbox.run_folder import run_folder

    # Without --data each run has a folder of its own, so two runs side by side never share databases.
    with contextlib.ExitStack() as folders:
        workdir = (
            data if data is not None else folders.enter_context(run_folder(load_project().work, "sandbox-by-hand-"))
        )
        _serve_sandbox(
            workdir,
            data is not None,
            fixed,
            orcid_port,
            lucris_port,
            crossref_port,
            datacite_port,
            add_menu,
            backup_email_prompt,
        )


def _serve_sandbox(
    workdir: Path,
    keep: bool,
    fixed: bool,
    orcid_port: int,
    lucris_port: int,
    crossref_port: int,
    datacite_port: int,
    add_menu: str,
    backup_email_prompt: bool,
) -> None:
    from orcid_guide.sandbox.describe import describe
    from orcid_guide.sandbox.launcher import running_sandbox

    with running_sandbox(
        workdir,
        keep_data=keep,
        deterministic=fixed,
        orcid_port=orcid_port,
        lucris_port=lucris_port,
        crossref_port=crossref_port,
        datacite_port=datacite_port,
        add_menu="new" if add_menu == "new" else "classic",
        backup_email_prompt=backup_email_prompt,
    ) as running:
        click.echo(describe(running))
        kept = f"the databases stay in {workdir} for next time" if keep else "the databases start afresh next time"
        click.echo(f"Press Ctrl+C to stop; {kept}.")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


@cli.command("check-upstream")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--commit", "revision", default="HEAD", show_default=True, help="The commit of the checkout to check.")
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the report to this file (for CI to keep).",
)
def check_upstream_command(path: Path, revision: str, report_file: Path | None) -> None:
    """Compare a checkout of orcid-angular with the labels the tutorials quote, one sentence per finding.

    Exits with status 1 when a quoted label is gone at that commit.
    """
    from orcid_guide.provenance.record import load_record, quotes_by_step
    from orcid_guide.provenance.upstream import check_upstream

    project = load_project()
    record = load_record(project.root / "provenance")
    site = record.get("orcid")
    report = check_upstream(path, record, quotes_by_step(project.tutorials, project.docs), revision)
    lines = report.lines(site.commit if site else "")
    for line in lines:
        click.echo(line)
    if report_file is not None:
        report_file.parent.mkdir(parents=True, exist_ok=True)
        report_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if report.failed:
        gone, unchecked = len(report.gone), len(report.unchecked)
        parts = [f"{gone} quoted label{'s are' if gone > 1 else ' is'} gone"] if gone else []
        if unchecked:
            parts.append(
                f"{unchecked} entr{'ies' if unchecked > 1 else 'y'} of provenance/orcid.toml cannot be checked"
            )
        raise UserError(
            f"{' and '.join(parts)} at orcid-angular {report.commit}: see the sentences above and the README's "
            "section on the upstream watch."
        )


def main(argv: list[str] | None = None) -> None:
    """Run the command; errors a user can cause end as one sentence on stderr and exit status 1."""
    try:
        cli.main(args=argv, prog_name="orcid-guide", standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except UserError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(1)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    sys.exit(0)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
