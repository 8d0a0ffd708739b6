from django.urls import path

from . import views
from .feeds import ArticleVersionsFeed, VersionsFeed

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("articles/<slug:slug>/", views.detail, name="detail"),
    path("articles/<slug:slug>.json", views.detail_json, name="detail_json"),
    path("articles/<slug:slug>/upvote/", views.upvote, name="upvote"),
    path("articles/<slug:slug>/history/", views.history, name="history"),
    path("articles/<slug:slug>/versions/<str:version>/", views.version_detail, name="version"),
    path("articles/<slug:slug>/compare/", views.compare, name="compare"),
    path("articles/<slug:slug>/revert/", views.revert, name="revert"),
    path("articles/<slug:slug>/sentences/<str:key>/", views.sentence, name="sentence"),
    path("articles/<slug:slug>/sentences/<str:key>/history/", views.sentence_history, name="sentence_history"),
    path("articles/<slug:slug>/feed/", ArticleVersionsFeed(), name="article_feed"),
    path("a-z/", views.a_to_z, name="a_to_z"),
    path("feeds/versions/", VersionsFeed(), name="feed"),
    path("types/", views.type_index, name="type_index"),
    path("disciplines/", views.discipline_index, name="discipline_index"),
    path("families/", views.family_index, name="family_index"),
    path("types/<slug:slug>/", views.browse_type, name="browse_type"),
    path("disciplines/<slug:slug>/", views.browse_discipline, name="browse_discipline"),
    path("families/<slug:slug>/", views.browse_family, name="browse_family"),
]
