"""Wagtail's migrations create a workflow and a task called "Moderators approval"; /beheer/
shows the name in the publish menu ("Stuur door naar Moderators approval"). The name is
data, so a data migration gives it a Dutch one."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
DUTCH_NAME = "Goedkeuring door de redactie"


def rename(apps, schema_editor, old: str, new: str) -> None:
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_dutch(apps, schema_editor) -> None:
    rename(apps, schema_editor, WAGTAIL_NAME, DUTCH_NAME)


def to_wagtail(apps, schema_editor) -> None:
    rename(apps, schema_editor, DUTCH_NAME, WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_outgoing_email"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_dutch, to_wagtail)]
