"""The backup drill on the database the suite runs on (SQLite here, PostgreSQL in the second
pass of .ci/run): back up, destroy everything, restore into the empty installation, and every
page, person, row and file is back."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.documents.models import Document
from wagtail.models import Page

from accounts.tests.factories import UserFactory
from core.tests.factories import create_content_page, create_portal, shared_root

# A transactional test leaves the database flushed: `make test` runs these apart
# (marked `concurrency`), where every test restores what the migrations made.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.concurrency,
]


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def media_files() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


def destroy_everything() -> None:
    """What a lost server leaves: an empty database (no tables) and no uploaded files."""
    if connection.vendor == "sqlite":
        import sqlite3

        connection.ensure_connection()
        sqlite3.connect(":memory:").backup(connection.connection)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    assert connection.introspection.table_names() == []
    for path in Path(settings.MEDIA_ROOT).iterdir():
        shutil.rmtree(path) if path.is_dir() else path.unlink()


@pytest.fixture
def platform():
    groningen = create_portal("groningen", default=True)
    drenthe = create_portal("drenthe", colour="#a3262a")
    for number in range(5):
        create_content_page(
            parent=shared_root(),
            slug=f"pagina-{number}",
            regions=[groningen.region, drenthe.region],
            body=f"<p>Tekst {number}</p>",
        )
    for number in range(4):
        UserFactory(email=f"persoon{number}@example.org", first_name=f"Persoon{number}")
    Document.objects.create(title="Handout", file=ContentFile(b"%PDF-1.4 inhoud", name="h.pdf"))


def test_backup_destroy_restore_brings_everything_back(platform, tmp_path):
    before = row_counts()
    files = media_files()
    assert before["wagtailcore.Page"] == Page.objects.count() >= 8
    assert before[get_user_model()._meta.label] == 4
    assert files, "the document's file"

    out = StringIO()
    call_command("backup", str(tmp_path / "backup"), stdout=out)
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["pages"] == before["wagtailcore.Page"]
    assert manifest["people"] == 4
    assert manifest["files"] == len(files)
    assert f"{manifest['pages']} pagina's, 4 personen" in out.getvalue()

    destroy_everything()

    out = StringIO()
    call_command("restore", str(tmp_path / "backup"), stdout=out)
    assert "Teruggezet" in out.getvalue()
    assert row_counts() == before, "every row of every table is back"
    assert media_files() == files, "every file is back, byte for byte"
    person = get_user_model().objects.get(email="persoon2@example.org")
    assert person.check_password("een-lang-wachtwoord-voor-tests")
    assert Document.objects.get().file.read() == b"%PDF-1.4 inhoud"


def test_restore_refuses_a_database_that_is_not_empty(platform, tmp_path):
    call_command("backup", str(tmp_path / "backup"), stdout=StringIO())
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("restore", str(tmp_path / "backup"), stdout=StringIO())

    # --replace overwrites: what was added after the backup is gone again.
    UserFactory(email="later@example.org")
    call_command("restore", str(tmp_path / "backup"), "--replace", stdout=StringIO())
    assert not get_user_model().objects.filter(email="later@example.org").exists()
    assert get_user_model().objects.count() == 4


def test_backup_refuses_a_folder_that_is_not_empty(platform, tmp_path):
    (tmp_path / "iets.txt").write_text("iets")
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("backup", str(tmp_path), stdout=StringIO())
    with pytest.raises(CommandError, match="geen leesbare back-up"):
        call_command("restore", str(tmp_path), stdout=StringIO())
