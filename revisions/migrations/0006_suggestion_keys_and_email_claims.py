"""Suggestions name their target by its stable key instead of a row that publishing may retire; emails
can be claimed by one sender; drafts no longer need a digest of their base (versions cover every change).

Reversible: going back restores the foreign keys from the keys where the rows still exist.
"""

import django.db.models.deletion
from django.db import migrations, models


def keys_from_rows(apps, schema_editor):
    Suggestion = apps.get_model("revisions", "Suggestion")
    for suggestion in Suggestion.objects.select_related("section", "unit").filter(
        models.Q(section__isnull=False) | models.Q(unit__isnull=False)
    ):
        suggestion.section_key = suggestion.section.key if suggestion.section_id else None
        suggestion.unit_key = suggestion.unit.key if suggestion.unit_id else None
        suggestion.save(update_fields=["section_key", "unit_key"])


def rows_from_keys(apps, schema_editor):
    Suggestion = apps.get_model("revisions", "Suggestion")
    Section = apps.get_model("articles", "Section")
    Unit = apps.get_model("articles", "Unit")
    for suggestion in Suggestion.objects.filter(models.Q(section_key__isnull=False) | models.Q(unit_key__isnull=False)):
        suggestion.section = Section.objects.filter(article_id=suggestion.article_id, key=suggestion.section_key).first()
        suggestion.unit = Unit.objects.filter(article_id=suggestion.article_id, key=suggestion.unit_key).first()
        suggestion.save(update_fields=["section", "unit"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_stable_keys_required"),
        ("revisions", "0005_event_and_email_constraints"),
    ]

    operations = [
        migrations.AddField(
            model_name="suggestion", name="section_key", field=models.PositiveIntegerField(blank=True, null=True)
        ),
        migrations.AddField(
            model_name="suggestion", name="unit_key", field=models.PositiveIntegerField(blank=True, null=True)
        ),
        migrations.RunPython(keys_from_rows, rows_from_keys),
        migrations.RemoveField(model_name="suggestion", name="section"),
        migrations.RemoveField(model_name="suggestion", name="unit"),
        migrations.RemoveField(model_name="draft", name="base_digest"),
        migrations.AddField(
            model_name="outboundemail", name="claimed_until", field=models.DateTimeField(blank=True, null=True)
        ),
    ]
