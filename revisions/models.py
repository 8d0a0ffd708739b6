import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.models import Article, section_key_label, unit_key_label


def replace_spans(text, findings, replacement):
    """Text with each finding's [start, end) span replaced by replacement(finding), right to left."""
    for finding in sorted(findings, key=lambda f: f["start"], reverse=True):
        text = text[: finding["start"]] + replacement(finding) + text[finding["end"] :]
    return text


# The free-text fields a reader types, which the PHI screen reads and which a hold masks.
HELD_TEXT_FIELDS = ("proposed_text", "sources_text", "note")
MASK_CHARACTER = "•"


def fully_masked(text):
    """Text with every letter and digit hidden: its length and layout show, nothing it says does."""
    return "".join(MASK_CHARACTER if ch.isalnum() else ch for ch in text)


def _new_access_key():
    return secrets.token_urlsafe(24)


class Status(models.TextChoices):  # module level so Meta can use it
    NEW = "new", "New"
    PHI_HOLD = "phi_hold", "On PHI hold"
    IN_REVIEW = "in_review", "In review"
    AWAITING_SUBMITTER = "awaiting_submitter", "Awaiting the submitter"
    ACCEPTED = "accepted", "Accepted for drafting"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


# An accepted suggestion stays open while it is drafted: its submitter may still approve the draft.
OPEN_STATUSES = [Status.NEW, Status.PHI_HOLD, Status.IN_REVIEW, Status.AWAITING_SUBMITTER, Status.ACCEPTED]
CLOSED_STATUSES = [Status.PUBLISHED, Status.REJECTED, Status.WITHDRAWN]


class Category(models.TextChoices):
    FACTUAL_ERROR = "factual_error", "Factual error"
    OUTDATED = "outdated", "Outdated"
    MISSING_EVIDENCE = "missing_evidence", "Missing evidence"
    WEAK_SOURCE = "weak_source", "Wrong or weak source"
    POPULATION_FIT = "population_fit", "Population or cultural fit"
    UNCLEAR_WORDING = "unclear_wording", "Unclear wording"
    OTHER = "other", "Other"


# As long as ArticleVersion.credit, where a publication records it.
PUBLIC_CREDIT_LIMIT = 200


class Credit(models.TextChoices):
    FULL_NAME = "full_name", "Full name"
    INITIALS = "initials", "Initials"
    ANONYMOUS = "anonymous", "Anonymous (“a reader”)"


class SuggestionQuerySet(models.QuerySet):
    def for_queue(self):
        """What the editors' queue lists, oldest first, in one query."""
        return self.select_related("article", "assigned_to").order_by("created_at", "pk")

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Suggestion(models.Model):
    """A reader's proposed correction to an article, tied to the section or sentence it corrects."""

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="suggestions")
    article_version = models.CharField(max_length=20, help_text="The article's version when the reader wrote.")
    # The target by its stable key, which survives new versions; the quoted text keeps what the reader saw.
    section_key = models.PositiveIntegerField(null=True, blank=True)
    unit_key = models.PositiveIntegerField(null=True, blank=True)
    section_heading = models.CharField(max_length=200, blank=True)
    quoted_text = models.TextField(blank=True, help_text="The text the suggestion targets, as the reader saw it.")
    category = models.CharField(max_length=20, choices=Category)
    proposed_text = models.TextField()
    sources_text = models.TextField(blank=True, help_text="Supporting sources: citation, URL, DOI or PMID.")
    note = models.TextField(blank=True)
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    credit = models.CharField(max_length=10, choices=Credit, default=Credit.ANONYMOUS)
    wants_approval = models.BooleanField(
        default=True, help_text="The submitter asked to approve the drafted change before it is published."
    )
    attested_no_phi = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What the PHI screen flagged (kinds, fields, spans), so editors see the text masked until cleared.
    phi_findings = models.JSONField(default=list, blank=True)
    access_key = models.CharField(max_length=64, default=_new_access_key, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    contact_purged_at = models.DateTimeField(null=True, blank=True)
    # Set when a hold outlived its retention period and the held text was erased, leaving only its masked form.
    held_text_purged_at = models.DateTimeField(null=True, blank=True)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        permissions = [("moderate_suggestion", "Can work the suggestion queue")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="revisions_suggestion_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(category__in=Category.values), name="revisions_suggestion_category_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(credit__in=Credit.values), name="revisions_suggestion_credit_valid"
            ),
            models.CheckConstraint(condition=~models.Q(proposed_text=""), name="revisions_suggestion_text_not_blank"),
            # Only a wording change may come without a supporting source.
            models.CheckConstraint(
                condition=models.Q(category="unclear_wording") | ~models.Q(sources_text=""),
                name="revisions_suggestion_sources_unless_wording",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.get_category_display()} on {self.article_id}"

    def get_absolute_url(self):
        return reverse("revisions:queue_detail", args=[self.pk])

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def target_label(self):
        """The targeted sentence's or section's key as pages show it ("u12", "s3"), or ""."""
        if self.unit_key:
            return unit_key_label(self.unit_key)
        if self.section_key:
            return section_key_label(self.section_key)
        return ""

    @property
    def on_phi_hold(self):
        return self.status == Status.PHI_HOLD

    @property
    def public_credit(self):
        """How history credits the submitter, as they chose: full name, initials or “a reader”."""
        if self.credit == Credit.FULL_NAME and self.name.strip():
            return self.name.strip()
        if self.credit == Credit.INITIALS and self.name.strip():
            # A name of many short words has more initials than the history's credit holds: the first ones.
            credit = ""
            for initial in (f"{part[0].upper()}." for part in self.name.split()):
                if len(credit) + 1 + len(initial) > PUBLIC_CREDIT_LIMIT:
                    break
                credit = f"{credit} {initial}" if credit else initial
            return credit
        return "a reader"

    def findings_for(self, field):
        return [f for f in self.phi_findings if f["field"] == field]

    def masked(self, field):
        """A field as editors see it while on PHI hold and not yet revealed to them: every letter and digit
        hidden, since the screen flags only what it recognises and the rest may identify someone too."""
        return fully_masked(getattr(self, field))

    @property
    def masked_proposed_text(self):
        return self.masked("proposed_text")

    @property
    def masked_sources_text(self):
        return self.masked("sources_text")

    @property
    def masked_note(self):
        return self.masked("note")


class SuggestionEvent(models.Model):
    """One step in a suggestion's trail: who did what, when and why."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        HELD = "held", "Held for PHI review"
        PHI_REVEALED = "phi_revealed", "Held text revealed to an editor"
        PHI_CLEARED = "phi_cleared", "Confirmed free of PHI"
        PHI_REDACTED = "phi_redacted", "PHI redacted"
        PHI_PURGED = "phi_purged", "Held text erased after the retention period"
        ASSIGNED = "assigned", "Assigned"
        RELEASED = "released", "Released for another editor"
        QUESTION = "question", "Question to the submitter"
        ANSWER = "answer", "Submitter answered"
        ACCEPTED = "accepted", "Accepted for drafting"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn by the submitter"
        DRAFTED = "drafted", "Draft started"
        DRAFT_UPDATED = "draft_updated", "Draft brought up to date"
        SENT_FOR_APPROVAL = "sent_for_approval", "Draft sent to the submitter"
        APPROVED = "approved", "Draft approved by the submitter"
        DECLINED = "declined", "Draft declined by the submitter"
        EDITOR_DECIDED = "editor_decided", "Decision left to the editor"
        PUBLISHED = "published", "Published"
        REVERTED = "reverted", "Published change taken back by a revert"
        CONTACT_PURGED = "contact_purged", "Contact details purged"

    suggestion = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20, choices=Action)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    from_status = models.CharField(max_length=20, choices=Status, blank=True)
    to_status = models.CharField(max_length=20, choices=Status)
    message = models.TextField(blank=True, help_text="The reason, question or answer.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(to_status__in=Status.values)
                & (models.Q(from_status="") | models.Q(from_status__in=Status.values)),
                name="revisions_event_statuses_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()} #{self.suggestion_id}"

    @property
    def actor_label(self):
        if self.actor_id:
            return self.actor.get_full_name() or self.actor.get_username()
        return (
            "the submitter"
            if self.action in (self.Action.SUBMITTED, self.Action.ANSWER, self.Action.WITHDRAWN)
            else "the wiki"
        )


class NotificationPreference(models.Model):
    """Which suggestions an editor is emailed about: new ones, answers, approvals, send-backs, withdrawals."""

    class Mode(models.TextChoices):
        ALL = "all", "Every suggestion"
        ASSIGNED = "assigned", "Only suggestions assigned to me"
        NONE = "none", "None: I will check the queue"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    mode = models.CharField(
        max_length=10,
        choices=Mode,
        default=Mode.ALL,
        help_text="Editors without a saved choice are emailed about every suggestion.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mode__in=["all", "assigned", "none"]), name="revisions_notification_mode_valid"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_mode_display()}"


class OutboundEmail(models.Model):
    """An email waiting to go, sent after its transaction commits and retried until it does."""

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed (will retry)"
        GAVE_UP = "gave_up", "Gave up"

    suggestion = models.ForeignKey(Suggestion, on_delete=models.CASCADE, null=True, related_name="emails")
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    state = models.CharField(max_length=10, choices=State, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Set by whoever is sending it now, so two senders never both send one email; a sender that dies
    # mid-send lets go when this passes.
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["state", "created_at"], name="revisions_email_state_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=["pending", "sent", "failed", "gave_up"]),
                name="revisions_email_state_valid",
            ),
        ]

    def __str__(self):
        return f"{self.subject} ({self.get_state_display()})"


class Draft(models.Model):
    """A working copy of an article, in the article text format, edited until it is published.

    The live article is untouched until publication. `base_major`/`base_minor` record the version the
    draft started from: publishing refuses if the article has moved on since (optimistic locking), and
    the editor brings the draft up to date with a three-way merge.
    """

    class State(models.TextChoices):
        EDITING = "editing", "Being drafted"
        AWAITING_APPROVAL = "awaiting_approval", "Awaiting the submitter's approval"
        APPROVED = "approved", "Approved by the submitter"
        DECLINED = "declined", "Declined by the submitter"
        PUBLISHED = "published", "Published"
        DISCARDED = "discarded", "Discarded"

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="drafts")
    suggestion = models.ForeignKey(Suggestion, on_delete=models.PROTECT, null=True, blank=True, related_name="drafts")
    base_major = models.PositiveSmallIntegerField()
    base_minor = models.PositiveSmallIntegerField()
    text = models.TextField(help_text="The whole article in the article format (docs/article-format.md).")
    summary = models.CharField(max_length=300, blank=True, help_text="What changes, in a line, for the history.")
    state = models.CharField(max_length=20, choices=State, default=State.EDITING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A fresh key per approval request; cleared once the submitter decides, so each link decides once.
    approval_key = models.CharField(max_length=64, blank=True)
    approval_sent_at = models.DateTimeField(null=True, blank=True)
    approval_decided_at = models.DateTimeField(null=True, blank=True)
    approval_comment = models.TextField(blank=True)
    published_version = models.CharField(max_length=20, blank=True)

    # Every save of the working copy, for the admin's audit; the public history is the published versions.
    history = HistoricalRecords(excluded_fields=["approval_key"])

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    state__in=["editing", "awaiting_approval", "approved", "declined", "published", "discarded"]
                ),
                name="revisions_draft_state_valid",
            ),
        ]

    def __str__(self):
        return f"Draft #{self.pk} of {self.article_id}"

    def get_absolute_url(self):
        return reverse("revisions:draft", args=[self.pk])

    @property
    def base_version(self):
        return f"{self.base_major}.{self.base_minor}"

    @property
    def is_live(self):
        return self.state not in (self.State.PUBLISHED, self.State.DISCARDED)


class SourceAlertQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state=SourceAlert.State.OPEN)

    def for_queue(self):
        """Open items for the queue, oldest first, with what each names: one query."""
        return self.open().select_related("article", "source").order_by("raised_at", "pk")


class SourceAlert(models.Model):
    """A system-raised item in the editors' queue: the article cites a source that was retracted or superseded.

    Raised when an admin changes the source's status (`services.source_alerts_sync`); one open item per article
    and source, updated rather than repeated when the source is saved again. Editors resolve it once the
    article no longer leans on the source, or they decide it may.
    """

    class State(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="source_alerts")
    source = models.ForeignKey("sources.Source", on_delete=models.CASCADE, related_name="+")
    source_status = models.CharField(max_length=12, help_text="The source's status when the item was last raised.")
    # The citing sentences' stable keys when it was raised: they survive later versions, so the links hold.
    unit_keys = models.JSONField(default=list)
    state = models.CharField(max_length=10, choices=State, default=State.OPEN)
    raised_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolution = models.TextField(blank=True, help_text="How it was resolved.")

    objects = SourceAlertQuerySet.as_manager()

    class Meta:
        ordering = ["raised_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=["open", "resolved"]), name="revisions_sourcealert_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(source_status__in=["retracted", "superseded"]),
                name="revisions_sourcealert_status_withdrawn",
            ),
            # Saving the same source again updates the open item instead of raising a second one.
            models.UniqueConstraint(
                fields=["article", "source"],
                condition=models.Q(state="open"),
                name="revisions_sourcealert_one_open_per_source",
            ),
        ]

    def __str__(self):
        return f"Source {self.source_id} {self.source_status} in {self.article_id}"

    def get_absolute_url(self):
        return reverse("revisions:alert", args=[self.pk])

    @property
    def is_open(self):
        return self.state == self.State.OPEN

    @property
    def key_labels(self):
        return [unit_key_label(key) for key in self.unit_keys]
