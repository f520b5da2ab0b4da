"""Tracks that exist already read in the days of their programme, as new ones do
(`TrackPage.clean`)."""

from typing import Any

from django.db import migrations
from django.db.models import Count


def days_of_the_programme(apps: Any, schema_editor: Any) -> None:
    TrackPage = apps.get_model("tracks", "TrackPage")
    for track in TrackPage.objects.annotate(day_count=Count("days")).filter(day_count__gt=0):
        TrackPage.objects.filter(pk=track.pk).update(duration_days=track.day_count)


class Migration(migrations.Migration):
    dependencies = [
        ("tracks", "0001_tracks_cohorts_certificates"),
        ("catalogue", "0002_learning_item_duration_in_days"),
    ]

    operations = [migrations.RunPython(days_of_the_programme, migrations.RunPython.noop)]
