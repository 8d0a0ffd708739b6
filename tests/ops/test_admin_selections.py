"""Every admin list of the site, Django's own user and group lists included, refuses a list action on a
selection that names no row in words, never with a 500."""

import pytest
from django.contrib import admin
from django.urls import reverse

from ops.admin_actions import SelectionCheckedAdmin

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


@pytest.mark.parametrize("model, model_admin", REGISTERED, ids=[m._meta.label for m, _ in REGISTERED])
@pytest.mark.parametrize("forged", ["abc", "1" * 5000, "99999999999999999999"])
def test_a_list_action_on_a_forged_selection_is_refused_on_every_admin_list(admin_client, model, model_admin, forged):
    path = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = admin_client.post(path, {"action": "delete_selected", "_selected_action": [forged]}, follow=True)
    assert response.status_code == 200
    actions = model_admin.get_actions(response.wsgi_request)
    if "delete_selected" in actions:
        assert "The selection was not understood: choose the items again." in response.content.decode()
    assert isinstance(model_admin, SelectionCheckedAdmin) or not actions


def test_the_user_list_still_deletes_a_real_selection(admin_client, django_user_model):
    doomed = django_user_model.objects.create_user("synthetic-reader", password="not-a-real-password-42")
    selected = {"action": "delete_selected", "_selected_action": [doomed.pk], "post": "yes"}
    admin_client.post(reverse("admin:auth_user_changelist"), selected)
    assert not django_user_model.objects.filter(pk=doomed.pk).exists()


SEARCHABLE = [(model, model_admin) for model, model_admin in REGISTERED if model_admin.search_fields]


@pytest.mark.parametrize("model, model_admin", SEARCHABLE, ids=[m._meta.label for m, _ in SEARCHABLE])
@pytest.mark.parametrize("query", ["a " * 2500, "a" * 50_000], ids=["2,500 words", "50,000 characters"])
def test_a_search_longer_than_anyone_types_is_refused_with_a_message_not_a_database_outage(
    admin_client, model, model_admin, query
):
    path = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = admin_client.get(path, {"q": query})
    assert response.status_code == 200
    assert "The search was not run: use at most" in response.content.decode()


def test_an_ordinary_admin_search_still_finds(admin_client, django_user_model):
    django_user_model.objects.create_user("synthetic-searchable-editor", password="not-a-real-password-42")
    response = admin_client.get(reverse("admin:auth_user_changelist"), {"q": "synthetic searchable"})
    assert "synthetic-searchable-editor" in response.content.decode()


def test_the_admin_leads_an_editor_to_the_queue(admin_client):
    assert '<a href="/editors/queue/">Editor queue</a>' in admin_client.get(reverse("admin:index")).content.decode()
