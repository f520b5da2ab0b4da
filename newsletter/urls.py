from django.urls import path

from . import views

app_name = "newsletter"

# Below /nieuwsbrief/, which is the newsletter page itself (a Wagtail page with the routes
# "" and "archief/"); an edition cannot take these slugs.
urlpatterns = [
    path("nieuwsbrief/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("nieuwsbrief/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("nieuwsbrief/bounces/", views.bounce_webhook, name="bounce_webhook"),
]
