from django.conf import settings
from django.db import migrations, models


def keep_the_first_completion(apps, schema_editor):
    """Before the constraint: where a person has more than one completion of an activity
    (two clicks at the same moment, see the issue this fixes), the first stays and the later
    copies go. Records are append-only, but these copies tell nothing the first does not:
    progress, exports and reports read a completion once, and the copies inflated the
    "colleagues completed this" counts of the recommendations."""
    LearningRecord = apps.get_model("learning", "LearningRecord")
    completions = LearningRecord.objects.filter(verb="completed", actor__isnull=False)
    repeated = (
        completions.values("actor", "activity_type", "activity_id")
        .annotate(count=models.Count("id"))
        .filter(count__gt=1)
    )
    for group in repeated:
        copies = completions.filter(
            actor=group["actor"],
            activity_type=group["activity_type"],
            activity_id=group["activity_id"],
        ).order_by("timestamp", "id")
        LearningRecord.objects.filter(pk__in=list(copies.values_list("pk", flat=True)[1:])).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_body_button_block"),
        ("learning", "0002_needs_scan_and_routes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The removed copies cannot come back; going back needs only the constraint gone.
        migrations.RunPython(keep_the_first_completion, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="learningrecord",
            constraint=models.UniqueConstraint(
                condition=models.Q(("actor__isnull", False), ("verb", "completed")),
                fields=("actor", "activity_type", "activity_id"),
                name="one_completion_per_person_and_activity",
            ),
        ),
    ]
