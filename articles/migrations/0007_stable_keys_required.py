"""Every section and sentence now has its key: require it, unique per article."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_backfill_stable_keys")]

    operations = [
        migrations.AlterField(model_name="section", name="key", field=models.PositiveIntegerField()),
        migrations.AlterField(model_name="unit", name="key", field=models.PositiveIntegerField()),
        migrations.AlterField(
            model_name="unit",
            name="article",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="units", to="articles.article"
            ),
        ),
        migrations.AddConstraint(
            model_name="section",
            constraint=models.UniqueConstraint(fields=("article", "key"), name="articles_section_key_unique"),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.UniqueConstraint(fields=("article", "key"), name="articles_unit_key_unique"),
        ),
    ]
