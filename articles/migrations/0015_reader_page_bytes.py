"""The stored reader page is kept as UTF-8 bytes (`reader_page`) instead of text (`reader_html`).

Nothing is copied across, either way: the code that reads the new field also changes the renderer
fingerprint, so every stored page counts as stale and the next read renders it again (as reversing does
with the old code).

The old column stays in the database for one release, unused, with an empty default: during a rolling
deploy, processes still running the previous code read and write it without error, and rows this code
inserts still satisfy it. A later migration drops it.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_section_spans")]

    operations = [
        migrations.AddField(
            model_name="articlerendering",
            name="reader_page",
            field=models.BinaryField(default=b""),
        ),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterField(
                    model_name="articlerendering",
                    name="reader_html",
                    field=models.TextField(default="", db_default=""),
                ),
            ],
            state_operations=[migrations.RemoveField(model_name="articlerendering", name="reader_html")],
        ),
    ]
