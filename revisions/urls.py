from django.urls import path

from . import views

app_name = "revisions"

urlpatterns = [
    path("articles/<slug:slug>/suggest/", views.suggest, name="suggest"),
    path("suggestions/<str:token>/", views.status, name="status"),
    path("editors/queue/", views.queue, name="queue"),
    path("editors/queue/<int:pk>/", views.queue_detail, name="queue_detail"),
    path("editors/queue/<int:pk>/<slug:action>/", views.queue_action, name="queue_action"),
]
