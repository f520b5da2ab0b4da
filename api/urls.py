from django.urls import path
from django.views.decorators.http import conditional_page

from . import views

app_name = "api"

# conditional_page gives every answer an ETag (a hash of its body) and answers a request
# whose If-None-Match names it with 304 Not Modified.
urlpatterns = [
    path("aanbod/", conditional_page(views.ItemList.as_view()), name="items"),
    path("aanbod/<slug:slug>/", conditional_page(views.ItemDetail.as_view()), name="item"),
    path("agenda/", conditional_page(views.SessionList.as_view()), name="sessions"),
    path("leergangen/", conditional_page(views.TrackList.as_view()), name="tracks"),
    path("begrippen/", conditional_page(views.GlossaryList.as_view()), name="glossary"),
    path("nieuws/", conditional_page(views.NewsList.as_view()), name="news"),
    path("monitor/", conditional_page(views.FigureList.as_view()), name="figures"),
]
