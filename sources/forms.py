from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from articles.validation import unwritable_text
from ops.ids import row_id

from .identifiers import normalise_doi, normalise_isbn, normalise_pmid
from .models import Source, SourceStatus


def _formfield(db_field, **kwargs):
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")  # an address typed without a scheme is https
    return db_field.formfield(**kwargs)


class SourceForm(forms.ModelForm):
    """A library source as admins edit it: identifiers accepted as pasted, stored in one form."""

    # Longer than the stored ISBN: it is typed with hyphens and stored without.
    isbn = forms.CharField(
        label="ISBN", max_length=24, required=False, help_text=Source._meta.get_field("isbn").help_text
    )

    class Meta:
        model = Source
        formfield_callback = _formfield
        fields = [
            "title",
            "authors",
            "year",
            "container",
            "kind",
            "tier",
            "url",
            "doi",
            "pmid",
            "isbn",
            "status",
            "superseded_by",
            "retracted_on",
            "retraction_notice",
        ]
        # A date input's value is always written year-month-day, whatever the site's locale.
        widgets = {"retracted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A submission that leaves the status out keeps the source's status rather than failing.
        self.fields["status"].required = False
        # The admin's autocomplete widget looks its value up to show it again, and a value that is no id
        # ("abc", or past the database's integers) would fail there with a 500: it is refused here instead.
        successor = self.data.get(self.add_prefix("superseded_by"), "") if self.is_bound else ""
        self.forged_successor = bool(successor) and row_id(successor) is None
        if self.forged_successor:
            self.data = self.data.copy()
            self.data[self.add_prefix("superseded_by")] = ""

    def clean_status(self):
        return self.cleaned_data.get("status") or self.instance.status or SourceStatus.CURRENT

    def clean_doi(self):
        return normalise_doi(self.cleaned_data.get("doi"))

    def clean_pmid(self):
        return normalise_pmid(self.cleaned_data.get("pmid"))

    def clean_isbn(self):
        return normalise_isbn(self.cleaned_data.get("isbn"))

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and year > timezone.localdate().year + 1:
            raise ValidationError(
                "%(year)s is in the future: give the year the work was published.",
                code="year_in_future",
                params={"year": year},
            )
        return year

    def clean_retracted_on(self):
        day = self.cleaned_data.get("retracted_on")
        if day is not None and day > timezone.localdate():
            raise ValidationError("A retraction cannot be dated in the future.", code="retraction_in_future")
        return day

    def clean(self):
        cleaned = super().clean()
        # A corrected address is worth checking again: until the next check, the source is no longer shown broken.
        if (
            self.instance.pk
            and "url" in self.changed_data
            and "status" not in self.changed_data
            and cleaned.get("status") == SourceStatus.LINK_BROKEN
        ):
            cleaned["status"] = SourceStatus.CURRENT
        if self.forged_successor:
            self.add_error("superseded_by", "Choose the source that supersedes this one from the list.")
        # The library holds each work once, known by its DOI, else its address (articles.importing): a second
        # record of one work would make every draft citing both read as citing one work twice.
        others = Source.objects.exclude(pk=self.instance.pk) if self.instance.pk else Source.objects.all()
        doi, url = cleaned.get("doi"), cleaned.get("url")
        same = None
        if doi:
            same, field = others.filter(doi__iexact=doi).first(), "doi"
        elif url:
            same, field = others.filter(doi="", url=url).first(), "url"
        if same is not None and cleaned.get("status") != SourceStatus.SUPERSEDED:
            self.add_error(
                field,
                f"The library already holds this work as “{same.title}” (source #{same.pk}), with the same "
                f"{'DOI' if field == 'doi' else 'address'}: correct that record, or mark this one superseded by it.",
            )
        # Articles show these; a value the text format cannot carry would stop every later draft of them.
        for field in ("title", "authors", "container", "url"):
            value = cleaned.get(field)
            problem = unwritable_text(value) if isinstance(value, str) else ""
            if problem:
                self.add_error(field, problem)
        return cleaned
