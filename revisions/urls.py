from django.urls import path

from . import views

app_name = "revisions"

urlpatterns = [
    path("articles/<slug:slug>/suggest/", views.suggest, name="suggest"),
    path("suggestions/<str:token>/", views.status, name="status"),
    path("editors/queue/", views.queue, name="queue"),
    path("editors/settings/", views.editor_settings, name="editor_settings"),
    path("editors/queue/<int:pk>/", views.queue_detail, name="queue_detail"),
    path("editors/queue/alerts/<int:pk>/", views.alert_detail, name="alert"),
    path("editors/queue/alerts/<int:pk>/resolve/", views.alert_resolve, name="alert_resolve"),
    path("editors/queue/<int:pk>/draft/", views.draft_start, name="draft_start"),
    path("editors/queue/<int:pk>/<slug:action>/", views.queue_action, name="queue_action"),
    path("editors/drafts/new/", views.draft_new, name="draft_new"),
    path("editors/drafts/<int:pk>/", views.draft_detail, name="draft"),
    path("editors/drafts/<int:pk>/update/", views.draft_update, name="draft_update"),
    path("editors/drafts/<int:pk>/preview/", views.draft_preview, name="draft_preview"),
    path("editors/drafts/<int:pk>/<slug:action>/", views.draft_action, name="draft_action"),
    path("drafts/review/<str:token>/", views.draft_review, name="draft_review"),
    path("editors/evidence/", views.evidence_dashboard, name="evidence"),
    path("editors/evidence/rules/", views.tier_rules, name="tier_rules"),
    path("editors/evidence/rules/<int:pk>/", views.tier_rule_edit, name="tier_rule"),
    path("editors/evidence/rules/<int:pk>/delete/", views.tier_rule_remove, name="tier_rule_delete"),
    path("editors/evidence/articles/<slug:slug>/review/", views.review_record, name="review"),
]
