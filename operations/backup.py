"""Backups that restore: the database and the uploaded files, while the platform runs.

`make_backup` writes into an empty folder:
- `database.sqlite3`: SQLite's online backup API, a consistent copy page by page while
  other processes go on writing (WAL); or `database.pgdump`: `pg_dump --format=custom`,
  one snapshot transaction, so it is consistent while the platform runs;
- `media/`: every file of the default storage (a folder or an S3 bucket, read through
  Django's storage API), copied after the database, so every file the database names is
  there unless it was deleted in between;
- `manifest.json`: when, which database, and the counts the restore checks.

`restore_backup` puts it into an empty installation (stop the web processes, worker and
clock first): the database as it was, then the files. It refuses a database that holds
tables unless `replace` is given. Needs the PostgreSQL client programs (`pg_dump`,
`pg_restore`) of the server's major version or newer.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"
MEDIA = "media"


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Counts:
    pages: int
    people: int
    files: int


def current_counts() -> Counts:
    return Counts(
        pages=Page.objects.count(),
        people=get_user_model().objects.count(),
        files=sum(1 for _ in _storage_files()),
    )


def make_backup(*, target: Path) -> dict[str, Any]:
    """Back up database and files into `target` (new or empty); returns the manifest."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(
            _("The folder %(folder)s is not empty; choose a new folder for the backup.")
            % {"folder": target}
        )
    target.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    counts = Counts(pages=Page.objects.count(), people=get_user_model().objects.count(), files=0)
    if connection.vendor == "sqlite":
        _sqlite_backup(target / SQLITE_FILE)
    elif connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
              "--file", str(target / PG_FILE)])  # fmt: skip
    else:
        raise BackupError(
            _("Cannot back up a %(vendor)s database.") % {"vendor": connection.vendor}
        )
    files = 0
    for name in _storage_files():
        destination = target / MEDIA / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, destination.open("wb") as out:
            shutil.copyfileobj(source, out)
        files += 1
    manifest = {
        "made_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "pages": counts.pages,
        "people": counts.people,
        "files": files,
        "seconds": round(time.monotonic() - started, 1),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return manifest


def restore_backup(*, source: Path, replace: bool = False) -> dict[str, Any]:
    """Restore the backup in `source` into this installation's database and storage;
    returns the manifest with the counts found after restoring and the time it took."""
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(
            _("%(folder)s holds no readable backup (%(file)s).")
            % {"folder": source, "file": MANIFEST}
        ) from error
    if manifest.get("database") != connection.vendor:
        raise BackupError(
            _("This backup is of a %(backup)s database; this installation uses %(vendor)s.")
            % {"backup": manifest.get("database"), "vendor": connection.vendor}
        )
    tables = connection.introspection.table_names()
    if tables and not replace:
        raise BackupError(
            _(
                "The database is not empty (%(count)s tables). Restore the backup into an "
                "empty installation, or give --replace to overwrite everything."
            )
            % {"count": len(tables)}
        )
    started = time.monotonic()
    if connection.vendor == "sqlite":
        _sqlite_restore(source / SQLITE_FILE)
    else:
        _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
              "--single-transaction", *(["--clean", "--if-exists"] if tables else []),
              "--dbname", _pg_dbname(), str(source / PG_FILE)], dbname_in_args=True)  # fmt: skip
    connection.close()  # the next query sees the restored database
    media = source / MEDIA
    for path in sorted(media.rglob("*")) if media.exists() else []:
        if path.is_file():
            name = path.relative_to(media).as_posix()
            if default_storage.exists(name):
                default_storage.delete(name)
            with path.open("rb") as content:
                saved = default_storage.save(name, File(content, name=name))
            if saved != name:
                raise BackupError(
                    _("The file %(name)s came back as %(saved)s.") % {"name": name, "saved": saved}
                )
    found = current_counts()
    return {
        **manifest,
        "restored": {"pages": found.pages, "people": found.people, "files": found.files},
        "restore_seconds": round(time.monotonic() - started, 1),
    }


def _storage_files(folder: str = "") -> Any:
    """Every file name in the default storage, a folder or a bucket alike."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from _storage_files(f"{folder}/{sub}" if folder else sub)


def _sqlite_backup(path: Path) -> None:
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        # Pages are copied in steps; a writer in between makes it start again, so the
        # result is one moment's state (the test database in memory works too).
        connection.connection.backup(copy)
    finally:
        copy.close()


def _sqlite_restore(path: Path) -> None:
    if not path.exists():
        raise BackupError(_("The backup lacks %(file)s.") % {"file": path.name})
    connection.ensure_connection()
    backup = sqlite3.connect(path)
    try:
        backup.backup(connection.connection)
    finally:
        backup.close()


def _pg_dbname() -> str:
    return str(connection.settings_dict["NAME"])


def _run(command: list[str], *, dbname_in_args: bool = False) -> None:
    """A PostgreSQL client program against this installation's database."""
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    options = [
        *(["--host", str(db["HOST"])] if db.get("HOST") else []),
        *(["--port", str(db["PORT"])] if db.get("PORT") else []),
        *(["--username", str(db["USER"])] if db.get("USER") else []),
    ]
    if not dbname_in_args:
        options.append(_pg_dbname())
    # The test database is named by the test settings, not DATABASE_URL: we pass the
    # connection's own settings, so the command works on whatever Django is connected to.
    connection.close()
    try:
        result = subprocess.run(
            [command[0], *options, *command[1:]], env=env, capture_output=True, text=True
        )
    except FileNotFoundError as error:
        raise BackupError(
            _("%(program)s is missing: install the PostgreSQL client (postgresql-client).")
            % {"program": command[0]}
        ) from error
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": command[0], "error": result.stderr.strip()[:500]}
        )
