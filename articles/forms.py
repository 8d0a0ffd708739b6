import re

from django import forms
from django.core.exceptions import ValidationError
from markdownx.widgets import AdminMarkdownxWidget

from .models import MARKER_IN_TEXT, Article, Unit, parse_marker
from .search import MAX_QUERY_LENGTH


def _one_line(value, what):
    value = value.strip()
    if "\n" in value or "\r" in value:
        raise ValidationError(f"{what} is one line: remove the line breaks.", code="not_one_line")
    return value


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "status",
            "lead",
            "article_type",
            "discipline",
            "family",
            "version_major",
            "version_minor",
            "generating_model",
            "generated_on",
            "see_also",
        ]
        widgets = {"lead": AdminMarkdownxWidget(attrs={"rows": 4})}

    def clean_lead(self):
        return _one_line(self.cleaned_data["lead"], "The lead")


class UnitAdminForm(forms.ModelForm):
    """Edits a unit with its provenance as one marker: source numbers ("2 7") or LLM."""

    provenance = forms.CharField(
        max_length=100,
        help_text="Source numbers from the article's list, separated by spaces (e.g. 2 7), or LLM.",
    )

    class Meta:
        model = Unit
        fields = ["position", "term", "goal", "objective", "text", "end", "provenance"]
        widgets = {
            "text": AdminMarkdownxWidget(attrs={"rows": 2, "cols": 60}),
            "objective": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, known_numbers=(), **kwargs):
        """`known_numbers` are the article's source numbers, looked up once for the whole formset."""
        super().__init__(*args, **kwargs)
        self.known_numbers = set(known_numbers)
        if self.instance.pk:
            if self.instance.is_llm:
                self.initial["provenance"] = "LLM"
            else:
                # Uses the citations the admin prefetched with their sources, in marker order.
                citations = sorted(self.instance.citations.all(), key=lambda c: c.position)
                self.initial["provenance"] = " ".join(str(c.article_source.number) for c in citations)

    def clean_text(self):
        text = _one_line(self.cleaned_data["text"], "A sentence")
        if MARKER_IN_TEXT.search(text):
            raise ValidationError(
                "Put the provenance in its own field, not in the sentence; write a literal bracket as \\[.",
                code="marker_in_text",
            )
        return text

    def clean_provenance(self):
        is_llm, numbers = parse_marker(self.cleaned_data["provenance"])
        unknown = sorted(set(numbers) - self.known_numbers)
        if unknown:
            raise ValidationError(
                "Source %(numbers)s is not in this article's source list.",
                code="provenance_unknown_source",
                params={"numbers": ", ".join(map(str, unknown))},
            )
        self.provenance_value = (is_llm, numbers)
        return self.cleaned_data["provenance"]


SOURCED_SHARE_CHOICES = [("", "any share"), ("25", "25 %"), ("50", "50 %"), ("75", "75 %"), ("90", "90 %")]


class SearchForm(forms.Form):
    """The search page's query and filters, from the URL. Every field is optional; a bad value is reported."""

    q = forms.CharField(label="Search articles", required=False, strip=True)
    type = forms.ChoiceField(label="Type", required=False)
    discipline = forms.ChoiceField(label="Discipline", required=False)
    family = forms.ChoiceField(label="Family", required=False)
    sourced = forms.ChoiceField(label="Sourced share at least", required=False, choices=SOURCED_SHARE_CHOICES)
    # A page number that is not one (typed or stale) shows the first page rather than an error.
    page = forms.CharField(required=False)

    def __init__(self, *args, taxa, **kwargs):
        super().__init__(*args, **kwargs)
        self.taxa = taxa
        # A NUL is dropped with the other control characters (clean_q), not refused.
        self.fields["q"].validators = []
        for name, items in taxa.items():
            self.fields[name].choices = [("", f"any {name}")] + [(t.slug, t.name) for t in items]

    def clean_q(self):
        value = re.sub(r"[\x00-\x1f\x7f]+", " ", self.cleaned_data["q"]).strip()
        if len(value) > MAX_QUERY_LENGTH:
            raise ValidationError(
                "Searches are limited to %(limit)d characters; this one has %(length)d. Shorten it to the key words.",
                code="query_too_long",
                params={"limit": MAX_QUERY_LENGTH, "length": len(value)},
            )
        return value

    def clean_page(self):
        value = self.cleaned_data["page"]
        return max(1, int(value)) if re.fullmatch(r"[0-9]{1,5}", value) else 1

    def filters(self):
        """The filters as the page shows them: name, label, choices, the value chosen, and whether it was refused."""
        out = []
        for name in ("type", "discipline", "family", "sourced"):
            field = self.fields[name]
            value = self.data.get(name, "") if self.is_bound else ""
            invalid = self.is_bound and name in self.errors
            out.append(
                {
                    "name": name,
                    "label": field.label,
                    "choices": field.choices,
                    "value": "" if invalid else value,
                    "invalid": invalid,
                }
            )
        return out

    def taxon_id(self, name):
        slug = self.cleaned_data.get(name)
        return next((t.pk for t in self.taxa[name] if t.slug == slug), None) if slug else None
