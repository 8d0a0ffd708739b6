"""Admin list actions that refuse a selection they cannot read, instead of failing with a 500."""

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError

from .ids import MAX_ID


class SelectionCheckedAdmin:
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
