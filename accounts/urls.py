from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("welkom/", views.onboarding, name="onboarding"),
    path("profiel/", views.profile, name="profile"),
]
