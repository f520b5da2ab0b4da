from django.urls import path, re_path
from django.views.decorators.http import conditional_page
from drf_spectacular.views import SpectacularAPIView

from . import docs, personal, views

app_name = "api"

# conditional_page gives every answer an ETag (a hash of its body) and answers a request
# whose If-None-Match names it with 304 Not Modified.
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("documentatie/", docs.documentation, name="documentation"),
    path("aanbod/", conditional_page(views.ItemList.as_view()), name="items"),
    path("aanbod/<str:slug>/", conditional_page(views.ItemDetail.as_view()), name="item"),
    path("agenda/", conditional_page(views.SessionList.as_view()), name="sessions"),
    path("leergangen/", conditional_page(views.TrackList.as_view()), name="tracks"),
    path("begrippen/", conditional_page(views.GlossaryList.as_view()), name="glossary"),
    path("nieuws/", conditional_page(views.NewsList.as_view()), name="news"),
    path("monitor/", conditional_page(views.FigureList.as_view()), name="figures"),
    path("mij/leerroute/", conditional_page(personal.OwnRoute.as_view()), name="own_route"),
    path(
        "mij/inschrijvingen/",
        conditional_page(personal.OwnRegistrations.as_view()),
        name="own_registrations",
    ),
    path(
        "mij/certificaten/",
        conditional_page(personal.OwnCertificates.as_view()),
        name="own_certificates",
    ),
    path(
        "mij/leerervaringen/",
        conditional_page(personal.OwnLearningRecords.as_view()),
        name="own_learning_records",
    ),
    # Anything else under /api/v1/ is a 404 in JSON, not the site's HTML page.
    re_path(r"", views.not_found, name="not_found"),
]
