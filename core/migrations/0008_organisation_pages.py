from django.db import migrations, models
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    Organisation = apps.get_model("core", "Organisation")
    taken: set[str] = set()
    for organisation in Organisation.objects.order_by("pk"):
        base = slugify(organisation.name)[:190] or "organisatie"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        organisation.slug = slug
        organisation.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_veenkolonien_help"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="slug",
            # No index yet: the unique one below makes its own (on PostgreSQL a second
            # "_like" index of the same name would clash).
            field=models.SlugField(max_length=200, null=True, db_index=False),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisation",
            name="slug",
            field=models.SlugField(
                help_text="The last part of the address of its page under /organisaties/.",
                max_length=200,
                unique=True,
                verbose_name="slug",
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="is_partner",
            field=models.BooleanField(
                default=False,
                help_text="Partners have a public page under /organisaties/.",
                verbose_name="partner of the alliance",
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="description",
            field=models.TextField(
                blank=True,
                help_text="A few sentences on the organisation and its part in the alliance.",
                verbose_name="what it is",
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="municipalities",
            field=models.ManyToManyField(
                blank=True,
                related_name="working_organisations",
                to="core.municipality",
                verbose_name="municipalities it works in",
            ),
        ),
    ]
