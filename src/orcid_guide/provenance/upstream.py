"""``check-upstream``: compare a checkout of orcid-angular with the provenance record, one sentence per finding.

A label is *gone* when a reader following the guide on ORCID built from that commit would not find its words:
an i18n id of it now carries other words than at the recorded commit, or neither its id nor its words are in
orcid-angular any more. A label has *changed* when its words are still rendered but from another place (another
file, another id): the guide is still right, its record is not. Templates behind a covered screen that changed
since the recorded commit are listed with the commits' subjects, to look at before ORCID deploys them.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from orcid_guide.engine.labels import normalise
from orcid_guide.errors import UserError
from orcid_guide.provenance.angular import readable, units
from orcid_guide.provenance.record import ORCID, Label, Quote, Site


@dataclass
class Report:
    commit: str  # the checked commit, abbreviated
    gone: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)  # entries that do not hold at their own commit
    changed: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def failed(self) -> bool:
        return bool(self.gone or self.unchecked)

    def lines(self, recorded: str) -> list[str]:
        summary = (
            f"Checked {self.checked} quoted ORCID labels at orcid-angular {self.commit} against the record made at "
            f"{recorded[:9]}: {len(self.gone)} gone, {len(self.unchecked)} cannot be checked, "
            f"{len(self.changed)} changed place, "
            f"{len(self.templates)} templates of covered screens changed."
        )
        return [*self.gone, *self.unchecked, *self.changed, *self.templates, summary]


class Checkout:
    """A git repository of orcid-angular, read at commits without touching its work tree."""

    def __init__(self, path: Path) -> None:
        if not path.is_dir():
            raise UserError(f"{path} is not a folder, so it cannot be a checkout of orcid-angular.")
        result = self._run(path, "rev-parse", "--absolute-git-dir")
        git_dir = Path(result.stdout.strip()).resolve() if result.returncode == 0 else None
        # A folder inside some other repository is not a checkout of its own.
        if git_dir is None or git_dir not in (path.resolve(), (path / ".git").resolve()):
            raise UserError(f"{path} is not a git checkout (no .git in it): clone orcid-angular there first.")
        self.path = path

    @staticmethod
    def _run(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "-C", str(path), *args], capture_output=True, text=True, encoding="utf-8", errors="replace"
        )

    def git(self, *args: str) -> str:
        result = self._run(self.path, *args)
        if result.returncode != 0:
            raise UserError(f"git {args[0]} failed in {self.path}: {result.stderr.strip() or 'no message'}.")
        return result.stdout

    def commit(self, revision: str) -> str | None:
        result = self._run(self.path, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
        return result.stdout.strip() if result.returncode == 0 else None

    def read(self, commit: str, path: str) -> str | None:
        result = self._run(self.path, "cat-file", "blob", f"{commit}:{path}")
        return result.stdout if result.returncode == 0 else None

    def files_with(self, commit: str, text: str) -> list[str]:
        """The files under src/ at ``commit`` that hold ``text`` on one line."""
        result = self._run(self.path, "grep", "-l", "-F", "-e", text, commit, "--", "src")
        prefix = f"{commit}:"
        return [line.removeprefix(prefix) for line in result.stdout.splitlines() if line]


def _unit_text(source: str | None, path: str, unit_id: str) -> str | None:
    if source is None:
        return None
    return next((unit.text for unit in units(path, source) if unit.id == unit_id), None)


def _says(source: str | None, path: str, label: str) -> bool:
    """Whether a file renders the label's words as a whole (not inside a longer word)."""
    if source is None:
        return False
    return re.search(rf"(?<!\w){re.escape(normalise(label))}(?!\w)", readable(path, source)) is not None


def _fits(label: Label, unit_text: str) -> bool:
    """Whether an i18n unit's words belong to the label: the label itself, or one part of it when the label
    joins several units, or a unit and ORCID's data."""
    words = normalise(label.text)
    if len(label.i18n) > 1 or label.data:
        return bool(unit_text) and unit_text in words
    return words == unit_text


def _quoted(quotes: list[Quote]) -> str:
    steps = "; ".join(quote.where for quote in quotes)
    pages = sorted({page for quote in quotes for page in quote.pages})
    return f"quoted in {steps} (pages {', '.join(pages) or 'none'})"


class _Checker:
    def __init__(self, checkout: Checkout, recorded: str, commit: str) -> None:
        self.checkout, self.recorded, self.commit = checkout, recorded, commit
        self.short = commit[:9]

    def find_elsewhere(self, label: Label) -> str | None:
        """Another file that renders the label's words at the checked commit."""
        words = normalise(label.text)
        longest = max(re.findall(r"[^\s\"“”]+", words) or [words], key=len)
        for path in self.checkout.files_with(self.commit, longest):
            source = path.endswith((".html", ".ts")) and not path.endswith(".spec.ts") and path != label.file
            if source and _says(self.checkout.read(self.commit, path), path, words):
                return path
        return None

    def find_id(self, unit_id: str, near: str) -> tuple[str, str] | None:
        """The file that now holds the i18n id, with its words; of several, the one whose path is most like
        ``near`` (a component renamed or moved keeps most of its path, a shared id elsewhere does not)."""
        found = []
        for path in self.checkout.files_with(self.commit, f"@@{unit_id}"):
            text = _unit_text(self.checkout.read(self.commit, path), path, unit_id)
            if text is not None:
                found.append((path, text))
        if not found:
            return None
        return max(found, key=lambda hit: difflib.SequenceMatcher(None, hit[0], near).ratio())

    def check(self, label: Label, quotes: list[Quote], report: Report) -> None:
        what = f'The label "{label.text}" ({_quoted(quotes)})'
        then = self.checkout.read(self.recorded, label.file)
        now = self.checkout.read(self.commit, label.file)
        wrong = self.wrong_record(label, then)
        if wrong:
            report.unchecked.append(
                f"{what} cannot be checked: {wrong} at the recorded commit {self.recorded[:9]}; correct "
                "provenance/orcid.toml."
            )
        elif not label.i18n:
            if label.data and now is None:
                report.changed.append(
                    f"{what} comes from ORCID's data, and the file {label.file} that showed it is gone at "
                    f"{self.short}; find the file that shows it now for provenance/orcid.toml."
                )
            elif not label.data and not _says(now, label.file, label.text):
                self.gone_or_moved(label, what, f"{label.file} no longer says it at {self.short}", report)
        else:
            self.check_ids(label, what, then, now, report)

    def wrong_record(self, label: Label, then: str | None) -> str:
        """What in the entry does not hold at the recorded commit (empty when it all does)."""
        if then is None:
            return f"its file {label.file} is not in orcid-angular"
        if not label.i18n:
            return "" if label.data or _says(then, label.file, label.text) else f"{label.file} does not say it"
        for unit_id in label.i18n:
            old = _unit_text(then, label.file, unit_id)
            if old is None:
                return f"{label.file} has no i18n id @@{unit_id}"
            if not _fits(label, old):
                return f'its i18n id @@{unit_id} in {label.file} reads "{old}", not the label'
        return ""

    def check_ids(self, label: Label, what: str, then: str | None, now: str | None, report: Report) -> None:
        """One sentence for the label however many of its ids changed: gone, or changed place."""
        moved: dict[str, str] = {}
        for unit_id in label.i18n:
            old = _unit_text(then, label.file, unit_id) or ""
            new = _unit_text(now, label.file, unit_id)
            if new == old:
                continue
            if new is not None:
                report.gone.append(
                    f"{what} is gone at {self.short}: its i18n id @@{unit_id} in {label.file} now "
                    f'reads "{new}" instead of "{old}".'
                )
                return
            found = self.find_id(unit_id, label.file)
            if found is not None and found[1] == old:
                moved[unit_id] = found[0]
                continue
            if found is not None:
                report.gone.append(
                    f"{what} is gone at {self.short}: its i18n id @@{unit_id} moved to {found[0]} "
                    f'and now reads "{found[1]}" instead of "{old}".'
                )
                return
            self.gone_or_moved(
                label, what, f"its i18n id @@{unit_id} is no longer in {label.file} at {self.short}", report
            )
            return
        if moved:
            ids = ", ".join(f"@@{unit_id}" for unit_id in moved)
            places = ", ".join(dict.fromkeys(moved.values()))
            report.changed.append(
                f"{what} changed place at {self.short}: its i18n id{'s' if len(moved) > 1 else ''} {ids} "
                f"{'are' if len(moved) > 1 else 'is'} no longer in {label.file} but in {places}; update "
                "provenance/orcid.toml."
            )

    def gone_or_moved(self, label: Label, what: str, why: str, report: Report) -> None:
        other = None if label.data else self.find_elsewhere(label)
        if other is None:
            report.gone.append(f"{what} is gone: {why}, and no other file of orcid-angular renders its words.")
        else:
            report.changed.append(
                f"{what} changed place: {why}, but {other} renders its words; update provenance/orcid.toml."
            )

    def templates(self, site: Site, quotes: dict[str, list[Quote]], report: Report) -> None:
        seen: set[str] = set()
        for screen in site.screens:
            files = [*screen.templates, *(label.file for label in site.labels if label.screen == screen.name)]
            pages = sorted({page for step in screen.steps for quote in quotes.get(step, []) for page in quote.pages})
            for path in dict.fromkeys(files):
                if path in seen:
                    continue
                seen.add(path)
                log = self.checkout.git("log", "--format=%h %s", f"{self.recorded}..{self.commit}", "--", path)
                commits = [line for line in log.splitlines() if line]
                if not commits:
                    continue
                listed = "; ".join(f'{line.split(" ", 1)[0]} "{line.partition(" ")[2]}"' for line in commits)
                state = "is gone" if self.checkout.read(self.commit, path) is None else "changed"
                report.templates.append(
                    f'The template {path} behind the screen "{screen.name}" (pages {", ".join(pages) or "none"}) '
                    f"{state} in {len(commits)} commit{'s' if len(commits) > 1 else ''} since "
                    f"{self.recorded[:9]}: {listed}."
                )


def check_upstream(path: Path, record: dict[str, Site], quotes: dict[str, list[Quote]], revision: str) -> Report:
    """Check the ORCID labels of the record against the checkout at ``revision``."""
    if ORCID not in record:
        raise UserError("The provenance record has no orcid.toml, so there is nothing to check upstream.")
    site = record[ORCID]
    checkout = Checkout(path)
    recorded = checkout.commit(site.commit)
    if recorded is None:
        raise UserError(
            f"{path} lacks the recorded orcid-angular commit {site.commit[:9]}: fetch its full history "
            "(git fetch --unshallow) or clone without --depth."
        )
    commit = checkout.commit(revision)
    if commit is None:
        raise UserError(f"{path} has no commit {revision!r} to check.")
    checker = _Checker(checkout, recorded, commit)
    report = Report(commit[:9])
    on_screen = {screen.name: screen.steps for screen in site.screens}
    for label in site.labels:
        quoting = [
            quote
            for step in on_screen.get(label.screen, ())
            for quote in quotes.get(step, [])
            if quote.label == label.text
        ]
        report.checked += 1
        checker.check(label, quoting, report)
    checker.templates(site, quotes, report)
    return report
