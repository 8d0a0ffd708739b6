from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles import views as article_views
from articles.sitemaps import SITEMAPS
from ops import views as ops_views

urlpatterns = [
    path("healthz/", ops_views.healthz, name="healthz"),
    path("readyz/", ops_views.readyz, name="readyz"),
    path("robots.txt", article_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Live preview for editors only; it renders through the same sanitiser as the pages. The
    # package's image-upload URL is deliberately not routed: articles carry no uploaded images.
    path(
        "markdownx/markdownify/",
        staff_member_required(article_views.MarkdownPreview.as_view()),
        name="markdownx_markdownify",
    ),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    # Articles first: the pages most requested resolve without trying every editors' route before them.
    path("", include("articles.urls")),
    path("", include("revisions.urls")),
]

handler400 = "ops.views.bad_request"
handler403 = "ops.views.permission_denied"
handler404 = "ops.views.page_not_found"
handler500 = "ops.views.server_error"
