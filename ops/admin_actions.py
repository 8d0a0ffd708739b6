"""Admin lists that refuse a selection or a search they cannot run, instead of failing with a 500 or a 503."""

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError

from .ids import MAX_ID

# Django turns each word of an admin search into one condition per search field: thousands of words make a query
# the database refuses as too complex, which would read as the database being down.
ADMIN_SEARCH_MAX_WORDS = 12
ADMIN_SEARCH_MAX_LENGTH = 300


class BoundedSearchAdmin:
    """A search longer than any a person types is refused with a message, and the list shows nothing."""

    def get_search_results(self, request, queryset, search_term):
        if len(search_term) > ADMIN_SEARCH_MAX_LENGTH or len(search_term.split()) > ADMIN_SEARCH_MAX_WORDS:
            self.message_user(
                request,
                f"The search was not run: use at most {ADMIN_SEARCH_MAX_WORDS} words and "
                f"{ADMIN_SEARCH_MAX_LENGTH} characters.",
                messages.WARNING,
            )
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)


class SelectionCheckedAdmin(BoundedSearchAdmin):
    """A list action on items named by anything but their ids ("abc", "²", a number past the database's
    integers: only a hand-made request sends one) tells the admin so and runs on nothing. Django would pass
    such values to the database, which fails with a 500."""

    def response_action(self, request, queryset):
        pk = self.model._meta.pk
        for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
            try:
                number = pk.to_python(value)
            except ValidationError:
                number = None
            if number is None or (isinstance(number, int) and not 0 < number <= MAX_ID):
                self.message_user(
                    request, "The selection was not understood: choose the items again.", messages.WARNING
                )
                return None  # the list is shown again, nothing done
        return super().response_action(request, queryset)
