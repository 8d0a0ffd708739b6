"""Held text: when it was erased after the retention period, and the reveal/purge steps in the trail."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('revisions', '0008_draft_history'),
    ]

    operations = [
        migrations.AddField(
            model_name='suggestion',
            name='held_text_purged_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name='suggestionevent',
            name='action',
            field=models.CharField(choices=[('submitted', 'Submitted'), ('held', 'Held for PHI review'), ('phi_revealed', 'Held text revealed to an editor'), ('phi_cleared', 'Confirmed free of PHI'), ('phi_redacted', 'PHI redacted'), ('phi_purged', 'Held text erased after the retention period'), ('assigned', 'Assigned'), ('question', 'Question to the submitter'), ('answer', 'Submitter answered'), ('accepted', 'Accepted for drafting'), ('rejected', 'Rejected'), ('withdrawn', 'Withdrawn by the submitter'), ('drafted', 'Draft started'), ('draft_updated', 'Draft brought up to date'), ('sent_for_approval', 'Draft sent to the submitter'), ('approved', 'Draft approved by the submitter'), ('declined', 'Draft declined by the submitter'), ('editor_decided', 'Decision left to the editor'), ('published', 'Published'), ('contact_purged', 'Contact details purged')], max_length=20),
        ),
    ]
