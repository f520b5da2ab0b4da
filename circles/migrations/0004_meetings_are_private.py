from django.db import migrations


def mark_private(apps, schema_editor):
    """Meetings planned before sessions could be private: who attends stays in the circle."""
    Session = apps.get_model("events", "Session")
    Meeting = apps.get_model("circles", "Meeting")
    Session.objects.filter(pk__in=Meeting.objects.values("session_id")).update(is_private=True)


class Migration(migrations.Migration):
    dependencies = [
        ("circles", "0003_digest_sent_at"),
        ("events", "0002_session_is_private"),
    ]

    operations = [migrations.RunPython(mark_private, migrations.RunPython.noop)]
