"""Which data and phrasebanks a run uses: the project folder it runs in, else the copy installed with it.

Editors edit the phrasebanks/ and data/ of a clone, while `pip install .` puts a copy of both inside
the package. A command that read the copy would lint a broken edit clean and preview stale wording,
so the content comes from the project folder found from the working directory, the way git finds
its repository; only outside any project folder is the bundled copy used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

_PACKAGE_DIR = Path(__file__).resolve().parent

CONFIG_FILE = "articlegen.toml"
DEFAULT_LANGUAGE = "en"
_CONFIG_KEYS = ("data", "phrasebanks")

Source = Literal["checkout", "config", "bundled"]


class WorkspaceError(ValueError):
    """An articlegen.toml or a phrasebank folder that cannot be used; the CLI prints it as one line.

    Not an ArticlegenError: errors.py shares this module's layer, so neither may import the other.
    """


@dataclass(frozen=True)
class Workspace:
    """The content a run uses: `root` is the project folder (or the bundled copy's folder)."""

    root: Path
    data_dir: Path
    phrasebank_dir: Path  # the language folder that holds the *.yaml files
    source: Source
    config: Path | None = None  # the articlegen.toml that named the folders, when one did

    def show(self, path: str | Path) -> str:
        """A file as an editor names it: relative to the project folder when inside it.

        The bundled copy's files keep the path they were given: a short one would pass for
        a file of the editor's clone.
        """
        if self.source == "bundled":
            return str(path)
        try:
            return str(Path(path).resolve().relative_to(self.root))
        except (ValueError, OSError):
            return str(path)


def find_workspace(start: Path) -> Workspace | None:
    """The project folder at or above `start`: the nearest folder holding an articlegen.toml, or
    both phrasebanks/ and data/ (at the same level the file wins); None when there is none."""
    here = start.resolve()
    for folder in (here, *here.parents):
        config = folder / CONFIG_FILE
        if config.is_file():
            return _read_config(config)
        if (folder / "phrasebanks").is_dir() and (folder / "data").is_dir():
            bank = phrasebank_language_dir(folder / "phrasebanks")
            return Workspace(folder, folder / "data", bank, "checkout")
    return None


def bundled_workspace() -> Workspace:
    """The copy installed with the package; a source checkout or editable install has none, and
    reads the top of the repository it was installed from."""
    inside = _PACKAGE_DIR / "_bundled"
    # A wheel carries the content inside the package (see pyproject's force-include).
    root = inside if (inside / "data").is_dir() else _PACKAGE_DIR.parent.parent
    return Workspace(root, root / "data", root / "phrasebanks" / DEFAULT_LANGUAGE, "bundled")


def current_workspace() -> Workspace:
    """The project folder of the working directory, else the bundled copy."""
    try:
        here = Path.cwd()
    except OSError:  # the working directory was deleted: no project folder to be in
        return bundled_workspace()
    return find_workspace(here) or bundled_workspace()


def is_installed_copy(path: Path) -> bool:
    """Whether `path` lies in the content copy inside an installed package, which git never tracks."""
    inside = _PACKAGE_DIR / "_bundled"
    try:
        path.resolve().relative_to(inside.resolve())
    except ValueError:
        return False
    return inside.is_dir()


def phrasebank_language_dir(directory: Path, language: str = DEFAULT_LANGUAGE) -> Path:
    """The folder of *.yaml files that `directory` names: itself, or under the phrasebank root
    (phrasebanks/) its only language folder or else the one `language` names.

    A folder it cannot choose in comes back as it is, for the loader to say what is missing.
    """
    if not directory.is_dir() or any(directory.glob("*.yaml")):
        return directory
    folders = sorted(p for p in directory.iterdir() if p.is_dir() and any(p.glob("*.yaml")))
    if len(folders) == 1:
        return folders[0]
    if (directory / language).is_dir():
        return directory / language
    if folders:
        names = ", ".join(p.name for p in folders)
        raise WorkspaceError(
            f"{_shown(directory)}: holds the language folders {names}; name one, e.g. {_shown(folders[0])}"
        )
    return directory


def _read_config(path: Path) -> Workspace:
    """articlegen.toml: `data = "..."` and `phrasebanks = "..."`, relative to the file; each may be
    left out for the folder of that name beside it."""
    document = _load_toml(path)
    unknown = sorted(set(document) - set(_CONFIG_KEYS))
    if unknown:
        raise WorkspaceError(
            f"{_shown(path)}: unknown key {unknown[0]!r}; the keys are {' and '.join(_CONFIG_KEYS)}"
        )
    folders = {}
    for key in _CONFIG_KEYS:
        value = document.get(key, key)
        if not isinstance(value, str) or not value.strip():
            raise WorkspaceError(f"{_shown(path)}: {key} must be a folder's path in quotes, not {value!r}")
        folder = (path.parent / value).resolve()
        if not folder.is_dir():
            raise WorkspaceError(f"{_shown(path)}: {key} = {value!r}: no such folder ({folder})")
        folders[key] = folder
    root = path.parent.resolve()
    bank = phrasebank_language_dir(folders["phrasebanks"])
    return Workspace(root, folders["data"], bank, "config", root / CONFIG_FILE)


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ModuleNotFoundError:
            raise WorkspaceError(f"{_shown(path)}: reading it needs Python 3.11, or tomli") from None
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as err:
        raise WorkspaceError(f"{_shown(path)}: cannot read it: {err.strerror}") from None
    except tomllib.TOMLDecodeError as err:
        raise WorkspaceError(f"{_shown(path)}: not valid TOML: {err}") from None


def _shown(path: Path) -> str:
    """Relative to the working directory when inside it, as facts.yamlio's display_path (a later layer)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def default_data_dir() -> Path:
    """The data of the project folder the command runs in, else the bundled data."""
    return current_workspace().data_dir


def default_phrasebank_dir() -> Path:
    """The phrasebank language folder of the project folder the command runs in, else the bundled one."""
    return current_workspace().phrasebank_dir
