from django import forms
from django.core.exceptions import ValidationError

from .models import Unit, parse_marker


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
            "text": forms.Textarea(attrs={"rows": 2, "cols": 60}),
            "objective": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, article=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        if self.instance.pk:
            if self.instance.is_llm:
                self.initial["provenance"] = "LLM"
            else:
                numbers = self.instance.citations.order_by("position").values_list("article_source__number", flat=True)
                self.initial["provenance"] = " ".join(map(str, numbers))

    def clean_provenance(self):
        is_llm, numbers = parse_marker(self.cleaned_data["provenance"])
        known = set()
        if self.article is not None:
            known = set(self.article.numbered_sources.values_list("number", flat=True))
        unknown = sorted(set(numbers) - known)
        if unknown:
            raise ValidationError(
                "Source %(numbers)s is not in this article's source list.",
                code="provenance_unknown_source",
                params={"numbers": ", ".join(map(str, unknown))},
            )
        self.provenance_value = (is_llm, numbers)
        return self.cleaned_data["provenance"]
