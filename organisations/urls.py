from django.urls import path

from . import views
from .sign_in import views as sign_in_views

app_name = "organisations"

urlpatterns = [
    path("organisaties/", views.index, name="index"),
    path("organisaties/<slug:slug>/", views.detail, name="detail"),
    path("mijn/organisatie/inloggen/", sign_in_views.settings_page, name="sign_in_settings"),
    path("account/organisatie/", sign_in_views.start, name="sign_in_start"),
]
