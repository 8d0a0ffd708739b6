"""Stable keys for sections and sentences, one content revision per article, per-sentence history.

Content rows lose their django-simple-history tables: published versions are the public content history
now. Reversing recreates those tables empty; the rows they held are not restored.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0004_article_versions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='UnitEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.PositiveIntegerField()),
                ('action', models.CharField(choices=[('added', 'Added'), ('changed', 'Changed'), ('removed', 'Removed'), ('restored', 'Restored')], max_length=10)),
                ('text_changed', models.BooleanField(default=False)),
                ('provenance_changed', models.BooleanField(default=False)),
                ('old_text', models.TextField(blank=True)),
                ('new_text', models.TextField(blank=True)),
                ('old_provenance', models.CharField(blank=True, max_length=100)),
                ('new_provenance', models.CharField(blank=True, max_length=100)),
                ('section_heading', models.CharField(blank=True, max_length=200)),
            ],
            options={
                'ordering': ['article', 'key', 'version__major', 'version__minor'],
            },
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='article_type',
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='discipline',
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='family',
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalarticlesource',
            name='article',
        ),
        migrations.RemoveField(
            model_name='historicalarticlesource',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalarticlesource',
            name='source',
        ),
        migrations.RemoveField(
            model_name='historicalblock',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalblock',
            name='section',
        ),
        migrations.RemoveField(
            model_name='historicalblock',
            name='video',
        ),
        migrations.RemoveField(
            model_name='historicalcitation',
            name='article_source',
        ),
        migrations.RemoveField(
            model_name='historicalcitation',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalcitation',
            name='unit',
        ),
        migrations.RemoveField(
            model_name='historicalsection',
            name='article',
        ),
        migrations.RemoveField(
            model_name='historicalsection',
            name='history_user',
        ),
        migrations.RemoveField(
            model_name='historicalunit',
            name='block',
        ),
        migrations.RemoveField(
            model_name='historicalunit',
            name='history_user',
        ),
        migrations.AddField(
            model_name='article',
            name='content_revision',
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.AddField(
            model_name='article',
            name='next_section_key',
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.AddField(
            model_name='article',
            name='next_unit_key',
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.AddField(
            model_name='articlerendering',
            name='revision',
            field=models.PositiveIntegerField(default=0, help_text="The article's content revision rendered here."),
        ),
        migrations.AddField(
            model_name='articleversion',
            name='kind',
            field=models.CharField(choices=[('edit', 'Edited'), ('import', 'Imported'), ('revert', 'Reverted'), ('library', 'Library correction')], default='edit', max_length=10),
        ),
        migrations.AddField(
            model_name='section',
            name='key',
            field=models.PositiveIntegerField(null=True),
        ),
        migrations.AddField(
            model_name='unit',
            name='article',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='units', to='articles.article'),
        ),
        migrations.AddField(
            model_name='unit',
            name='key',
            field=models.PositiveIntegerField(null=True),
        ),
        migrations.AddConstraint(
            model_name='articleversion',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['edit', 'import', 'revert', 'library'])), name='articles_articleversion_kind_valid'),
        ),
        migrations.AddField(
            model_name='unitevent',
            name='article',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='unit_events', to='articles.article'),
        ),
        migrations.AddField(
            model_name='unitevent',
            name='version',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='unit_events', to='articles.articleversion'),
        ),
        migrations.DeleteModel(
            name='HistoricalArticle',
        ),
        migrations.DeleteModel(
            name='HistoricalArticleSource',
        ),
        migrations.DeleteModel(
            name='HistoricalBlock',
        ),
        migrations.DeleteModel(
            name='HistoricalCitation',
        ),
        migrations.DeleteModel(
            name='HistoricalSection',
        ),
        migrations.DeleteModel(
            name='HistoricalUnit',
        ),
        migrations.AddIndex(
            model_name='unitevent',
            index=models.Index(fields=['article', 'key'], name='articles_unitevent_key_idx'),
        ),
        migrations.AddConstraint(
            model_name='unitevent',
            constraint=models.UniqueConstraint(fields=('version', 'key'), name='articles_unitevent_once_per_version'),
        ),
        migrations.AddConstraint(
            model_name='unitevent',
            constraint=models.CheckConstraint(condition=models.Q(('action__in', ['added', 'changed', 'removed', 'restored'])), name='articles_unitevent_action_valid'),
        ),
    ]
