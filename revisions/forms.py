import re

from django import forms
from django.core.exceptions import ValidationError

from articles.models import TierRule

from .models import Category, Credit, NotificationPreference
from .phi import screen
from .services import DRAFT_TEXT_MAX_LENGTH

LIMITS = {"proposed_text": 5000, "sources_text": 3000, "note": 2000, "name": 200}
# Control characters a keyboard does not type (C0, DEL and C1); tabs and line breaks (NEL, U+0085, among them) are
# fine where a text may have lines.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
# A name is shown in public credits and written into emails: no character that shows nothing (a zero-width space,
# a word joiner, a byte-order mark, tag characters) or that stands for bytes the browser could not read (U+FFFD).
# Zero-width joiners and non-joiners stay: names in Persian, Indic scripts and others need them.
UNSEEN_IN_NAMES = re.compile("[\u200b\u2060\ufeff\ufffd\U000e0000-\U000e007f]")
# Bidirectional formatting characters make text display in another order than it is stored, so a
# name could read reversed on the public history; a line break in a name would reach an email's text.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
LINE_BREAKS = re.compile("[\n\r\v\f\x85\u2028\u2029]")
SCREENED_FIELDS = {"proposed_text": "Proposed text", "sources_text": "Supporting sources", "note": "Note"}
# Shorter names than the labels of questions and of the long checkbox, for the error summary.
SUMMARY_NAMES = {"category": "Kind of change", "credit": "Public credit", "attested_no_phi": "No PHI"}


def phi_error(finding, value):
    """The message for text the PHI screen refuses: the kind of identifier, its value masked."""
    return ValidationError(
        "Please remove the %(what)s (%(masked)s): never include client-identifying or protected health "
        "information. Nothing has been saved.",
        code="phi",
        params={"what": finding.label, "masked": f"“{finding.masked(value)}”"},
    )


def validate_single_line(value):
    """Refuse line breaks and direction-changing characters in a field meant for one line of text."""
    if LINE_BREAKS.search(value):
        raise ValidationError("Write this on one line, without line breaks.", code="not_one_line")
    if BIDI_CONTROLS.search(value):
        raise ValidationError(
            "This contains invisible characters that change the direction of text; please retype it.",
            code="bidi_controls",
        )


def length_as_typed(value):
    """The length the reader sees: a browser sends each line break as two characters (CRLF)."""
    return len(value) - value.count("\r\n")


class LimitedTextField(forms.CharField):
    """Text whose length limit the server checks and a text area shows as a live count (static/js/suggest.js),
    with no maxlength attribute there: a browser cuts a paste at maxlength without a word, losing its end."""

    def __init__(self, *, limit, **kwargs):
        self.limit = limit  # before the field's widget reads it
        super().__init__(strip=False, **kwargs)  # strip=False: saved exactly as typed

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.Textarea):
            attrs["data-limit"] = str(self.limit)
        else:
            attrs["maxlength"] = str(self.limit)  # one line: nothing that long is pasted by mistake
        return attrs

    def validate(self, value):
        super().validate(value)
        length = length_as_typed(value)
        if length > self.limit:
            raise ValidationError(
                "This is %(length)s characters; the limit is %(limit)s — please shorten it by %(over)s.",
                code="max_length",
                params={"length": f"{length:,}", "limit": f"{self.limit:,}", "over": f"{length - self.limit:,}"},
            )


def _limited(label, field, **kwargs):
    limit = LIMITS[field]
    return LimitedTextField(label=label, limit=limit, help_text=f"Up to {limit:,} characters.", **kwargs)


class SuggestionForm(forms.Form):
    """A reader's suggested revision. PHI is screened here, before anything is saved."""

    target = forms.CharField(required=False, widget=forms.HiddenInput)
    category = forms.ChoiceField(
        label="What kind of change?",
        choices=Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of change you suggest."},
    )
    proposed_text = _limited(
        "Your suggested change",
        "proposed_text",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write the change you suggest."},
    )
    sources_text = _limited(
        "Supporting sources",
        "sources_text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    note = _limited(
        "Note to the editors (optional)",
        "note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    name = _limited(
        "Your name",
        "name",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Tell us your name: it is how we address you."},
    )
    email = forms.EmailField(
        label="Your email",
        max_length=254,
        help_text="Only the editors see it. We write to you about this suggestion and nothing else.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": "Give your email address: it is how we tell you what happens next."},
    )
    credit = forms.ChoiceField(
        label="Public credit preference",
        choices=Credit.choices,
        initial=Credit.ANONYMOUS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the article's history credits you."},
    )
    wants_approval = forms.BooleanField(
        label="Email me the drafted change to approve before it is published.", required=False, initial=True
    )
    attested_no_phi = forms.BooleanField(
        label="This suggestion contains no client-identifying or protected health information (PHI).",
        error_messages={"required": "Please confirm that your suggestion contains no PHI."},
    )
    # Left empty by people; bots that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources_text"].help_text = (
            "One or more: a citation, URL, DOI or PMID, one per line. Needed unless you only suggest clearer wording. "
            f"Up to {LIMITS['sources_text']:,} characters."
        )
        self.phi_findings = []

    def _clean_text(self, field):
        value = self.cleaned_data.get(field, "")
        if CONTROL_CHARACTERS.search(value):
            raise ValidationError(
                "This contains invisible control characters; please retype or paste it as plain text.",
                code="control_characters",
            )
        return value

    def clean_proposed_text(self):
        value = self._clean_text("proposed_text")
        if not value.strip():
            raise ValidationError("Write the change you suggest.", code="required")
        return value

    def clean_sources_text(self):
        return self._clean_text("sources_text")

    def clean_note(self):
        return self._clean_text("note")

    def clean_name(self):
        value = self._clean_text("name")
        validate_single_line(value)
        if UNSEEN_IN_NAMES.search(value):
            raise ValidationError(
                "Your name contains a character that shows nothing or could not be read (such as a zero-width "
                "space); please retype it.",
                code="unseen_characters",
            )
        if not value.strip():
            raise ValidationError("Tell us your name: it is how we address you.", code="required")
        return value

    @classmethod
    def initial_from(cls, data):
        """Initial values that show a form exactly as it was submitted in `data`, without validating it."""
        checkboxes = {name for name, field in cls.base_fields.items() if isinstance(field, forms.BooleanField)}
        initial = {name: data.get(name, "") for name in cls.base_fields if name not in checkboxes}
        initial.update({name: name in data for name in checkboxes})
        initial["website"] = ""
        return initial

    def error_summary(self):
        """Every error once, for the list that opens the form: each field's with a short name for it and the id of
        what its link moves to (a choice's first option)."""
        summary = [{"message": message} for message in self.non_field_errors()]
        for bound in self:
            for message in bound.errors:
                name = SUMMARY_NAMES.get(bound.name) or suggestion_field_label(bound.name)
                summary.append({"id": bound.subwidgets[0].id_for_label, "name": name, "message": message})
        return summary

    def is_bot(self):
        return bool(self.data.get("website"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("category") and cleaned["category"] != Category.UNCLEAR_WORDING:
            if "sources_text" in cleaned and not cleaned["sources_text"].strip():
                self.add_error(
                    "sources_text",
                    ValidationError(
                        "Give at least one supporting source (citation, URL, DOI or PMID).", code="sources_required"
                    ),
                )
        texts = {field: cleaned[field] for field in SCREENED_FIELDS if cleaned.get(field)}
        screening = screen(texts, citation_fields={"sources_text"}, field_labels=SCREENED_FIELDS)
        for finding in screening.confident:
            self.add_error(finding.field, phi_error(finding, texts[finding.field]))
        self.phi_findings = [
            {
                "kind": f.kind,
                "label": f.label,
                "field": f.field,
                "start": f.start,
                "end": f.end,
                "masked": f.masked(texts[f.field]),
            }
            for f in screening.borderline
        ]
        return cleaned

    def suggestion_fields(self):
        data = self.cleaned_data
        return {
            "category": data["category"],
            "proposed_text": data["proposed_text"],
            "sources_text": data["sources_text"],
            "note": data["note"],
            "name": data["name"],
            "email": data["email"],
            "credit": data["credit"],
            "wants_approval": data["wants_approval"],
            "attested_no_phi": data["attested_no_phi"],
        }


def suggestion_field_label(field):
    """How the suggestion form labels a field, so notes about it (a PHI hold) use the words the reader saw."""
    form_field = SuggestionForm.base_fields.get(field)
    if form_field is None:
        return field.replace("_", " ")
    return str(form_field.label).removesuffix(" (optional)")


MESSAGE_LIMIT = 4000


class ReasonForm(forms.Form):
    """A reason, question or note typed by an editor."""

    message = LimitedTextField(limit=MESSAGE_LIMIT, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_message(self):
        value = self.cleaned_data["message"].strip()
        if self.fields["message"].required and not value:
            raise ValidationError("Write something first: this is empty.", code="required")
        if CONTROL_CHARACTERS.search(value):
            raise ValidationError("This contains invisible control characters.", code="control_characters")
        return value


class OptionalNoteForm(ReasonForm):
    message = LimitedTextField(limit=MESSAGE_LIMIT, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class SubmitterMessageForm(ReasonForm):
    """Text a submitter types after submitting (an answer, or why they send a draft back): screened for PHI
    like the suggestion itself, and refused on any hit, since there is no hold step for it."""

    def clean_message(self):
        value = super().clean_message()
        screening = screen({"message": value}, field_labels={"message": "Your message"})
        if screening.findings:
            raise phi_error(screening.findings[0], value)
        return value


class DraftSummaryForm(forms.Form):
    """The one-line summary of a draft, shown in the public history."""

    summary = forms.CharField(max_length=300, required=False, validators=[validate_single_line])


class SentenceEditForm(forms.Form):
    """The in-place editor's request: the working copy, and optionally one sentence to edit, add or remove."""

    text = forms.CharField(max_length=DRAFT_TEXT_MAX_LENGTH, strip=False)
    op = forms.ChoiceField(
        choices=[("", "Preview only"), ("edit", "Edit"), ("add", "Add after"), ("remove", "Remove")], required=False
    )
    index = forms.IntegerField(min_value=0, required=False)
    sentence = forms.CharField(max_length=4000, required=False, strip=False)
    provenance = forms.CharField(max_length=400, required=False)
    term = forms.CharField(max_length=200, required=False)
    goal = forms.CharField(max_length=300, required=False)
    objective = forms.CharField(max_length=2000, required=False)

    def clean_provenance(self):
        """ "llm", or source numbers in marker order written "2,7"."""
        value = self.cleaned_data["provenance"].strip()
        if value.lower() == "llm":
            return "llm"
        if not value:
            return []
        if not re.fullmatch(r"[0-9]{1,4}(,[0-9]{1,4})*", value):
            raise ValidationError("Provenance is LLM or source numbers such as 2,7.", code="bad_provenance")
        return [int(n) for n in value.split(",")]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("op") and cleaned.get("index") is None:
            self.add_error("index", ValidationError("Say which sentence.", code="missing_index"))
        for field in ("text", "sentence", "term", "goal", "objective"):
            if CONTROL_CHARACTERS.search(cleaned.get(field) or ""):
                self.add_error(field, ValidationError("This contains invisible control characters.", code="control"))
        return cleaned

    def error_messages(self):
        return [message for errors in self.errors.values() for message in errors]

    def edit(self):
        """The arguments of `sentence_apply`, or None for a preview of the text alone."""
        data = self.cleaned_data
        if not data.get("op"):
            return None
        return {
            "op": data["op"],
            "index": data["index"],
            "text": data["sentence"],
            "provenance": data["provenance"],
            "term": data["term"],
            "goal": data["goal"],
            "objective": data["objective"],
        }


class NotificationPreferenceForm(forms.Form):
    """An editor's choice of notification emails, and the address they go to."""

    mode = forms.ChoiceField(
        label="Email me about new suggestions, submitters’ answers, approvals, send-backs and withdrawals on",
        choices=NotificationPreference.Mode.choices,
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(
        label="Send them to",
        max_length=254,
        required=False,
        help_text="Your account’s email address. Without one, you get no notifications.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mode") and cleaned["mode"] != NotificationPreference.Mode.NONE and not cleaned.get("email"):
            if "email" not in self.errors:
                self.add_error(
                    "email", ValidationError("Give the address to email, or choose none.", code="email_required")
                )
        return cleaned


class TierRuleForm(forms.ModelForm):
    """An editor's evidence standard for sections with a given heading."""

    class Meta:
        model = TierRule
        fields = ["heading", "min_tier", "allow_llm", "enforced"]
        labels = {"heading": "Section heading"}

    def clean_heading(self):
        heading = " ".join(self.cleaned_data["heading"].split())
        if CONTROL_CHARACTERS.search(heading):
            raise ValidationError("The heading contains control characters.", code="control_characters")
        return heading


class ReviewForm(forms.Form):
    """A clinician's review of a published version, as an editor records it."""

    version = forms.ChoiceField(label="Version reviewed")
    reviewer = forms.CharField(
        label="Reviewer's name", max_length=200, help_text="As the page shows it, e.g. “Dr Alex Example”."
    )
    credentials = forms.CharField(label="Credentials", max_length=200, help_text="e.g. “PhD, clinical psychologist”.")
    # A date input's value is always written year-month-day, whatever the site's locale.
    reviewed_on = forms.DateField(
        label="Reviewed on", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    next_review_due = forms.DateField(
        label="Next review due", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, versions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].choices = [(v.version, f"{v.version} ({v.published_at:%Y-%m-%d})") for v in versions]

    def _one_line(self, name):
        value = " ".join(self.cleaned_data[name].split())
        if CONTROL_CHARACTERS.search(value):
            raise ValidationError("This contains control characters.", code="control_characters")
        return value

    def clean_reviewer(self):
        return self._one_line("reviewer")

    def clean_credentials(self):
        return self._one_line("credentials")
