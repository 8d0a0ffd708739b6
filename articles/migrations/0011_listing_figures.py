from django.db import migrations, models


def fill_from_figures(apps, schema_editor):
    """Stored renderings already hold the figures in JSON; copy them so listings need no re-render first."""
    ArticleRendering = apps.get_model("articles", "ArticleRendering")
    for rendering in ArticleRendering.objects.only("pk", "figures").iterator():
        figures = rendering.figures or {}
        ArticleRendering.objects.filter(pk=rendering.pk).update(
            unit_count=figures.get("sentences", 0), sourced_percent=figures.get("sourced_percent", 0)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_reader_page_valid_until"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlerendering",
            name="unit_count",
            field=models.PositiveIntegerField(default=0, help_text="Sentence-level units in the article."),
        ),
        migrations.AddField(
            model_name="articlerendering",
            name="sourced_percent",
            field=models.PositiveSmallIntegerField(default=0, help_text="Share of units citing a source."),
        ),
        # Going back drops the columns; the figures stay in the JSON they were copied from.
        migrations.RunPython(fill_from_figures, migrations.RunPython.noop),
    ]
